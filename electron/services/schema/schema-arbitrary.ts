import fc from 'fast-check';
import { convertValue, isEmptyValue } from '../../../shared/schema/convert-value';
import type { SchemaRenames } from '../../../shared/schema/renames';
import {
  isStandardObject,
  parseSchemaDocument,
  type CustomSchemaObject,
  type SchemaField,
  type SchemaDocument,
  type SchemaDocumentInput,
} from '../../../shared/schema/schema-document';

/**
 * Random small data models for the property tests, built from a spec and a per-run tag so every
 * run uses names of its own. A field is known by its kind; its name says whether it is renamed
 * (`…Two`) and its kind gives one of two convertible types, so two models of the same tag differ
 * by renames of objects, fields and options, type changes and everything else a spec varies.
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
  renamed: fc.boolean(),
  retyped: fc.boolean(),
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
  {
    // Option renames and merges need a select on both sides: it comes up more often.
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('phase' as const),
      ...common,
      withDefault: fc.boolean(),
      options: fc.subarray(OPTION_POOL, { minLength: 1 }),
      color: fc.constantFrom(...COLORS),
    }),
  },
);

const relation = fc.record({
  target: fc.constantFrom<'person' | (typeof OBJECT_KEYS)[number]>('person', ...OBJECT_KEYS),
  variant: fc.boolean(),
  cascade: fc.boolean(),
});

const objectSpec = fc.record({
  present: fc.boolean(),
  renamed: fc.boolean(),
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

/** `a` with names, types and option lists redrawn: renames, type changes and merges abound. */
const mutated = (a: ModelSpec): fc.Arbitrary<ModelSpec> =>
  fc
    .tuple(
      ...a.map((object) =>
        fc.record({
          renamed: fc.boolean(),
          fields: fc.tuple(
            ...object.fields.map((field) =>
              fc.record({
                renamed: fc.boolean(),
                // A select that keeps its type has its options renamed and merged.
                retyped:
                  field.kind === 'phase'
                    ? fc.oneof(
                        { weight: 3, arbitrary: fc.constant(field.retyped) },
                        fc.constant(!field.retyped),
                      )
                    : fc.boolean(),
                options: fc.subarray(OPTION_POOL, { minLength: 1 }),
              }),
            ),
          ),
        }),
      ),
    )
    .map(
      (draws) =>
        a.map((object, i) => ({
          ...object,
          renamed: draws[i]!.renamed,
          fields: object.fields.map((field, j) => {
            const { options, ...flags } = draws[i]!.fields[j]!;
            return field.kind === 'phase'
              ? { ...field, ...flags, options }
              : { ...field, ...flags };
          }),
        })) as unknown as ModelSpec,
    );

/** Two models of one tag: unrelated, or the second drawn from the first. */
export const modelPair = modelSpec.chain((a) =>
  fc.tuple(fc.constant(a), fc.oneof(modelSpec, mutated(a))),
);

type PlainSpec = typeof plainField extends fc.Arbitrary<infer T> ? T : never;

