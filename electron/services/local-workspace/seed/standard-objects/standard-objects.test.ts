import { TAG_COLORS as TWENTY_TAG_COLORS } from '../../metadata/validation/field-options';
import { describe, expect, it } from 'vitest';
import { FIELD_METADATA_TYPES } from '../../../../../shared/domain/field-metadata-type';
import type {
  StandardFieldDefinition,
  StandardObjectDefinition,
} from '../standard-object-definition';
import { STANDARD_OBJECT_DEFINITIONS } from './index';
import { STANDARD_UNIVERSAL_IDENTIFIERS } from './universal-identifiers';

const BASE_FIELD_NAMES = [
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'createdBy',
  'updatedBy',
  'position',
  'searchVector',
] as const;

const TAG_COLORS = new Set<string>(TWENTY_TAG_COLORS);

const UPPER_SNAKE = /^[A-Z0-9]+(_[A-Z0-9]+)*$/;
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

const byName = new Map(
  STANDARD_OBJECT_DEFINITIONS.map((definition) => [definition.nameSingular, definition]),
);
const baseFieldsOf = (definition: StandardObjectDefinition): string[] =>
  definition.baseFields ?? [...BASE_FIELD_NAMES];
const allFields = STANDARD_OBJECT_DEFINITIONS.flatMap((object) =>
  object.fields.map((field) => ({ object, field })),
);
const isRelation = (field: StandardFieldDefinition) =>
  field.type === 'RELATION' || field.type === 'MORPH_RELATION';
const label = (object: StandardObjectDefinition, field: StandardFieldDefinition) =>
  `${object.nameSingular}.${field.name}`;

