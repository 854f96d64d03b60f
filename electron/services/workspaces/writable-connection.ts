import type { Connection } from '../../../shared/contract/connections';
import { AppError } from '../../../shared/errors/app-error';
import type { WorkspacesService } from './workspaces-service';

/** A connection by id, or NOT_FOUND. */
export const findConnection = async (
  workspaces: Pick<WorkspacesService, 'list'>,
  id: string,
): Promise<Connection> => {
  const found = (await workspaces.list()).connections.find((candidate) => candidate.id === id);
  if (!found) throw new AppError('NOT_FOUND', `No connection with id ${JSON.stringify(id)}`);
  return found;
};

/**
 * A connection Atelier may write into: never a read-only one, and a remote only once the admin
 * confirmed it (the answer names the workspace, so the renderer's dialog can ask).
 */
export const writableConnection = async (
  workspaces: Pick<WorkspacesService, 'list'>,
  id: string,
  confirm: boolean,
  what: string,
): Promise<Connection> => {
  const target = await findConnection(workspaces, id);
  if (target.readOnly)
    throw new AppError(
      'PERMISSION',
      `"${target.name}" is read-only in Atelier: turn read-only off in Connections to write there`,
    );
  if (target.kind === 'remote' && !confirm)
    throw new AppError('INVALID_INPUT', `${what} "${target.name}": confirm it to go on`, {
      needsConfirmation: true,
      target: target.name,
    });
  return target;
};
