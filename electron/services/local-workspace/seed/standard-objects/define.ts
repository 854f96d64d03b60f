import type {
  StandardFieldDefinition,
  StandardObjectDefinition,
  StandardRelationDefinition,
  StandardSelectOption,
} from '../standard-object-definition';
import { STANDARD_UNIVERSAL_IDENTIFIERS, type StandardObjectName } from './universal-identifiers';

/**
 * Small helpers shared by the standard object modules. They only fill in what can be derived
 * mechanically (universal identifiers from twenty-sdk@2.43.0, relation shapes); every label,
 * description, icon, flag and option is written out in the object modules.
 */
export type StandardFieldInput = Omit<StandardFieldDefinition, 'universalIdentifier'>;

export type StandardObjectInput = Omit<
  StandardObjectDefinition,
  'nameSingular' | 'universalIdentifier' | 'fields'
> & { fields: StandardFieldInput[] };

const fieldUniversalIdentifier = (
  objectName: StandardObjectName,
  fieldName: string,
): string | undefined =>
  (STANDARD_UNIVERSAL_IDENTIFIERS[objectName].fields as Record<string, string>)[fieldName];

/** Builds a definition, taking the object's and each field's universal identifier from the SDK table. */
export const defineStandardObject = (
  nameSingular: StandardObjectName,
  input: StandardObjectInput,
): StandardObjectDefinition => ({
  nameSingular,
  universalIdentifier: STANDARD_UNIVERSAL_IDENTIFIERS[nameSingular].universalIdentifier,
  ...input,
  fields: input.fields.map((field) => {
    const universalIdentifier = fieldUniversalIdentifier(nameSingular, field.name);
    return universalIdentifier ? { ...field, universalIdentifier } : { ...field };
  }),
});

export const manyToOne = (
  target: StandardObjectName,
  inverse: string,
  onDelete: NonNullable<StandardRelationDefinition['onDelete']>,
): StandardRelationDefinition => ({ type: 'MANY_TO_ONE', target, inverse, onDelete });

export const oneToMany = (
  target: StandardObjectName,
  inverse: string,
): StandardRelationDefinition => ({
  type: 'ONE_TO_MANY',
  target,
  inverse,
});

/** Options in Twenty's order: positions are the array indexes. */
export const selectOptions = (
  options: Array<[value: string, label: string, color: string]>,
): StandardSelectOption[] =>
  options.map(([value, label, color], position) => ({ value, label, color, position }));

/** Quoted SQL literal, the form Twenty stores string defaults in ("'NEW'"). */
export const quoted = (value: string): string => `'${value}'`;

/**
 * STANDARD_RELATION_FIELD_PROPERTIES_BY_RELATION_OBJECT (object-metadata/constants/
 * standard-relation-field-properties.constant.ts): label/icon of the ONE_TO_MANY side that every
 * target object carries towards the polymorphic "target" tables.
 */
export const RELATION_PROPERTIES = {
  agentChatThreadTarget: { label: 'Conversations', icon: 'IconMessage' },
  noteTarget: { label: 'Notes', icon: 'IconNotes' },
  taskTarget: { label: 'Tasks', icon: 'IconCheckbox' },
  attachment: { label: 'Attachments', icon: 'IconPaperclip' },
  timelineActivity: { label: 'Timeline Activities', icon: 'IconTimelineEvent' },
} as const;

/** Name shared by the MORPH_RELATION siblings of a target table (`targetMorphId` in the SDK). */
export const TARGET_MORPH_GROUP = 'target';

/** Base fields of the objects that only carry id/createdAt/updatedAt/deletedAt (agent*, campaignDelivery, messageSuppression). */
export const MINIMAL_BASE_FIELDS: NonNullable<StandardObjectDefinition['baseFields']> = [
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
];