const defaultOf = (spec: PlainSpec): unknown => {
  if (!spec.withDefault || spec.retyped) return null;
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

/** Each kind's type, and the type it takes when retyped (a conversion exists both ways). */
const TYPES = {
  title: ['TEXT', 'NUMBER'],
  amount: ['NUMBER', 'TEXT'],
  flag: ['BOOLEAN', 'NUMBER'],
  due: ['DATE_TIME', 'DATE'],
  price: ['CURRENCY', 'NUMBER'],
  phase: ['SELECT', 'MULTI_SELECT'],
} as const;

const fieldName = (spec: { kind: string; renamed: boolean }) =>
  `${spec.kind}${spec.renamed ? 'Two' : ''}`;

const toField = (spec: PlainSpec): FieldInput => ({
  name: fieldName(spec),
  label: `${spec.kind[0]!.toUpperCase()}${spec.kind.slice(1)}${spec.variant ? ' two' : ''}`,
  type: TYPES[spec.kind][spec.retyped ? 1 : 0],
  description: spec.description,
  icon: spec.icon,
  isActive: spec.isActive,
  defaultValue: defaultOf(spec),
  settings: spec.retyped
    ? null
    : spec.kind === 'title' && spec.rows !== null
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

const objectName = (specs: ModelSpec, key: (typeof OBJECT_KEYS)[number], tag: string) =>
  `${tag}${key}${specs[OBJECT_KEYS.indexOf(key)]!.renamed ? 'Two' : ''}`;

/** The document a spec describes, with object names prefixed by `tag` (letters only). */
export const buildModel = (specs: ModelSpec, tag: string): SchemaDocument => {
  const present = new Set(OBJECT_KEYS.filter((_, index) => specs[index]!.present));
  const objects = specs.flatMap((spec, index) => {
    const key = OBJECT_KEYS[index]!;
    if (!spec.present) return [];
    const name = objectName(specs, key, tag);
    const fields = spec.fields.map(toField);
    const target = spec.relation?.target;
    if (spec.relation && target && target !== key && (target === 'person' || present.has(target))) {
      const targetName = target === 'person' ? 'person' : objectName(specs, target, tag);
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
        labelSingular: `${capitalise(key)}${spec.variant ? ' two' : ''} ${tag}${spec.renamed ? ' r' : ''}`,
        labelPlural: `${capitalise(key)}s${spec.variant ? ' two' : ''} ${tag}${spec.renamed ? ' r' : ''}`,
        description: spec.description,
        icon: spec.icon,
        isActive: spec.isActive,
        fields,
      },
    ];
  });
  return parseSchemaDocument({ format: 'atelier.schema', version: 1, objects });
};

/**
 * The renames that take a model of `a` to one of `b` (same tag): objects and fields present in
 * both whose names differ, and for a select kept with its type, each option of `a` missing from
 * `b` mapped to an option of `b` or dropped, as `picks` say (several into one is a merge).
 */
export const buildRenames = (
  a: ModelSpec,
  b: ModelSpec,
  tag: string,
  picks: number[],
): SchemaRenames => {
  const renames: SchemaRenames = { objects: {}, fields: {}, options: {} };
  let pick = 0;
  OBJECT_KEYS.forEach((key, index) => {
    const [x, y] = [a[index]!, b[index]!];
    if (!x.present || !y.present) return;
    const from = objectName(a, key, tag);
    const to = objectName(b, key, tag);
    if (from !== to) renames.objects[from] = to;
    for (const fx of x.fields) {
      const fy = y.fields.find((f) => f.kind === fx.kind);
      if (!fy) continue;
      const key2 = `${from}.${fieldName(fx)}`;
      if (fieldName(fx) !== fieldName(fy)) renames.fields[key2] = fieldName(fy);
      if (fx.kind !== 'phase' || fy.kind !== 'phase' || fx.retyped !== fy.retyped) continue;
      const moves: Record<string, string> = {};
      for (const option of fx.options) {
        if (fy.options.some((o) => o.value === option.value)) continue;
        const choice = (picks[pick++ % Math.max(picks.length, 1)] ?? 0) % (fy.options.length + 1);
        if (choice < fy.options.length) moves[option.value] = fy.options[choice]!.value;
      }
      if (Object.keys(moves).length > 0) renames.options[key2] = moves;
    }
    const rx = x.relation;
    const ry = y.relation;
    if (rx && ry && rx.target === ry.target && rx.target !== key) {
      const targetIn = (spec: ModelSpec) =>
        rx.target === 'person' ? 'person' : objectName(spec, rx.target, tag);
      const [nx, ny] = [`link${capitalise(targetIn(a))}`, `link${capitalise(targetIn(b))}`];
      if (nx !== ny) renames.fields[`${from}.${nx}`] = ny;
    }
  });
  return renames;
};

/** Two values a field of this type can hold (one may not convert to the other kind's type). */
export const seedValues = (type: string, options: string[]): [unknown, unknown] => {
  switch (type) {
    case 'TEXT':
      return ['42', 'forty'];
    case 'NUMBER':
      return [1, 2.5];
    case 'BOOLEAN':
      return [true, false];
    case 'DATE_TIME':
      return ['2026-03-04T05:06:07.000Z', null];
    case 'DATE':
      return ['2026-03-04', '1999-12-31'];
    case 'CURRENCY':
      return [{ amountMicros: 1500000, currencyCode: 'EUR' }, null];
    case 'SELECT':
      return [options[0] ?? null, options.at(-1) ?? null];
    case 'MULTI_SELECT':
      return [options, options.slice(0, 1)];
    default:
      return [null, null];
  }
};

export interface SeedApi {
  /** Creates records of an object; returns their ids in order. */
  create(objectName: string, records: Array<Record<string, unknown>>): Promise<string[]>;
  update(objectName: string, id: string, data: Record<string, unknown>): Promise<void>;
}

/** Per object of the model: the ids of its two seeded records and the values each got. */
export type Seeded = Map<string, { ids: string[]; values: Array<Record<string, unknown>> }>;

const activeCustom = (doc: SchemaDocument) =>
  doc.objects.flatMap((object) =>
    !isStandardObject(object) && object.isActive ? [object as CustomSchemaObject] : [],
  );
const plainFields = (object: CustomSchemaObject) =>
  object.fields.filter((field) => field.isActive && field.type !== 'RELATION');

/** Two records an active object, each active field set; the first links to its targets' first. */
export const seedRecords = async (doc: SchemaDocument, api: SeedApi): Promise<Seeded> => {
  const seeded: Seeded = new Map();
  for (const object of activeCustom(doc)) {
    const values = [0, 1].map((i) =>
      Object.fromEntries(
        plainFields(object).map((field) => [
          field.name,
          seedValues(
            field.type,
            (field.options ?? []).map((o) => o.value),
          )[i],
        ]),
      ),
    );
    seeded.set(object.nameSingular, { ids: await api.create(object.nameSingular, values), values });
  }
  for (const object of activeCustom(doc))
    for (const field of object.fields) {
      const target = field.relation && seeded.get(field.relation.targetObject);
      if (!field.isActive || !target) continue;
      const id = seeded.get(object.nameSingular)!.ids[0]!;
      await api.update(object.nameSingular, id, { [`${field.name}Id`]: target.ids[0] });
      seeded.get(object.nameSingular)!.values[0]![`${field.name}Id`] = target.ids[0];
    }
  return seeded;
};

/** A value as the API may return it (numeric strings, dates, empties), for comparison. */
const normaliser =
  (type: string) =>
  (value: unknown): unknown => {
    if (isEmptyValue(value, type as SchemaField['type'])) return null;
    if (type === 'CURRENCY') {
      const v = value as { amountMicros: unknown; currencyCode: unknown };
      return { amountMicros: Number(v.amountMicros), currencyCode: v.currencyCode };
    }
    if (type === 'DATE_TIME') return new Date(String(value)).toISOString();
    if (type === 'NUMBER') return Number(value);
    if (type === 'MULTI_SELECT') return [...(value as string[])].sort();
    return value;
  };

/** What a seeded value becomes: converted by a type change, moved by option renames/merges. */
const expectedValue = (
  value: unknown,
  from: SchemaField,
  to: SchemaField,
  moves: Record<string, string>,
): unknown => {
  if (from.type !== to.type) {
    const converted = convertValue(value, from, to);
    return converted.ok ? converted.value : null;
  }
  const kept = new Set((to.options ?? []).map((option) => option.value));
  if (to.type === 'SELECT' && typeof value === 'string') {
    const moved = moves[value] ?? value;
    return kept.has(moved) ? moved : null;
  }
  if (to.type === 'MULTI_SELECT' && Array.isArray(value))
    return [...new Set(value.map((v: string) => moves[v] ?? v).filter((v) => kept.has(v)))];
  return value;
};

export interface ValueCheck {
  objectName: string;
  id: string;
  fieldName: string;
  expected: unknown;
  normalise: (value: unknown) => unknown;
}

/** The values the seeded records must hold once `a` became `b` under `renames`. */
export const expectedValues = (
  a: SchemaDocument,
  b: SchemaDocument,
  renames: SchemaRenames,
  seeded: Seeded,
): ValueCheck[] => {
  const checks: ValueCheck[] = [];
  for (const object of activeCustom(a)) {
    const seeds = seeded.get(object.nameSingular);
    const target = activeCustom(b).find(
      (o) => o.nameSingular === (renames.objects[object.nameSingular] ?? object.nameSingular),
    );
    if (!seeds || !target) continue;
    for (const from of object.fields) {
      const key = `${object.nameSingular}.${from.name}`;
      const to = target.fields.find((f) => f.name === (renames.fields[key] ?? from.name));
      if (!from.isActive || !to?.isActive) continue;
      const relation = from.type === 'RELATION';
      if (relation !== (to.type === 'RELATION')) continue;
      const normalise = normaliser(relation ? 'UUID' : to.type);
      seeds.ids.forEach((id, i) => {
        const seed = seeds.values[i]![relation ? `${from.name}Id` : from.name] ?? null;
        checks.push({
          objectName: target.nameSingular,
          id,
          fieldName: relation ? `${to.name}Id` : to.name,
          expected: normalise(
            relation ? seed : expectedValue(seed, from, to, renames.options[key] ?? {}),
          ),
          normalise,
        });
      });
    }
  }
  return checks;
};
