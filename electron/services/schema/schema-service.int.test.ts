import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyProgress, ChangePlanReview } from '../../../shared/contract/schema';
import {
  addField,
  newFieldOfType,
  newObjectHead,
  addObject,
} from '../../../shared/schema/draft-edits';
import type { SchemaDocument } from '../../../shared/schema/schema-document';
import { createOsKeychain } from '../../platform/keychain';
import type { Services } from '../create-services';
import { createTestServices } from '../testing/test-services';

// The editor's main side through the contract: drafts on disk, a plan reviewed against the live
// schema (counts and usages of destructive steps), applied by id with progress, and a failure
// half-way reported exactly.
describe('schema over the contract', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  let dataDir: string;
  let services: Services;
  const progress: ApplyProgress[] = [];
  const call = async (method: string, input: unknown): Promise<any> => {
    const result = await services.dispatcher.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };
  const noRenames = { objects: {}, fields: {}, options: {} };
  const live = async (): Promise<SchemaDocument> =>
    (await call('schema.readSchema', { connectionId: 'local' })).document;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atelier-schema-'));
    services = createTestServices(dataDir, keychain);
    services.events.listen((event, payload) => {
      if (event === 'schema.onApplyProgress') progress.push(payload as ApplyProgress);
    });
    await services.localReady;
  });
  afterAll(async () => {
    await services?.stop();
    await keychain.delete('local-workspace');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a draft on disk until it is discarded', async () => {
    const base = await live();
    const target = addObject(
      { base, target: base, renames: noRenames },
      newObjectHead('Kite', 'Kites'),
    ).target;
    const draft = { base, target, renames: noRenames, updatedAt: new Date().toISOString() };
    await call('schema.saveDraft', { connectionId: 'local', draft });
    const onDisk = JSON.parse(await readFile(join(dataDir, 'drafts', 'local.json'), 'utf8'));
    expect(onDisk.target.objects.map((o: any) => o.nameSingular)).toContain('kite');
    expect(await call('schema.getDraft', { connectionId: 'local' })).toEqual(draft);
    await call('schema.discardDraft', { connectionId: 'local' });
    expect(await call('schema.getDraft', { connectionId: 'local' })).toBeNull();
  });

  it('applies exactly the reviewed plan, step by step, and only once', async () => {
    const base = await live();
    let draft = addObject(
      { base, target: base, renames: noRenames },
      newObjectHead('Boat', 'Boats'),
    );
    draft = addField(draft, 'boat', newFieldOfType('NUMBER', 'Length', 'IconRuler'));
    const review: ChangePlanReview = await call('schema.reviewChanges', {
      connectionId: 'local',
      target: draft.target,
      renames: noRenames,
      base,
    });
    expect(review.drift).toBe(false);
    expect(review.steps.map((step) => step.operation)).toEqual([
      'createOneObject',
      'createOneField',
    ]);
    progress.length = 0;
    const report = await call('schema.applyPlan', { planId: review.planId });
    expect(report).toEqual({
      planId: review.planId,
      applied: review.steps.map((step) => step.id),
      skipped: [],
      failed: null,
      cancelled: false,
    });
    expect(progress.filter((p) => p.status === 'applied').map((p) => p.index)).toEqual([0, 1]);
    const boat = (await live()).objects.find((object) => object.nameSingular === 'boat');
    expect(boat?.fields.map((field) => field.name)).toEqual(['length']);
    // A read-only connection is never changed, whatever plan was reviewed: the same workspace
    // added as a read-only remote.
    const local = (await call('workspaces.listConnections', {})).connections.find(
      (connection: { id: string }) => connection.id === 'local',
    );
    const mirror = await call('workspaces.addConnection', {
      name: 'Read-only mirror',
      baseUrl: local.baseUrl,
      apiKey: await keychain.get('local-workspace'),
    });
    await call('workspaces.updateConnection', { id: mirror.id, readOnly: true });
    const current = await live();
    const again = await call('schema.reviewChanges', {
      connectionId: mirror.id,
      target: addField(
        { base: current, target: current, renames: noRenames },
        'boat',
        newFieldOfType('TEXT', 'Hull', 'IconShip'),
      ).target,
      renames: noRenames,
      base: null,
    });
    await expect(call('schema.applyPlan', { planId: again.planId })).rejects.toMatchObject({
      code: 'PERMISSION',
    });
    expect((await live()).objects.find((o) => o.nameSingular === 'boat')?.fields).toHaveLength(1);
    await call('workspaces.removeConnection', { id: mirror.id });
    // A spent plan is not applied twice.
    await expect(call('schema.applyPlan', { planId: review.planId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("counts the records a delete drops, and stops at the first failure with Twenty's reason", async () => {
    const client = await services.workspaces.client('local');
    for (const length of [3, 7])
      await client.graphql({
        query: `mutation($data: BoatCreateInput!) { createBoat(data: $data) { id } }`,
        variables: { data: { name: `Boat ${length}`, length } },
      });
    const base = await live();
    const boat = base.objects.find((object) => object.nameSingular === 'boat')!;
    // Drop `length`, then add two fields of which the second breaks a Twenty rule.
    let draft = { base, target: base, renames: noRenames };
    draft = {
      ...draft,
      target: {
        ...base,
        objects: base.objects.map((object) => (object === boat ? { ...boat, fields: [] } : object)),
      },
    };
    draft = addField(draft, 'boat', newFieldOfType('TEXT', 'Harbour', 'IconAnchor'));
    draft = addField(draft, 'boat', {
      ...newFieldOfType('TEXT', 'Owner', 'IconUser'),
      name: 'Owner',
      isLabelSyncedWithName: false,
    });
    const review: ChangePlanReview = await call('schema.reviewChanges', {
      connectionId: 'local',
      target: draft.target,
      renames: noRenames,
      base: null,
    });
    const dropped = review.steps.find((step) => step.operation === 'deleteOneField');
    expect(dropped?.affected).toEqual({ records: 2, withValue: 2 });
    const report = await call('schema.applyPlan', { planId: review.planId });
    const failedAt = review.steps.findIndex((step) => step.id === report.failed?.step);
    expect(review.steps[failedAt]).toMatchObject({
      operation: 'createOneField',
      fieldName: 'Owner',
    });
    expect(`${report.failed.error} ${report.failed.userFriendlyMessage ?? ''}`).toMatch(/valid/i);
    expect(report.applied).toEqual(review.steps.slice(0, failedAt).map((step) => step.id));
    expect(report.skipped).toEqual(review.steps.slice(failedAt + 1).map((step) => step.id));
    // What ran is in the workspace; what did not is not.
    const after = (await live()).objects.find((object) => object.nameSingular === 'boat')!;
    const applied = new Set(report.applied);
    expect(after.fields.some((field) => field.name === 'harbour')).toBe(
      review.steps.some((step) => step.fieldName === 'harbour' && applied.has(step.id)),
    );
    expect(after.fields.some((field) => field.name === 'Owner')).toBe(false);
  });
});
