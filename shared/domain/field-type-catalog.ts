import type { FieldMetadataType } from './field-metadata-type';
import { slugify } from 'transliteration';

/**
 * The field types an admin can create, as Twenty's Settings → Data Model "New field" picker lists
 * them (labels and groups from SettingsNonCompositeFieldTypeConfigs / SettingsCompositeFieldType
 * Configs; UUID, ACTOR and NUMERIC excluded there). `canBeUnique` follows canBeUnique.util.ts and
 * the settings form (docs/twenty-data-model-rules.md §1.3).
 */
export interface FieldTypeInfo {
  type: FieldMetadataType;
  label: string;
  group: 'Basic' | 'Relation' | 'Advanced';
  canBeUnique: boolean;
  /** Twenty's default icon for a new field of this type. */
  icon: string;
}

export const CREATABLE_FIELD_TYPES: readonly FieldTypeInfo[] = [
  { type: 'TEXT', label: 'Text', group: 'Basic', canBeUnique: true, icon: 'IconTypography' },
  { type: 'NUMBER', label: 'Number', group: 'Basic', canBeUnique: true, icon: 'IconNumbers' },
  {
    type: 'BOOLEAN',
    label: 'True/False',
    group: 'Basic',
    canBeUnique: false,
    icon: 'IconCheckbox',
  },
  {
    type: 'DATE_TIME',
    label: 'Date and Time',
    group: 'Basic',
    canBeUnique: true,
    icon: 'IconCalendarClock',
  },
  { type: 'DATE', label: 'Date', group: 'Basic', canBeUnique: true, icon: 'IconCalendarEvent' },
  { type: 'SELECT', label: 'Select', group: 'Basic', canBeUnique: false, icon: 'IconTag' },
  {
    type: 'MULTI_SELECT',
    label: 'Multi-select',
    group: 'Basic',
    canBeUnique: false,
    icon: 'IconTags',
  },
  { type: 'RATING', label: 'Rating', group: 'Basic', canBeUnique: true, icon: 'IconStar' },
  { type: 'CURRENCY', label: 'Currency', group: 'Basic', canBeUnique: false, icon: 'IconCoins' },
  { type: 'EMAILS', label: 'Emails', group: 'Basic', canBeUnique: true, icon: 'IconMail' },
  { type: 'LINKS', label: 'Links', group: 'Basic', canBeUnique: true, icon: 'IconWorld' },
  { type: 'PHONES', label: 'Phones', group: 'Basic', canBeUnique: true, icon: 'IconPhone' },
  { type: 'FULL_NAME', label: 'Full Name', group: 'Basic', canBeUnique: true, icon: 'IconUser' },
  { type: 'ADDRESS', label: 'Address', group: 'Basic', canBeUnique: false, icon: 'IconMap' },
  {
    type: 'RICH_TEXT',
    label: 'Rich Text',
    group: 'Basic',
    canBeUnique: true,
    icon: 'IconTextEditor',
  },
  { type: 'FILES', label: 'Files', group: 'Basic', canBeUnique: false, icon: 'IconFileUpload' },
  {
    type: 'RELATION',
    label: 'Relation',
    group: 'Relation',
    canBeUnique: false,
    icon: 'IconRelationManyToMany',
  },
  { type: 'RAW_JSON', label: 'JSON', group: 'Advanced', canBeUnique: true, icon: 'IconBraces' },
  {
    type: 'ARRAY',
    label: 'Array',
    group: 'Advanced',
    canBeUnique: true,
    icon: 'IconBracketsContain',
  },
];

export const fieldTypeInfo = (type: string): FieldTypeInfo | undefined =>
  CREATABLE_FIELD_TYPES.find((info) => info.type === type);

/** Twenty's tag colours (TS 2.43 TAG_COLORS = the option colour picker's MAIN_COLOR_NAMES). */
export const TAG_COLORS = [
  'red',
  'ruby',
  'crimson',
  'tomato',
  'orange',
  'amber',
  'yellow',
  'lime',
  'grass',
  'green',
  'jade',
  'mint',
  'turquoise',
  'cyan',
  'sky',
  'blue',
  'iris',
  'violet',
  'purple',
  'plum',
  'pink',
  'bronze',
  'gold',
  'brown',
  'gray',
] as const;

/** `computeOptionValueFromLabel`: "In progress" → IN_PROGRESS, "2024" → OPT2024. */
export const optionValueFromLabel = (label: string): string =>
  slugify(/^\d/.test(label.trim()) ? `OPT${label.trim()}` : label, {
    trim: true,
    separator: '_',
    allowedChars: 'a-zA-Z0-9_',
  }).toUpperCase();
