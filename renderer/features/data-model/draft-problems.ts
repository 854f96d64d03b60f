import type { WorkspaceModel } from '../../../shared/contract/data-model';
import { isStandardObject, type SchemaDocument } from '../../../shared/schema/schema-document';
import {
  junctionIssues,
  validateField,
  validateObjectHead,
} from '../../../shared/schema/validate-draft';
import type { Selection } from './data-model-store';
import type { ChangeMark } from './draft-overlay';

/**
 * What in the draft breaks one of Twenty's rules, so the plan is not reviewed before it is fixed.
 * Only what the draft adds or changes is checked: the workspace's own names are Twenty's business.
 */
export interface DraftProblem {
  selection: Selection;
  message: string;
}

const edited = (mark: ChangeMark | undefined) => mark === 'added' || mark === 'changed';

export const draftProblems = (
  model: WorkspaceModel,
  marks: Map<string, ChangeMark>,
  target: SchemaDocument,
): DraftProblem[] => {
  const problems: DraftProblem[] = [];
  for (const object of target.objects) {
    const name = object.nameSingular;
    if (!isStandardObject(object) && edited(marks.get(name))) {
      const { fields: _fields, ...head } = object;
      const taken = new Set(
        model.objects
          .filter((other) => other.nameSingular !== name)
          .flatMap((other) => [other.nameSingular, other.namePlural]),
      );
      for (const issue of validateObjectHead(head, taken))
        problems.push({ selection: { object: name }, message: issue.message });
    }
    const shown = model.objects.find((candidate) => candidate.nameSingular === name);
    for (const field of object.fields) {
      if (!edited(marks.get(`${name}.${field.name}`))) continue;
      const others = (shown?.fields ?? []).filter((other) => other.name !== field.name);
      const junction =
        field.relation?.type === 'ONE_TO_MANY'
          ? target.objects.find((o) => o.nameSingular === field.relation!.targetObject)
          : object;
      for (const issue of [
        ...validateField(field, new Set(others.map((other) => other.name))),
        ...junctionIssues(field, junction?.fields ?? []),
      ])
        problems.push({
          selection: { object: name, field: field.name },
          message: `${field.label}: ${issue.message}`,
        });
    }
  }
  return problems;
};
