import {
  diagramLayoutSchema,
  modelReadSchema,
  type DiagramLayout,
  type ModelRead,
} from '../../../shared/contract/data-model';
import { isAppError } from '../../../shared/errors/app-error';
import type { Logger } from '../../platform/logging/logger';
import type { JobRegistry } from '../jobs/job-registry';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { createConnectionFiles, type ConnectionFiles } from './connection-files';
import { readModel } from './read-model';

/**
 * The data model of each connection: read live, kept on disk as the last-read copy so the
 * diagram opens offline, plus the positions the admin gave objects on the diagram.
 */
export interface DataModelDeps {
  dataDir: string;
  workspaces: Pick<WorkspacesService, 'client'>;
  jobs: JobRegistry;
  logger: Logger;
  /** Shared with the other per-connection files so each file has one writer. */
  files?: ConnectionFiles;
}

const cachedReadSchema = modelReadSchema.nullable();

export const createDataModelService = (deps: DataModelDeps) => {
  const store = deps.files ?? createConnectionFiles(deps.dataDir, (m) => deps.logger.warn(m));
  const modelCache = (id: string) => store('models', id, cachedReadSchema, () => null);
  const layoutStore = (id: string) =>
    store('layouts', id, diagramLayoutSchema, (): DiagramLayout => ({ positions: {} }));

  return {
    async getModel(connectionId: string, refresh: boolean): Promise<ModelRead> {
      const cached = await modelCache(connectionId).read();
      if (cached && !refresh) return cached;
      try {
        const model = await deps.jobs.run(
          { kind: 'read-model', title: 'Reading the data model', cancellable: true },
          async (job) => readModel(await deps.workspaces.client(connectionId), job.signal),
        );
        const read: ModelRead = {
          model,
          readAt: new Date().toISOString(),
          source: 'live',
          problem: null,
        };
        await modelCache(connectionId).write(read);
        return read;
      } catch (error) {
        // Offline or failing: the last copy is still worth showing, marked as such.
        if (!cached || (isAppError(error) && error.code === 'CANCELLED')) throw error;
        return { ...cached, source: 'cache', problem: (error as Error).message };
      }
    },
    getLayout: (connectionId: string) => layoutStore(connectionId).read(),
    async saveLayout(connectionId: string, layout: DiagramLayout) {
      await layoutStore(connectionId).write(layout);
      return { saved: true };
    },
  };
};
