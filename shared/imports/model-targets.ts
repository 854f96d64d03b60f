import type { ModelField, ModelObject, WorkspaceModel } from '../contract/data-model';
import { COMPOSITE_TYPES, isCompositeFieldType } from '../domain/composite-types';
import { junctionFields } from './junction-targets';
import type { ColumnSniff, ValueKind } from './sniff-values';

/** The fields of an object a file can fill, and how suggestions address them. */
const SKIPPED_TYPES = new Set(['ACTOR', 'POSITION', 'TS_VECTOR', 'FILES', 'MORPH_RELATION']);
const SKIPPED_FIELDS = new Set(['createdAt', 'updatedAt', 'deletedAt', 'createdBy', 'updatedBy']);

/**
 * Given the model, the one-to-many fields filled through a junction object (a note's
 * noteTargets: junction-targets.ts) are included as well: the wizard maps them with a lookup.
 */
export const importableFields = (object: ModelObject, model?: WorkspaceModel): ModelField[] => {
  const junctions = new Set(
    model ? junctionFields(object, model).map((junction) => junction.field) : [],
  );
  return object.fields.filter(
    (field) =>
      field.isActive &&
      !SKIPPED_TYPES.has(field.type) &&
      !SKIPPED_FIELDS.has(field.name) &&
      (field.type !== 'RELATION' || isManyToOne(field) || junctions.has(field)) &&
      (!field.isSystem || field.name === 'id'),
  );
};

export const isManyToOne = (field: ModelField): boolean =>
  (field.relation?.type ?? field.settings?.relationType) === 'MANY_TO_ONE';

/** The type a target writes (a part's own type for composites). */
export const targetType = (field: ModelField, part?: string): string => {
  if (!part || !isCompositeFieldType(field.type)) return field.type;
  if (field.type === 'CURRENCY' && part === 'amountMicros') return 'AMOUNT';
  if (part === 'additionalEmails' || part === 'primaryEmail') return 'EMAILS';
  if (part === 'additionalPhones' || part === 'primaryPhoneNumber') return 'PHONES';
  if (part === 'secondaryLinks' || part === 'primaryLinkUrl') return 'LINKS';
  return COMPOSITE_TYPES[field.type].find((sub) => sub.name === part)?.type ?? 'TEXT';
};

/** Picks the lookup key on the other object: unique fields first, by what the values are. */
export const lookupBy = (
  model: WorkspaceModel,
  objectName: string,
  candidates: readonly string[],
  sniff: ColumnSniff,
): string | null => {
  const other = model.objects.find((object) => object.nameSingular === objectName);
  if (!other) return null;
  const byKind: Partial<Record<ValueKind, string>> = {
    email: 'EMAILS',
    url: 'LINKS',
    phone: 'PHONES',
    uuid: 'UUID',
  };
  const wanted = byKind[sniff.kind];
  const present = (name: string) =>
    other.fields.find((field) => field.name === name && field.isActive);
  if (wanted) {
    const typed = other.fields.find(
      (field) => field.isActive && field.type === wanted && (field.isUnique || field.name === 'id'),
    );
    if (typed) return typed.name;
    // A text field can hold e-mails (workspaceMember.userEmail).
    if (sniff.kind === 'email') {
      const text = candidates.find((name) => present(name)?.type === 'TEXT' && /mail/i.test(name));
      if (text) return text;
    }
  }
  // Otherwise the first candidate whose kind of value the column could hold.
  const holds = (field: ModelField): boolean => {
    const kind = Object.entries(byKind).find(([, type]) => type === field.type)?.[0];
    if (kind) return kind === sniff.kind;
    if (field.type === 'TEXT' && /mail/i.test(field.name)) return sniff.kind === 'email';
    return true;
  };
  return (
    candidates.find((name) => {
      const field = present(name);
      return field !== undefined && holds(field);
    }) ?? null
  );
};
