import { describe, expect, it } from 'vitest';
import type { ModelField } from '../contract/data-model';
import { recordBodySchema, restBodySchema } from './record-body-schema';
import { company, gizmo, model, opportunity, person } from './rest-query/test-model';

describe('recordBodySchema', () => {
  it('takes the fields Twenty writes, never the ones the server fills, and nothing else', () => {
    const schema = recordBodySchema(person, model, 'create');
    expect(schema.additionalProperties).toBe(false);
    const names = Object.keys(schema.properties!);
    expect(names).toEqual(
      expect.arrayContaining(['id', 'name', 'emails', 'jobTitle', 'companyId', 'company']),
    );
    for (const absent of ['createdAt', 'searchVector', 'legacyCode', 'updatedAt'])
      expect(names).not.toContain(absent);
  });

  it('gives scalar fields their JSON types, nullable ones null too', () => {
    const props = recordBodySchema(gizmo, model, 'update').properties!;
    expect(props.score).toMatchObject({ type: ['number', 'null'] });
    expect(props.done).toMatchObject({ type: ['boolean', 'null'] });
    expect(props.day).toMatchObject({ type: ['string', 'null'], format: 'date' });
    expect(props.words).toMatchObject({ type: ['array', 'null'], items: { type: 'string' } });
    expect(props.ref).toMatchObject({ patternErrorMessage: 'Not a UUID' });
    expect(props.meta).not.toHaveProperty('type'); // RAW_JSON: any JSON
    expect(props.position).toMatchObject({
      anyOf: [{ type: 'number' }, { enum: ['first', 'last'] }, { type: 'null' }],
    });
  });

  it('lists select options as an enum, with their labels', () => {
    const props = recordBodySchema(gizmo, model, 'create').properties!;
    expect(props.tags).toMatchObject({
      type: ['array', 'null'],
      items: { enum: ['RED', 'BLUE'], enumDescriptions: ['red', 'blue'] },
    });
    expect(props.stars!.enum).toEqual([...[1, 2, 3, 4, 5].map((n) => `RATING_${n}`), null]);
    const stage = recordBodySchema(opportunity, model, 'create').properties!.stage;
    expect(stage!.enum).toEqual(['NEW', 'MEETING', 'CUSTOMER', null]);
  });

  it('shapes composite fields by their sub-fields, closed to others', () => {
    const props = recordBodySchema(person, model, 'create').properties!;
    expect(props.name).toMatchObject({
      type: ['object', 'null'],
      additionalProperties: false,
      properties: { firstName: { type: ['string', 'null'] }, lastName: {} },
    });
    expect(props.emails!.properties!.additionalEmails).toMatchObject({
      type: ['array', 'null'],
      items: { type: 'string' },
    });
    expect(props.createdBy!.properties!.source!.enum).toContain('API');
    const amount = recordBodySchema(company, model, 'create').properties!.annualRecurringRevenue;
    expect(amount!.properties!.amountMicros).toMatchObject({ type: ['number', 'string', 'null'] });
  });

  it('writes a many-to-one by its join column or by connecting the target', () => {
    const props = recordBodySchema(gizmo, model, 'create').properties!;
    expect(props.makerCompanyId).toMatchObject({ type: ['string', 'null'] });
    expect(props.maker!.properties!.connect).toMatchObject({ required: ['where'] });
    // One-to-many: the other side holds the key.
    expect(recordBodySchema(company, model, 'create').properties).not.toHaveProperty('people');
  });

  it('requires on create what Twenty requires: not nullable and no default', () => {
    const strict: ModelField = {
      ...person.fields.find((field) => field.name === 'jobTitle')!,
      name: 'badge',
      isNullable: false,
      defaultValue: null,
    };
    const defaulted = { ...strict, name: 'level', defaultValue: "'junior'" };
    const object = { ...person, fields: [...person.fields, strict, defaulted] };
    expect(recordBodySchema(object, model, 'create').required).toEqual(['badge']);
    expect(recordBodySchema(object, model, 'update').required).toBeUndefined();
    expect(recordBodySchema(object, model, 'create').properties!.badge!.type).toBe('string');
  });
});

describe('restBodySchema', () => {
  it('is an array of records for a batch, a record for one, nothing for reads', () => {
    expect(restBodySchema(person, model, 'createMany')).toMatchObject({
      type: 'array',
      items: { title: 'person (create)' },
    });
    expect(restBodySchema(person, model, 'updateMany')).toMatchObject({ title: 'person (update)' });
    expect(restBodySchema(person, model, 'merge')!.required).toEqual(['ids']);
    expect(restBodySchema(person, model, 'findMany')).toBeNull();
    expect(restBodySchema(person, model, 'deleteOne')).toBeNull();
  });
});
