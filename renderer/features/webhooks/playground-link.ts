import type { WorkspaceModel } from '../../../shared/contract';
import type { PlaygroundTab } from '../playground/playground-store';

/**
 * The playground tab that reads a delivery's record as it is now: a REST GET on the object's
 * plural, so the admin compares the payload with the record (null when the object is unknown).
 */
export const recordTabFor = (
  model: WorkspaceModel | undefined,
  objectName: string,
  recordId: string,
): Partial<PlaygroundTab> | null => {
  const object = model?.objects.find((candidate) => candidate.nameSingular === objectName);
  if (!object) return null;
  return {
    title: `${object.labelSingular} ${recordId.slice(0, 8)}`,
    kind: 'rest',
    api: 'core',
    method: 'GET',
    path: `/${object.namePlural}/${recordId}`,
    body: '{}',
    builderOpen: false,
  };
};
