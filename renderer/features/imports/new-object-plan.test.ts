import { describe, expect, it } from 'vitest';
import type { ModelObject, ReviewedStep, WorkspaceModel } from '../../../shared/contract';
import { convertRow, suggestMapping } from '../../../shared/imports';
import { model } from '../../../shared/imports/test-model';
import { diffSchemas } from '../../../shared/schema/diff-schema';
import { planChanges } from '../../../shared/schema/plan-changes';
import { emptySchemaDocument, isStandardObject } from '../../../shared/schema/schema-document';
import { modelField } from '../../../shared/testing/model-builders';
import { proposeNewObject, updateColumn, type NewObjectProposal } from './new-object';
import {
  applyOutcome,
  createdObject,
  mappingForNewObject,
  targetWithNewObject,
  transformsForType,
  unexpectedSteps,
} from './new-object-plan';
import { vendorHeaders, vendorRows } from './new-object-sample';

const vendors = () => proposeNewObject('vendors.csv', vendorHeaders, vendorRows);

/** The object as the workspace answers after the apply: base fields plus what the plan made. */
const afterApply = (proposal: NewObjectProposal, skip: string[] = []): ModelObject => {
  const target = targetWithNewObject(emptySchemaDocument(), proposal);
  const made = target.objects.find((object) => object.nameSingular === proposal.nameSingular)!;
  return {
    id: 'vendor-id',
    nameSingular: proposal.nameSingular,
    namePlural: proposal.namePlural,
    labelSingular: proposal.labelSingular,
    labelPlural: proposal.labelPlural,
    description: null,
    icon: null,
    isCustom: true,
    isSystem: false,
    isActive: true,
    isLabelSyncedWithName: true,
    fields: [
      modelField('id', 'UUID', { isSystem: true }),
      modelField('name', 'TEXT'),
      modelField('createdAt', 'DATE_TIME'),
      ...made.fields
        .filter((field) => !skip.includes(field.name))
        .map((field) =>
          modelField(field.name, field.type, {
            label: field.label,
            isCustom: true,
            options: field.options,
            settings: field.settings,
          }),
        ),
    ],
  };
};

const step = (id: string, extra: Partial<ReviewedStep> = {}): ReviewedStep => ({
  id,
  operation: 'createOneField',
  objectName: 'vendor',
  destructive: false,
  description: `Create ${id}`,
  affected: null,
  usages: [],
  ...extra,
});

describe('the plan of a new object', () => {
  it('adds the object and one field per included column to the current schema, nothing else', () => {
    const current = targetWithNewObject(
      emptySchemaDocument(),
      proposeNewObject('projects.csv', ['Title'], [{ Title: 'x' }]),
    );
    const proposal = updateColumn(vendors(), 'Revenue', { included: false });
    const target = targetWithNewObject(current, proposal);
    expect(target.objects.map((object) => object.nameSingular)).toEqual(['project', 'vendor']);
    const vendor = target.objects.find((object) => object.nameSingular === 'vendor')!;
    expect(isStandardObject(vendor)).toBe(false);
    // Name fills the object's own field: no field of its own; Revenue is left out.
    expect(vendor.fields.map((field) => `${field.name}:${field.type}`)).toEqual([
      'category:SELECT',
      'email:EMAILS',
      'rating:RATING',
      'since:DATE',
      'website:LINKS',
    ]);
    const steps = planChanges(diffSchemas(current, target)).steps;
    expect(steps.map((s) => s.id)).toEqual([
      'create-object:vendor',
      'create-field:vendor.category',
      'create-field:vendor.email',
      'create-field:vendor.rating',
      'create-field:vendor.since',
      'create-field:vendor.website',
    ]);
    expect(steps.some((s) => s.destructive)).toBe(false);
  });

  it('flags steps that would do more than add', () => {
    const steps = [
      step('a'),
      step('b', { destructive: true }),
      step('c', { operation: 'unsupported' }),
    ];
    expect(unexpectedSteps(steps).map((s) => s.id)).toEqual(['b', 'c']);
  });
});

