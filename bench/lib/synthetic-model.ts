import { relationField } from '../../shared/schema/draft-edits';
import type { ModelField, ModelObject, WorkspaceModel } from '../../shared/contract/data-model';
import type { FieldMetadataType } from '../../shared/domain/field-metadata-type';
import type {
  CustomSchemaObject,
  SchemaDocument,
  SchemaField,
} from '../../shared/schema/schema-document';
import { isStandardObject } from '../../shared/schema/schema-document';

/**
 * A big workspace model, shaped as `dataModel.getModel` returns it (shared/contract/data-model.ts)
 * and as the reader builds it from Twenty's metadata (electron/services/data-model/read-model.ts):
 * custom objects with Twenty's nine base fields, one or two many-to-one relations each (the
 * inverse one-to-many field on the target, both ends linked by id), and scalar fields of the
 * common types up to exactly `fieldsPerObject`. Deterministic (seeded), so every run lays out the
 * same graph.
 */
export interface SyntheticModelOptions {
  objects: number;
  fieldsPerObject: number;
  seed?: number;
}

/** mulberry32: small, fast, deterministic. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const NOUNS = [
  'invoice',
  'contract',
  'shipment',
  'warehouse',
  'supplier',
  'product',
  'ticket',
  'campaign',
  'asset',
  'project',
  'milestone',
  'vendor',
  'partner',
  'region',
  'territory',
  'license',
  'subscription',
  'payment',
  'quote',
  'order',
  'lead',
  'survey',
  'course',
  'booking',
  'vehicle',
  'device',
  'policy',
  'claim',
  'incident',
  'release',
];

/** Twenty's base fields of a custom object (shared/domain/base-fields.ts), as its API reads them. */
const BASE_FIELDS: Array<{
  name: string;
  label: string;
  type: FieldMetadataType;
  system: boolean;
}> = [
  { name: 'id', label: 'Id', type: 'UUID', system: true },
  { name: 'name', label: 'Name', type: 'TEXT', system: false },
  { name: 'createdAt', label: 'Creation date', type: 'DATE_TIME', system: false },
  { name: 'updatedAt', label: 'Last update', type: 'DATE_TIME', system: false },
  { name: 'deletedAt', label: 'Deleted at', type: 'DATE_TIME', system: false },
  { name: 'createdBy', label: 'Created by', type: 'ACTOR', system: false },
  { name: 'updatedBy', label: 'Updated by', type: 'ACTOR', system: false },
  { name: 'position', label: 'Position', type: 'POSITION', system: true },
  { name: 'searchVector', label: 'Search vector', type: 'TS_VECTOR', system: true },
];

/** Custom scalar fields, cycled: the common types admins add, a few with options or settings. */
const SCALARS: Array<{ name: string; label: string; type: FieldMetadataType }> = [
  { name: 'status', label: 'Status', type: 'SELECT' },
  { name: 'amount', label: 'Amount', type: 'CURRENCY' },
  { name: 'dueDate', label: 'Due date', type: 'DATE' },
  { name: 'isPriority', label: 'Priority', type: 'BOOLEAN' },
  { name: 'notes', label: 'Notes', type: 'RICH_TEXT' },
  { name: 'contactEmail', label: 'Contact email', type: 'EMAILS' },
  { name: 'phone', label: 'Phone', type: 'PHONES' },
  { name: 'website', label: 'Website', type: 'LINKS' },
  { name: 'score', label: 'Score', type: 'NUMBER' },
  { name: 'tags', label: 'Tags', type: 'MULTI_SELECT' },
  { name: 'rating', label: 'Rating', type: 'RATING' },
  { name: 'reference', label: 'Reference', type: 'TEXT' },
  { name: 'startedAt', label: 'Started at', type: 'DATE_TIME' },
  { name: 'payload', label: 'Payload', type: 'RAW_JSON' },
];

const OPTION_COLORS = ['green', 'turquoise', 'sky', 'blue', 'purple', 'pink', 'red', 'orange'];

