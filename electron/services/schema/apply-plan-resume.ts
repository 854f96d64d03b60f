import type { WorkspaceModel } from '../../../shared/contract/data-model';
import type { PlanStep } from '../../../shared/schema/plan-changes';

/**
 * A type change's steps, recognised as done when an earlier run of the plan did them (it failed
 * later): the plan order makes the workspace tell. The old field is deactivated only after the
 * copy, deleted after that, and the new field takes the final name only once the old one is gone.
 * So running a failed plan again resumes the migration instead of failing on "already exists".
 */
export const doneByEarlierRun = (step: PlanStep, model: WorkspaceModel): boolean => {
  const ref = step.typeChange;
  if (!ref) return false;
  const fields = model.objects.find((object) => object.nameSingular === step.objectName)?.fields;
  if (!fields) return false;
  const find = (name: string, type: string) =>
    fields.find((field) => field.name === name && field.type === type);
  const source = find(ref.from.name, ref.from.type);
  const finished =
    !fields.some((field) => field.name === ref.temp) &&
    find(ref.to.name, ref.to.type) !== undefined;
  switch (step.operation) {
    case 'createOneField':
      return find(ref.temp, ref.to.type) !== undefined || (!source && finished);
    case 'copyFieldValues':
      return !source || !source.isActive;
    case 'deleteOneField':
      return !source;
    case 'updateOneField':
      if (step.fieldName === ref.temp) return finished;
      return step.input.update.isActive === true ? !source : !source || !source.isActive;
    default:
      return false;
  }
};