describe("the apply's outcome", () => {
  const steps = [
    step('create-object:vendor', { operation: 'createOneObject' }),
    step('create-field:vendor.email'),
  ];

  it("names the step that failed with Twenty's message", () => {
    const outcome = applyOutcome(
      {
        planId: 'p',
        applied: ['create-object:vendor'],
        skipped: [],
        failed: {
          step: 'create-field:vendor.email',
          error: 'METADATA_VALIDATION_FAILED',
          userFriendlyMessage: 'Field name is already taken.',
        },
        cancelled: false,
      },
      steps,
    );
    expect(outcome).toEqual({
      succeeded: false,
      failedIndex: 1,
      objectCreated: true,
      message:
        'Stopped at step 2 (Create create-field:vendor.email): Field name is already taken. 1 applied, 0 not run.',
    });
  });

  it('tells a full apply and a stopped one', () => {
    const base = { planId: 'p', skipped: [], failed: null };
    const all = ['create-object:vendor', 'create-field:vendor.email'];
    expect(applyOutcome({ ...base, applied: all, cancelled: false }, steps)).toMatchObject({
      succeeded: true,
      objectCreated: true,
      message: 'Applied all 2 operation(s).',
    });
    expect(
      applyOutcome({ ...base, applied: [], skipped: all, cancelled: true }, steps),
    ).toMatchObject({
      succeeded: false,
      objectCreated: false,
      message: 'Stopped: 0 applied, 2 not run.',
    });
  });
});

describe('the mapping onto the new fields', () => {
  it('reads each included column into its field, with what the values need', () => {
    const proposal = updateColumn(vendors(), 'Rating', { type: 'RATING' });
    const object = afterApply(proposal);
    const mapping = mappingForNewObject(proposal, object);
    expect(mapping.object).toBe('vendor');
    expect(Object.keys(mapping.fields).sort()).toEqual(
      ['category', 'email', 'name', 'rating', 'revenue', 'since', 'website'].sort(),
    );
    expect(mapping.fields.name).toEqual({ kind: 'column', column: 'Name', transforms: [] });
    expect(mapping.fields.category).toEqual({
      kind: 'column',
      column: 'Category',
      transforms: [{ type: 'valueMap', map: {}, createMissingOptions: true }],
    });

    const workspace: WorkspaceModel = { objects: [...model.objects, object] };
    const row = convertRow(mapping, object, workspace, vendorRows[3]!);
    expect(row.problems).toEqual([]);
    expect(row.values).toMatchObject({
      name: 'Vendor 3',
      category: 'HARDWARE',
      rating: 'RATING_4',
      since: '2019-04-13',
      email: { primaryEmail: 'sales@vendor3.example.com' },
      website: { primaryLinkUrl: 'https://vendor3.example.com' },
      revenue: { amountMicros: 5_000_000_000, currencyCode: 'USD' },
    });
  });

  it('agrees with the suggestions, which find the new fields by their exact names', () => {
    const proposal = vendors();
    const object = afterApply(proposal);
    const workspace: WorkspaceModel = { objects: [...model.objects, object] };
    const suggested = suggestMapping({
      headers: vendorHeaders,
      rows: vendorRows,
      object,
      model: workspace,
    });
    for (const chosen of suggested.chosen) {
      const ours = mappingForNewObject(proposal, object).fields[chosen.target.field];
      expect(ours && 'column' in ours ? ours.column : null).toBe(chosen.column);
    }
  });

  it('maps only the fields the workspace has (after a half-way apply) and what is included', () => {
    const proposal = updateColumn(vendors(), 'Email', { included: false });
    const object = afterApply(proposal, ['since', 'website']);
    expect(Object.keys(mappingForNewObject(proposal, object).fields).sort()).toEqual([
      'category',
      'name',
      'rating',
      'revenue',
    ]);
    expect(createdObject({ objects: [object] }, proposal)).toBe(object);
    expect(createdObject({ objects: [] }, proposal)).toBeNull();
  });

  it('keeps only the transforms that fit the type', () => {
    const transforms = [
      { type: 'date' as const, format: 'DD/MM/YYYY' },
      { type: 'number' as const, locale: 'fr' as const },
      { type: 'trim' as const },
    ];
    expect(transformsForType(transforms, 'DATE').map((t) => t.type)).toEqual(['date', 'trim']);
    expect(transformsForType(transforms, 'CURRENCY').map((t) => t.type)).toEqual([
      'number',
      'trim',
    ]);
    expect(transformsForType(transforms, 'TEXT').map((t) => t.type)).toEqual(['trim']);
  });
});
