import type {
  ApplyReportView,
  ModelObject,
  ReviewedStep,
  WorkspaceModel,
} from '../../../shared/contract';
import { emptyMapping, type MappingDocument, type Transform } from '../../../shared/imports';
import { addField, addObject, type DraftDocuments } from '../../../shared/schema/draft-edits';
import { noRenames } from '../../../shared/schema/renames';
import type { SchemaDocument } from '../../../shared/schema/schema-document';
import { setFieldSource } from './mapping-edits';
import { newFieldColumns, objectHeadOf, schemaFieldOf, type NewObjectProposal } from './new-object';

/**
 * From a proposed object to the workspace and back: the model the plan is reviewed against (the
 * connection's custom schema plus the new object, made with the data-model editor's edits), what
 * the apply's report means, and the mapping of each column onto the field made from it.
 */
export const targetWithNewObject = (
  current: SchemaDocument,
  proposal: NewObjectProposal,
): SchemaDocument => {
  const head = objectHeadOf(proposal);
  let draft: DraftDocuments = { base: current, target: current, renames: noRenames() };
  draft = addObject(draft, head);
  for (const column of newFieldColumns(proposal))
    draft = addField(draft, head.nameSingular, schemaFieldOf(column));
  return draft.target;
};

/** Steps that would not only add to the workspace (there should be none). */
export const unexpectedSteps = (steps: readonly ReviewedStep[]): ReviewedStep[] =>
  steps.filter((step) => step.destructive || step.operation === 'unsupported');

export interface ApplyOutcome {
  succeeded: boolean;
  /** Index of the step that failed, if one did. */
  failedIndex: number | null;
  /** The object itself was made (its fields may not all be). */
  objectCreated: boolean;
  message: string;
}

/** Twenty's message as a sentence (one full stop). */
const sentence = (text: string): string => `${text.trim().replace(/[.\s]+$/, '')}.`;

/** What an apply did, in the data-model editor's words (it stops at the first failure). */
export const applyOutcome = (
  report: ApplyReportView,
  steps: readonly ReviewedStep[],
): ApplyOutcome => {
  const { applied, skipped, failed } = report;
  const objectCreated = steps.some(
    (step) => step.operation === 'createOneObject' && applied.includes(step.id),
  );
  if (failed) {
    const index = steps.findIndex((step) => step.id === failed.step);
    const what = index >= 0 ? ` (${steps[index]!.description})` : '';
    return {
      succeeded: false,
      failedIndex: index >= 0 ? index : null,
      objectCreated,
      message: `Stopped at step ${index + 1}${what}: ${sentence(failed.userFriendlyMessage ?? failed.error)} ${applied.length} applied, ${skipped.length} not run.`,
    };
  }
  if (report.cancelled)
    return {
      succeeded: false,
      failedIndex: null,
      objectCreated,
      message: `Stopped: ${applied.length} applied, ${skipped.length} not run.`,
    };
  return {
    succeeded: true,
    failedIndex: null,
    objectCreated,
    message: `Applied all ${applied.length} operation(s).`,
  };
};

/** The new object in a model read after the apply (null when it was not created). */
export const createdObject = (
  model: WorkspaceModel,
  proposal: NewObjectProposal,
): ModelObject | null =>
  model.objects.find((object) => object.nameSingular === proposal.nameSingular) ?? null;

const FITS: Record<Transform['type'], readonly string[] | null> = {
  date: ['DATE', 'DATE_TIME'],
  number: ['NUMBER', 'NUMERIC', 'CURRENCY'],
  boolean: ['BOOLEAN'],
  list: ['MULTI_SELECT', 'ARRAY', 'EMAILS', 'PHONES', 'LINKS'],
  valueMap: ['SELECT', 'MULTI_SELECT', 'RATING'],
  trim: null,
  case: null,
  split: null,
  replace: null,
  empty: null,
};

/** The inferred transforms that still fit the type the admin kept or chose. */
export const transformsForType = (transforms: readonly Transform[], type: string): Transform[] =>
  transforms.filter((transform) => FITS[transform.type]?.includes(type) ?? true);

/**
 * Each included column read into the field made from it (the object's `name` for a Name column),
 * with the transforms its values need. Select values past the sample become options at the run.
 * Only fields the workspace has are mapped (after a half-way apply, those that were made).
 */
export const mappingForNewObject = (
  proposal: NewObjectProposal,
  object: ModelObject,
): MappingDocument => {
  let mapping = emptyMapping(object.nameSingular);
  for (const column of proposal.columns) {
    if (!column.included) continue;
    const name = column.baseField ?? column.name;
    const field = object.fields.find((candidate) => candidate.name === name && candidate.isActive);
    if (!field) continue;
    const transforms = transformsForType(column.transforms, field.type);
    if (field.type === 'SELECT' || field.type === 'MULTI_SELECT')
      transforms.push({ type: 'valueMap', map: {}, createMissingOptions: true });
    mapping = setFieldSource(mapping, name, { kind: 'column', column: column.column, transforms });
  }
  return mapping;
};
