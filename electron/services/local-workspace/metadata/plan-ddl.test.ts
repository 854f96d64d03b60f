import { describe, expect, it } from 'vitest';
import { newFieldRow } from './base-fields';
import { cloneState, type MetadataState, type ObjectRow } from './metadata-types';
import { planDdl } from './plan-ddl';
import { emptyViewState } from '../views/view-types';

const now = '2026-01-01T00:00:00.000Z';
const object: ObjectRow = {
  id: '00000000-0000-4000-8000-000000000001',
  universalIdentifier: 'u',
  standardId: null,
  nameSingular: 'rocket',
  namePlural: 'rockets',
  labelSingular: 'Rocket',
  labelPlural: 'Rockets',
  description: null,
  icon: null,
  shortcut: null,
  color: null,
  isCustom: true,
  isRemote: false,
  isActive: true,
  isSystem: false,
  isUIReadOnly: false,
  isSearchable: true,
  isLabelSyncedWithName: false,
  labelIdentifierFieldMetadataId: null,
  imageIdentifierFieldMetadataId: null,
  duplicateCriteria: [],
  openRecordIn: 'SIDE_PANEL',
  applicationId: 'a',
  createdAt: now,
  updatedAt: now,
};
const context = { objectMetadataId: object.id, applicationId: 'a', now };
const base = (): MetadataState => {
  const id = newFieldRow(context, {
    name: 'id',
    type: 'UUID',
    label: 'Id',
    defaultValue: 'uuid',
    isNullable: false,
  });
  return {
    workspace: {
      id: 'w',
      displayName: 'w',
      dataSchema: 'ws',
      standardApplicationId: 's',
      customApplicationId: 'c',
      metadataVersion: 1,
      createdAt: now,
    },
    objects: new Map([[object.id, object]]),
    fields: new Map([[id.id, id]]),
    indexes: new Map(),
    views: emptyViewState(),
  };
};

describe('planDdl', () => {
  it('creates a new object as one table with all its columns', () => {
    const empty: MetadataState = { ...base(), objects: new Map(), fields: new Map() };
    const ddl = planDdl(empty, base());
    expect(ddl).toEqual([
      'CREATE TABLE "_rocket" ("id" uuid DEFAULT gen_random_uuid() NOT NULL, PRIMARY KEY ("id"))',
    ]);
  });

  it('adds one column per composite sub-field and drops them all again', () => {
    const before = base();
    const after = cloneState(before);
    const amount = newFieldRow(context, { name: 'amount', type: 'CURRENCY', label: 'Amount' });
    after.fields.set(amount.id, amount);
    expect(planDdl(before, after)).toEqual([
      'ALTER TABLE "_rocket" ADD COLUMN "amountAmountMicros" numeric',
      'ALTER TABLE "_rocket" ADD COLUMN "amountCurrencyCode" text',
    ]);
    expect(planDdl(after, before)).toEqual([
      'ALTER TABLE "_rocket" DROP COLUMN IF EXISTS "amountAmountMicros"',
      'ALTER TABLE "_rocket" DROP COLUMN IF EXISTS "amountCurrencyCode"',
    ]);
  });

  it('renames a select column together with its enum type', () => {
    const before = base();
    const stage = newFieldRow(context, {
      name: 'stage',
      type: 'SELECT',
      label: 'Stage',
      options: [{ id: 'o1', label: 'A', value: 'A', position: 0, color: 'red' }],
    });
    before.fields.set(stage.id, stage);
    const after = cloneState(before);
    after.fields.set(stage.id, { ...stage, name: 'phase' });
    expect(planDdl(before, after)).toEqual([
      'ALTER TABLE "_rocket" RENAME COLUMN "stage" TO "phase"',
      'ALTER TYPE "_rocket_stage_enum" RENAME TO "_rocket_phase_enum"',
    ]);
  });

  it('plans nothing when nothing changed', () => {
    const state = base();
    expect(planDdl(state, cloneState(state))).toEqual([]);
  });
});