const selectOptions = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-option-${i}`,
    label: `Option ${i + 1}`,
    value: `OPTION_${i + 1}`,
    color: OPTION_COLORS[i % OPTION_COLORS.length]!,
    position: i,
  }));

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const objectNames = (index: number) => {
  const noun = NOUNS[index % NOUNS.length]!;
  const round = Math.floor(index / NOUNS.length) + 1;
  const singular = `${noun}${round}`;
  return {
    nameSingular: singular,
    namePlural: `${noun}s${round}`,
    labelSingular: `${capitalise(noun)} ${round}`,
    labelPlural: `${capitalise(noun)}s ${round}`,
  };
};

export const syntheticModel = ({
  objects,
  fieldsPerObject,
  seed = 6,
}: SyntheticModelOptions): WorkspaceModel => {
  const random = seededRandom(seed);
  let idCounter = 0;
  const nextId = () => `00000000-0000-4000-8000-${(idCounter++).toString(16).padStart(12, '0')}`;

  // Relations first (each needs a free slot at both ends): 1 many-to-one for every object but the
  // first, a second for every other one; ~30 % land on ten hub objects, the rest anywhere before.
  const HUBS = Math.min(10, objects);
  const MAX_INCOMING = Math.max(0, fieldsPerObject - BASE_FIELDS.length - 2 - 3);
  const incoming = new Array<number>(objects).fill(0);
  const relations: Array<{ source: number; target: number }> = [];
  for (let source = 1; source < objects; source++) {
    const wanted = source % 2 === 0 ? 2 : 1;
    const taken = new Set<number>();
    for (let attempt = 0; taken.size < wanted && attempt < 50; attempt++) {
      const target = random() < 0.3 ? Math.floor(random() * HUBS) : Math.floor(random() * source);
      if (target === source || taken.has(target) || incoming[target]! >= MAX_INCOMING) continue;
      taken.add(target);
      incoming[target]! += 1;
      relations.push({ source, target });
    }
  }

  const heads = Array.from({ length: objects }, (_, i) => ({ ...objectNames(i), id: nextId() }));
  const fields: ModelField[][] = heads.map(() => []);
  const field = (patch: Partial<ModelField> & Pick<ModelField, 'name' | 'label' | 'type'>) =>
    ({
      id: nextId(),
      description: null,
      icon: null,
      isCustom: true,
      isSystem: false,
      isActive: true,
      isNullable: true,
      isUnique: false,
      isLabelSyncedWithName: true,
      defaultValue: null,
      options: null,
      settings: null,
      relation: null,
      ...patch,
    }) satisfies ModelField;

  heads.forEach((_, i) => {
    for (const base of BASE_FIELDS)
      fields[i]!.push(
        field({
          name: base.name,
          label: base.label,
          type: base.type,
          isCustom: false,
          isSystem: base.system,
          isNullable: base.name !== 'id' && base.name !== 'createdAt' && base.name !== 'updatedAt',
          defaultValue: base.name === 'id' ? 'uuid' : base.name === 'createdAt' ? 'now' : null,
        }),
      );
  });
  for (const { source, target } of relations) {
    const from = heads[source]!;
    const to = heads[target]!;
    const manyToOne = field({
      name: to.nameSingular,
      label: to.labelSingular,
      type: 'RELATION',
      icon: 'IconRelationManyToOne',
      settings: {
        relationType: 'MANY_TO_ONE',
        onDelete: 'SET_NULL',
        joinColumnName: `${to.nameSingular}Id`,
      },
    });
    const oneToMany = field({
      name: from.namePlural,
      label: from.labelPlural,
      type: 'RELATION',
      icon: 'IconRelationOneToMany',
      settings: { relationType: 'ONE_TO_MANY' },
    });
    manyToOne.relation = {
      type: 'MANY_TO_ONE',
      targetObject: to.nameSingular,
      targetField: oneToMany.name,
      targetFieldId: oneToMany.id,
    };
    oneToMany.relation = {
      type: 'ONE_TO_MANY',
      targetObject: from.nameSingular,
      targetField: manyToOne.name,
      targetFieldId: manyToOne.id,
    };
    fields[source]!.push(manyToOne);
    fields[target]!.push(oneToMany);
  }
  heads.forEach((head, i) => {
    const own = fields[i]!;
    for (let k = 0; own.length < fieldsPerObject; k++) {
      const scalar = SCALARS[(i + k) % SCALARS.length]!;
      const round = Math.floor(k / SCALARS.length);
      const name = round === 0 ? scalar.name : `${scalar.name}${round + 1}`;
      const withOptions = scalar.type === 'SELECT' || scalar.type === 'MULTI_SELECT';
      own.push(
        field({
          name,
          label: round === 0 ? scalar.label : `${scalar.label} ${round + 1}`,
          type: scalar.type,
          description: k % 3 === 0 ? `${scalar.label} of the ${head.labelSingular}` : null,
          options: withOptions ? selectOptions(`${head.nameSingular}.${name}`, 4 + (i % 5)) : null,
          defaultValue: scalar.type === 'SELECT' ? "'OPTION_1'" : null,
          settings: scalar.type === 'NUMBER' ? { decimals: 2, type: 'number' } : null,
          isUnique: scalar.name === 'reference',
        }),
      );
    }
  });

  const modelObjects: ModelObject[] = heads.map((head, i) => ({
    id: head.id,
    nameSingular: head.nameSingular,
    namePlural: head.namePlural,
    labelSingular: head.labelSingular,
    labelPlural: head.labelPlural,
    description: i % 4 === 0 ? `The ${head.labelPlural} of the business` : null,
    icon: 'IconBox',
    isCustom: true,
    isSystem: false,
    isActive: true,
    isLabelSyncedWithName: true,
    fields: fields[i]!,
  }));
  return { objects: modelObjects };
};

export const countFields = (model: WorkspaceModel): number =>
  model.objects.reduce((sum, object) => sum + object.fields.length, 0);

export const countManyToOne = (model: WorkspaceModel): number =>
  model.objects.reduce(
    (sum, object) =>
      sum + object.fields.filter((field) => field.relation?.type === 'MANY_TO_ONE').length,
    0,
  );

/** What a realistic change set between two exports of a big workspace holds. */
export interface ChangeCounts {
  objectsAdded: number;
  objectsRemoved: number;
  objectsUpdated: number;
  fieldsAdded: number;
  relationsAdded: number;
  fieldsRemoved: number;
  relationsRemoved: number;
  fieldsUpdated: number;
  optionsChanged: number;
  typesChanged: number;
}

/**
 * The "after" document of a sprint's worth of data-model work on `before`: new objects wired to
 * existing ones, objects dropped (with the relations pointing at them), fields and relations
 * added and removed, labels, descriptions, options and a few unsupported changes (type,
 * isNullable). Deterministic; returns the counts it applied so the bench can print them.
 */
export const evolveSchema = (
  before: SchemaDocument,
  seed = 7,
): { after: SchemaDocument; applied: ChangeCounts } => {
  const random = seededRandom(seed);
  const after = structuredClone(before);
  const applied: ChangeCounts = {
    objectsAdded: 0,
    objectsRemoved: 0,
    objectsUpdated: 0,
    fieldsAdded: 0,
    relationsAdded: 0,
    fieldsRemoved: 0,
    relationsRemoved: 0,
    fieldsUpdated: 0,
    optionsChanged: 0,
    typesChanged: 0,
  };
  const custom = () => after.objects.filter((o): o is CustomSchemaObject => !isStandardObject(o));
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const scalarsOf = (object: CustomSchemaObject) => object.fields.filter((f) => !f.relation);

  // Remove 4 objects, and the many-to-one fields elsewhere that point at them.
  for (let n = 0; n < 4; n++) {
    const victim = pick(custom().slice(20));
    after.objects = after.objects.filter((o) => o !== victim);
    for (const object of after.objects)
      object.fields = object.fields.filter((f) => f.relation?.targetObject !== victim.nameSingular);
    applied.objectsRemoved += 1;
  }
  // Add 6 objects with 12 fields each, two of them relations to existing objects.
  const template = custom()[0]!;
  for (let n = 0; n < 6; n++) {
    const name = `newThing${n + 1}`;
    const fields: SchemaField[] = template.fields.slice(0, 10).map((f) => ({
      ...structuredClone(f),
      relation: null,
      ...(f.relation ? { type: 'TEXT' as const, settings: null } : {}),
    }));
    for (let r = 0; r < 2; r++) {
      const target = pick(custom());
      fields.push(
        relationField({
          objectName: name,
          type: 'MANY_TO_ONE',
          targetObject: target.nameSingular,
          name: `${target.nameSingular}Link${r}`,
          label: `${target.labelSingular} link ${r}`,
          icon: null,
          inverseName: `${name}s${r}`,
          inverseLabel: `New things ${n + 1}.${r}`,
          inverseIcon: 'IconRelationOneToMany',
          onDelete: 'SET_NULL',
        }),
      );
    }
    after.objects.push({
      nameSingular: name,
      namePlural: `${name}s`,
      labelSingular: `New thing ${n + 1}`,
      labelPlural: `New things ${n + 1}`,
      description: 'Added in this change',
      icon: 'IconSparkles',
      isActive: true,
      isLabelSyncedWithName: true,
      fields,
    });
    applied.objectsAdded += 1;
  }
  // Relabel 10 objects.
  for (let n = 0; n < 10; n++) {
    const object = pick(custom());
    object.labelPlural = `${object.labelPlural} (renamed)`;
    object.description = 'Relabelled in this change';
    applied.objectsUpdated += 1;
  }
  // On 30 objects: 2 new fields (every third object: one of them a relation).
  for (let n = 0; n < 30; n++) {
    const object = pick(custom());
    object.fields.push({
      ...structuredClone(scalarsOf(object)[0]!),
      name: `extra${n}`,
      label: `Extra ${n}`,
      type: 'TEXT',
      options: null,
      defaultValue: null,
      settings: null,
    });
    applied.fieldsAdded += 1;
    if (n % 3 === 0) {
      const target = pick(custom());
      object.fields.push(
        relationField({
          objectName: object.nameSingular,
          type: 'MANY_TO_ONE',
          targetObject: target.nameSingular,
          name: `linked${n}`,
          label: `Linked ${n}`,
          icon: null,
          inverseName: `linkedFrom${object.nameSingular}${n}`,
          inverseLabel: `Linked from ${object.labelSingular} ${n}`,
          inverseIcon: null,
          onDelete: 'CASCADE',
        }),
      );
      applied.relationsAdded += 1;
    } else {
      object.fields.push({
        ...structuredClone(scalarsOf(object)[0]!),
        name: `extraCount${n}`,
        label: `Extra count ${n}`,
        type: 'NUMBER',
        options: null,
        defaultValue: null,
        settings: { decimals: 0, type: 'number' },
      });
      applied.fieldsAdded += 1;
    }
  }
  // Remove 20 scalar fields and 5 relations.
  for (let n = 0; n < 20; n++) {
    const object = pick(custom());
    const victim = pick(scalarsOf(object));
    object.fields = object.fields.filter((f) => f !== victim);
    applied.fieldsRemoved += 1;
  }
  for (let n = 0; n < 5; n++) {
    const object = pick(custom().filter((o) => o.fields.some((f) => f.relation)));
    const victim = pick(object.fields.filter((f) => f.relation));
    object.fields = object.fields.filter((f) => f !== victim);
    applied.relationsRemoved += 1;
  }
  // Update 40 distinct fields: 10 option lists, 25 labels and descriptions, 3 isNullable (not
  // editable in Twenty: unsupported steps) and 2 types (unsupported too).
  const touched = new Set<SchemaField>();
  const existing = new Set(
    before.objects.flatMap((o) => o.fields.map((f) => `${o.nameSingular}.${f.name}`)),
  );
  const pickField = (match: (f: SchemaField) => boolean): SchemaField => {
    for (;;) {
      const object = pick(custom());
      const candidates = scalarsOf(object).filter(
        (f) => existing.has(`${object.nameSingular}.${f.name}`) && match(f) && !touched.has(f),
      );
      if (candidates.length === 0) continue;
      const chosen = pick(candidates);
      touched.add(chosen);
      applied.fieldsUpdated += 1;
      return chosen;
    }
  };
  for (let n = 0; n < 10; n++) {
    const target = pickField((f) => f.options !== null && f.type !== 'RATING');
    target.options = [
      ...target.options!.map((o, i) => (i === 0 ? { ...o, color: 'gray' } : o)),
      { label: 'Archived', value: 'ARCHIVED', color: 'gray', position: target.options!.length },
    ];
    applied.optionsChanged += 1;
  }
  for (let n = 0; n < 25; n++) {
    const target = pickField(() => true);
    target.label = `${target.label} (v2)`;
    target.description = 'Clarified in this change';
  }
  for (let n = 0; n < 3; n++) {
    const target = pickField(() => true);
    target.isNullable = !target.isNullable;
  }
  for (let n = 0; n < 2; n++) {
    const target = pickField((f) => f.type === 'TEXT');
    target.type = 'RICH_TEXT';
    applied.typesChanged += 1;
  }
  return { after, applied };
};
