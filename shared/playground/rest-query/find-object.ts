import type { ModelObject, WorkspaceModel } from '../../contract/data-model';

/** The object a query targets, given as itself or by its singular or plural name. */
export const findObject = (
  object: ModelObject | string,
  model: WorkspaceModel | undefined,
): ModelObject | null => {
  if (typeof object !== 'string') return object;
  return (
    model?.objects.find(
      (candidate) => candidate.namePlural === object || candidate.nameSingular === object,
    ) ?? null
  );
};