describe('standard object definitions', () => {
  it('covers exactly the standard objects of twenty-sdk@2.43.0, with their universal identifiers', () => {
    expect(STANDARD_OBJECT_DEFINITIONS.map((definition) => definition.nameSingular).sort()).toEqual(
      Object.keys(STANDARD_UNIVERSAL_IDENTIFIERS).sort(),
    );
    for (const definition of STANDARD_OBJECT_DEFINITIONS) {
      const sdk =
        STANDARD_UNIVERSAL_IDENTIFIERS[
          definition.nameSingular as keyof typeof STANDARD_UNIVERSAL_IDENTIFIERS
        ];
      expect(definition.universalIdentifier, definition.nameSingular).toBe(sdk.universalIdentifier);
    }
  });

  it('declares exactly the SDK field set of every object (declared fields + base fields)', () => {
    for (const definition of STANDARD_OBJECT_DEFINITIONS) {
      const sdkFields = Object.keys(
        STANDARD_UNIVERSAL_IDENTIFIERS[
          definition.nameSingular as keyof typeof STANDARD_UNIVERSAL_IDENTIFIERS
        ].fields,
      );
      const ours = [...baseFieldsOf(definition), ...definition.fields.map((field) => field.name)];
      expect(ours.sort(), definition.nameSingular).toEqual(sdkFields.sort());
    }
  });

  it('gives every declared field its SDK universal identifier, all distinct', () => {
    const seen = new Set<string>();
    for (const { object, field } of allFields) {
      expect(field.universalIdentifier, label(object, field)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      expect(seen.has(field.universalIdentifier!), label(object, field)).toBe(false);
      seen.add(field.universalIdentifier!);
    }
  });

  it('has unique object names (singular and plural, across both) and labels', () => {
    const names = STANDARD_OBJECT_DEFINITIONS.flatMap((definition) => [
      definition.nameSingular,
      definition.namePlural,
    ]);
    expect(new Set(names).size).toBe(names.length);
    for (const definition of STANDARD_OBJECT_DEFINITIONS) {
      expect(definition.nameSingular).toMatch(CAMEL_CASE);
      expect(definition.namePlural).toMatch(CAMEL_CASE);
      expect(definition.nameSingular).not.toBe(definition.namePlural);
      expect(definition.labelSingular.length).toBeGreaterThan(0);
      expect(definition.labelPlural).not.toBe(definition.labelSingular);
    }
  });

  it('has unique camelCase field names per object, none named like a base field', () => {
    for (const definition of STANDARD_OBJECT_DEFINITIONS) {
      const names = definition.fields.map((field) => field.name);
      expect(new Set(names).size, definition.nameSingular).toBe(names.length);
      for (const name of names) {
        expect(name, `${definition.nameSingular}.${name}`).toMatch(CAMEL_CASE);
        expect(
          BASE_FIELD_NAMES as readonly string[],
          `${definition.nameSingular}.${name}`,
        ).not.toContain(name);
      }
    }
  });

  it('uses only known field types, with non-empty labels', () => {
    for (const { object, field } of allFields) {
      expect(FIELD_METADATA_TYPES as readonly string[], label(object, field)).toContain(field.type);
      expect(field.label.length, label(object, field)).toBeGreaterThan(0);
      expect(['POSITION', 'TS_VECTOR'], label(object, field)).not.toContain(field.type);
    }
  });

  it('only the minimal agent / campaign-delivery / suppression objects narrow their base fields', () => {
    const narrowed = STANDARD_OBJECT_DEFINITIONS.filter((definition) => definition.baseFields).map(
      (definition) => definition.nameSingular,
    );
    expect(narrowed.sort()).toEqual(
      [
        'agentChatThread',
        'agentChatThreadTarget',
        'agentMessage',
        'agentMessagePart',
        'agentTurn',
        'agentTurnEvaluation',
        'campaignDelivery',
        'messageSuppression',
      ].sort(),
    );
    for (const name of narrowed)
      expect(byName.get(name)!.baseFields).toEqual(['id', 'createdAt', 'updatedAt', 'deletedAt']);
  });

  it('carries a relation exactly on RELATION / MORPH_RELATION fields', () => {
    for (const { object, field } of allFields) {
      expect(Boolean(field.relation), label(object, field)).toBe(isRelation(field));
      if (!isRelation(field)) {
        expect(field.morphGroup, label(object, field)).toBeUndefined();
        expect(field.morphRelations, label(object, field)).toBeUndefined();
      }
    }
  });

  it('wires every relation to an existing target whose inverse points back with the opposite type', () => {
    for (const { object, field } of allFields) {
      if (!field.relation) continue;
      const { type, target, inverse, onDelete } = field.relation;
      const targetObject = byName.get(target);
      expect(targetObject, `${label(object, field)} → ${target}`).toBeDefined();
      const inverseField = targetObject!.fields.find((candidate) => candidate.name === inverse);
      expect(inverseField, `${label(object, field)} → ${target}.${inverse}`).toBeDefined();
      expect(inverseField!.relation?.target, `${target}.${inverse} target`).toBe(
        object.nameSingular,
      );
      expect(inverseField!.relation?.inverse, `${target}.${inverse} inverse`).toBe(field.name);
      expect(inverseField!.relation?.type, `${target}.${inverse} type`).toBe(
        type === 'MANY_TO_ONE' ? 'ONE_TO_MANY' : 'MANY_TO_ONE',
      );
      if (type === 'MANY_TO_ONE') {
        expect(['CASCADE', 'RESTRICT', 'SET_NULL', 'NO_ACTION'], label(object, field)).toContain(
          onDelete,
        );
      } else {
        expect(onDelete, label(object, field)).toBeUndefined();
      }
    }
  });

  it('expresses polymorphic targets as MANY_TO_ONE MORPH_RELATION siblings named target<Object>', () => {
    const groups = new Map<string, string[]>();
    for (const { object, field } of allFields) {
      if (field.type !== 'MORPH_RELATION') continue;
      expect(field.relation?.type, label(object, field)).toBe('MANY_TO_ONE');
      expect(field.morphGroup, label(object, field)).toBe('target');
      const target = field.relation!.target;
      expect(field.name, label(object, field)).toBe(
        `target${target.charAt(0).toUpperCase()}${target.slice(1)}`,
      );
      // The inverse side of a morph relation is a plain RELATION field.
      const inverse = byName
        .get(target)!
        .fields.find((candidate) => candidate.name === field.relation!.inverse)!;
      expect(inverse.type, `${target}.${inverse.name}`).toBe('RELATION');
      const key = `${object.nameSingular}.${field.morphGroup}`;
      groups.set(key, [...(groups.get(key) ?? []), target]);
    }
    // Every object the SDK gives a morph group to has one, with distinct targets.
    const sdkMorphObjects = Object.entries(STANDARD_UNIVERSAL_IDENTIFIERS)
      .filter(([, value]) => 'morphIds' in value)
      .map(([name]) => `${name}.target`);
    expect([...groups.keys()].sort()).toEqual(sdkMorphObjects.sort());
    for (const [key, targets] of groups) expect(new Set(targets).size, key).toBe(targets.length);
    expect(groups.get('noteTarget.target')!.sort()).toEqual(['company', 'opportunity', 'person']);
    expect(groups.get('timelineActivity.target')!.length).toBe(11);
  });

  it('keeps MANY_TO_ONE join columns (<name>Id) clear of other field names', () => {
    for (const definition of STANDARD_OBJECT_DEFINITIONS) {
      const names = new Set([
        ...baseFieldsOf(definition),
        ...definition.fields.map((field) => field.name),
      ]);
      const joinColumns = definition.fields
        .filter((field) => field.relation?.type === 'MANY_TO_ONE')
        .map((field) => `${field.name}Id`);
      expect(new Set(joinColumns).size, definition.nameSingular).toBe(joinColumns.length);
      for (const column of joinColumns)
        expect(names.has(column), `${definition.nameSingular}.${column}`).toBe(false);
    }
  });

  it('has a label identifier of type TEXT / FULL_NAME (UUID `id` only on system objects)', () => {
    for (const definition of STANDARD_OBJECT_DEFINITIONS) {
      const name = definition.labelIdentifierFieldName;
      if (name === 'id') {
        expect(definition.isSystem, definition.nameSingular).toBe(true);
        continue;
      }
      const field = definition.fields.find((candidate) => candidate.name === name);
      expect(field, `${definition.nameSingular}.${name}`).toBeDefined();
      if (field!.type === 'UUID') expect(definition.isSystem, definition.nameSingular).toBe(true);
      else
        expect(['TEXT', 'FULL_NAME'], `${definition.nameSingular}.${name}`).toContain(field!.type);
    }
  });

  it('points image identifiers and search fields at existing fields', () => {
    for (const definition of STANDARD_OBJECT_DEFINITIONS) {
      const names = new Set([
        ...baseFieldsOf(definition),
        ...definition.fields.map((field) => field.name),
      ]);
      if (definition.imageIdentifierFieldName)
        expect(names.has(definition.imageIdentifierFieldName)).toBe(true);
      for (const name of definition.searchFields ?? [])
        expect(names.has(name), `${definition.nameSingular}.${name}`).toBe(true);
      // Objects without a searchVector column cannot declare search fields.
      if (!baseFieldsOf(definition).includes('searchVector'))
        expect(definition.searchFields).toBeUndefined();
    }
    for (const name of [
      'company',
      'person',
      'opportunity',
      'note',
      'task',
      'workflow',
      'dashboard',
      'workspaceMember',
    ]) {
      expect(byName.get(name)!.isSearchable, name).toBe(true);
    }
  });

  it('has valid options on SELECT / MULTI_SELECT fields, and defaults that match them', () => {
    for (const { object, field } of allFields) {
      const isEnum = field.type === 'SELECT' || field.type === 'MULTI_SELECT';
      if (!isEnum) {
        expect(field.options, label(object, field)).toBeUndefined();
        continue;
      }
      const options = field.options ?? [];
      expect(options.length, label(object, field)).toBeGreaterThan(0);
      const values = options.map((option) => option.value);
      expect(new Set(values).size, label(object, field)).toBe(values.length);
      expect(new Set(options.map((option) => option.position)).size, label(object, field)).toBe(
        options.length,
      );
      for (const option of options) {
        expect(option.value, label(object, field)).toMatch(UPPER_SNAKE);
        expect(option.value.length).toBeLessThanOrEqual(63);
        expect(option.label.length, label(object, field)).toBeGreaterThan(0);
        expect(option.label, label(object, field)).not.toContain(',');
        expect(TAG_COLORS.has(option.color), `${label(object, field)} ${option.color}`).toBe(true);
      }
      if (field.defaultValue === undefined || field.defaultValue === null) continue;
      const defaults =
        field.type === 'MULTI_SELECT'
          ? (field.defaultValue as string[])
          : [field.defaultValue as string];
      for (const value of defaults) {
        expect(value, label(object, field)).toMatch(/^'.*'$/);
        expect(values, label(object, field)).toContain(value.slice(1, -1));
      }
    }
  });

  it('stores string defaults as quoted SQL literals and other defaults with the right JSON type', () => {
    for (const { object, field } of allFields) {
      const value = field.defaultValue;
      if (value === undefined || value === null) continue;
      switch (field.type) {
        case 'TEXT':
        case 'NUMERIC':
        case 'SELECT':
          expect(value, label(object, field)).toMatch(/^'.*'$/);
          break;
        case 'DATE_TIME':
          expect(value, label(object, field)).toBe('now');
          break;
        case 'BOOLEAN':
          expect(typeof value, label(object, field)).toBe('boolean');
          break;
        case 'NUMBER':
          expect(typeof value, label(object, field)).toBe('number');
          break;
        case 'MULTI_SELECT':
          expect(Array.isArray(value), label(object, field)).toBe(true);
          break;
        default:
          throw new Error(`Unexpected default on ${label(object, field)} (${field.type})`);
      }
      expect(isRelation(field), label(object, field)).toBe(false);
    }
  });

  it('keeps the core CRM shape of Twenty 2.43', () => {
    const field = (object: string, name: string) =>
      byName.get(object)!.fields.find((candidate) => candidate.name === name)!;
    expect(field('person', 'name').type).toBe('FULL_NAME');
    expect(field('person', 'emails')).toMatchObject({ type: 'EMAILS', isUnique: true });
    expect(field('company', 'domainName')).toMatchObject({ type: 'LINKS', isUnique: true });
    expect(field('company', 'annualRevenue').type).toBe('CURRENCY');
    expect(field('opportunity', 'stage')).toMatchObject({
      type: 'SELECT',
      defaultValue: "'NEW'",
      isNullable: false,
    });
    expect(
      field('opportunity', 'stage').options!.map((option) => [option.value, option.color]),
    ).toEqual([
      ['NEW', 'red'],
      ['SCREENING', 'purple'],
      ['MEETING', 'sky'],
      ['PROPOSAL', 'turquoise'],
      ['CUSTOMER', 'yellow'],
    ]);
    expect(field('task', 'status')).toMatchObject({ defaultValue: "'TODO'" });
    expect(field('note', 'bodyV2').type).toBe('RICH_TEXT');
    expect(field('person', 'company').relation).toEqual({
      type: 'MANY_TO_ONE',
      target: 'company',
      inverse: 'people',
      onDelete: 'SET_NULL',
    });
    expect(field('noteTarget', 'note').relation).toMatchObject({
      target: 'note',
      onDelete: 'CASCADE',
    });
    expect(field('taskTarget', 'targetPerson')).toMatchObject({
      type: 'MORPH_RELATION',
      morphGroup: 'target',
      relation: {
        type: 'MANY_TO_ONE',
        target: 'person',
        inverse: 'taskTargets',
        onDelete: 'CASCADE',
      },
    });
    expect(field('workspaceMember', 'userEmail')).toMatchObject({ type: 'TEXT', isUnique: true });
  });

  it('builds into the local metadata model without errors', async () => {
    const { buildStandardModel } = await import('../build-standard-model');
    const state = {
      workspace: {
        id: '00000000-0000-4000-8000-000000000001',
        displayName: 'test',
        dataSchema: 'workspace_test',
        standardApplicationId: '00000000-0000-4000-8000-000000000002',
        customApplicationId: '00000000-0000-4000-8000-000000000003',
        metadataVersion: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      objects: new Map(),
      fields: new Map(),
      indexes: new Map(),
    } as unknown as Parameters<typeof buildStandardModel>[0];
    // Throws "Standard relation … is incomplete" if any relation cannot be wired by name.
    expect(() =>
      buildStandardModel(state, STANDARD_OBJECT_DEFINITIONS, '2026-01-01T00:00:00.000Z'),
    ).not.toThrow();
    expect(state.objects.size).toBe(STANDARD_OBJECT_DEFINITIONS.length);
    const expectedFields = STANDARD_OBJECT_DEFINITIONS.reduce(
      (sum, definition) => sum + definition.fields.length + baseFieldsOf(definition).length,
      0,
    );
    expect(state.fields.size).toBe(expectedFields);
  });
});
