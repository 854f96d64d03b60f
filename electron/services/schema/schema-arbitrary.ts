import fc from 'fast-check';
import {
  parseSchemaDocument,
  type SchemaDocument,
  type SchemaDocumentInput,
} from '../../../shared/schema/schema-document';

/**
 * Random small data models for the property tests, built from a spec and a per-run tag so every
 * run uses names of its own. A field's type (and nullability) follows from its name, so two
 * models never disagree on a type (type changes are a separate, unsupported step).
 */
type FieldInput = SchemaDocumentInput['objects'][number]['fields'] extends
  Array<infer F> | undefined
  ? F
  : never;

const OBJECT_KEYS = ['alpha', 'beta', 'gamma'] as const;
const COLORS = ['green', 'turquoise', 'sky', 'blue', 'purple', 'pink', 'red', 'orange'];
const OPTION_POOL = [
  { value: 'NEW', label: 'New' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'DONE', label: 'Done' },
];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const text = fc.constantFrom('First', 'Second');
const icon = maybe(fc.constantFrom('IconBox', 'IconStar'));

const common = {
  variant: fc.boolean(),
  description: maybe(text),
  icon,
  isActive: fc.boolean(),
};

const plainField = fc.oneof(
  fc.record({
    kind: fc.constant('title' as const),
    ...common,
    withDefault: fc.boolean(),
    rows: maybe(fc.integer({ min: 1, max: 3 })),
  }),
  fc.record({
    kind: fc.constant('amount' as const),
    ...common,
    withDefault: fc.boolean(),
    decimals: maybe(fc.integer({ min: 0, max: 2 })),
  }),
  fc.record({ kind: fc.constant('flag' as const), ...common, withDefault: fc.boolean() }),
  fc.record({ kind: fc.constant('due' as const), ...common, withDefault: fc.boolean() }),
  fc.record({ kind: fc.constant('price' as const), ...common, withDefault: fc.boolean() }),
  fc.record({
    kind: fc.constant('phase' as const),
    ...common,
    withDefault: fc.boolean(),
    options: fc.subarray(OPTION_POOL, { minLength: 1 }),
    color: fc.constantFrom(...COLORS),
  }),
);

const relation = fc.record({
  target: fc.constantFrom<'person' | (typeof OBJECT_KEYS)[number]>('person', ...OBJECT_KEYS),
  variant: fc.boolean(),
  cascade: fc.boolean(),
});

const objectSpec = fc.record({
  present: fc.boolean(),
  variant: fc.boolean(),
  description: maybe(text),
  icon,
  isActive: fc.boolean(),
  fields: fc.uniqueArray(plainField, { maxLength: 4, selector: (f) => f.kind }),
  relation: maybe(relation),
});

export const modelSpec = fc
  .tuple(objectSpec, objectSpec, objectSpec)
  .filter((specs) => specs.some((spec) => spec.present));
export type ModelSpec = typeof modelSpec extends fc.Arbitrary<infer T> ? T : never;

type PlainSpec = typeof plainField extends fc.Arbitrary<infer T> ? T : never;

const defaultOf = (spec: PlainSpec): unknown => {
  if (!spec.withDefault) return null;
  switch (spec.kind) {
    case 'title':
      return "'hello'";
    case 'amount':
      return 3;
    case 'flag':
      return false;
    case 'due':
      return 'now';
    case 'price':
      return { amountMicros: null, currencyCode: "'EUR'" };
    case 'phase':
      return `'${spec.options[0]!.value}'`;
  }
};

const TYPES = {
  title: 'TEXT',
  amount: 'NUMBER',
  flag: 'BOOLEAN',
  due: 'DATE_TIME',
  price: 'CURRENCY',
  phase: 'SELECT',
} as const;

const toField = (spec: PlainSpec): FieldInput => ({
  name: spec.kind,
  label: `${spec.kind[0]!.toUpperCase()}${spec.kind.slice(1)}${spec.variant ? ' two' : ''}`,
  type: TYPES[spec.kind],
  description: spec.description,
  icon: spec.icon,
  isActive: spec.isActive,
  defaultValue: defaultOf(spec),
  settings:
    spec.kind === 'title' && spec.rows !== null
      ? { displayedMaxRows: spec.rows }
      : spec.kind === 'amount' && spec.decimals !== null
        ? { decimals: spec.decimals }
        : null,
  options:
    spec.kind === 'phase'
      ? spec.options.map((option, position) => ({
          ...option,
          label: spec.variant ? `${option.label} v2` : option.label,
          color: position === 0 ? spec.color : 'gray',
          position,
        }))
      : null,
});

const capitalise = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}`;

/** The document a spec describes, with object names prefixed by `tag` (letters only). */
export const buildModel = (specs: ModelSpec, tag: string): SchemaDocument => {
  const present = new Set(OBJECT_KEYS.filter((_, index) => specs[index]!.present));
  const objects = specs.flatMap((spec, index) => {
    const key = OBJECT_KEYS[index]!;
    if (!spec.present) return [];
    const name = `${tag}${key}`;
    const fields = spec.fields.map(toField);
    const target = spec.relation?.target;
    if (spec.relation && target && target !== key && (target === 'person' || present.has(target))) {
      const targetName = target === 'person' ? 'person' : `${tag}${target}`;
      fields.push({
        name: `link${capitalise(targetName)}`,
        label: `Link ${target}`,
        type: 'RELATION',
        icon: 'IconLink',
        relation: {
          type: 'MANY_TO_ONE',
          targetObject: targetName,
          inverseName: `from${capitalise(name)}`,
          inverseLabel: spec.relation.variant ? `Back ${key} ${tag}` : `From ${name}`,
          inverseIcon: 'IconArrowBack',
          onDelete: spec.relation.cascade ? 'CASCADE' : 'SET_NULL',
        },
      });
    }
    return [
      {
        nameSingular: name,
        namePlural: `${name}s`,
        labelSingular: `${capitalise(key)}${spec.variant ? ' two' : ''} ${tag}`,
        labelPlural: `${capitalise(key)}s${spec.variant ? ' two' : ''} ${tag}`,
        description: spec.description,
        icon: spec.icon,
        isActive: spec.isActive,
        fields,
      },
    ];
  });
  return parseSchemaDocument({ format: 'atelier.schema', version: 1, objects });
};
