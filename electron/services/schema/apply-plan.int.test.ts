import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffSchemas } from '../../../shared/schema/diff-schema';
import { planChanges } from '../../../shared/schema/plan-changes';
import {
  emptySchemaDocument,
  parseSchemaDocument,
  type SchemaDocument,
} from '../../../shared/schema/schema-document';
import type { TwentyClient, TwentyRecord } from '../twenty-client';
import { noRenames, type SchemaRenames } from '../../../shared/schema/renames';
import { applyPlan, type StepStatus } from './apply-plan';
import { applyAll, useLocalWorkspace } from './apply-plan-testing';
import { readSchema } from './read-schema';
import {
  buildModel,
  buildRenames,
  expectedValues,
  modelPair,
  seedRecords,
} from './schema-arbitrary';

/** Plans run against the local workspace over real HTTP (PGlite, no demo data). */
const local = useLocalWorkspace();
let client: TwentyClient;
let runs = 0;

/** Letters only: Twenty's names are camelCase ASCII without digits here. */
const freshTag = (): string => {
  let n = runs++;
  let tag = '';
  do {
    tag += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return `q${tag}`;
};

/** Applies plan(diff(from, to)); reads back the objects named with `scope` (all when absent). */
const migrate = async (
  from: SchemaDocument,
  to: SchemaDocument,
  scope?: string,
  renames: SchemaRenames = noRenames(),
) => {
  await applyAll(client, from, to, renames);
  const live = await readSchema(client);
  // A failed run leaves its objects behind; scoping keeps shrinking's counterexamples honest.
  return scope === undefined
    ? live
    : { ...live, objects: live.objects.filter((o) => o.nameSingular.startsWith(scope)) };
};

beforeAll(() => {
  client = local.client;
});

describe('applyPlan on the local workspace', () => {
  it('reads an untouched workspace as an empty schema', async () => {
    expect(await readSchema(client)).toEqual(emptySchemaDocument());
  });

  it('property: plan(diff(∅, A)), then plan(diff(A, B, renames)) yields B with the records’ values kept, converted or moved; plan(diff(B, ∅)) empties it', async () => {
    const plural = (doc: SchemaDocument, name: string) =>
      (doc.objects.find((o) => o.nameSingular === name) as { namePlural?: string })?.namePlural ??
      'people';
    await fc.assert(
      fc.asyncProperty(
        modelPair,
        fc.array(fc.nat(), { maxLength: 6 }),
        async ([specA, specB], picks) => {
          const tag = freshTag();
          const a = buildModel(specA, tag);
          const b = buildModel(specB, tag);
          const renames = buildRenames(specA, specB, tag, picks);
          expect(await migrate(emptySchemaDocument(), a, tag)).toEqual(a);
          const seeded = await seedRecords(a, {
            create: async (name, records) =>
              (await client.rest.createMany(plural(a, name), records)).map((r) => String(r.id)),
            update: async (name, id, data) => {
              await client.rest.update(plural(a, name), id, data);
            },
          });
          expect(await migrate(a, b, tag, renames)).toEqual(b);
          const checks = expectedValues(a, b, renames, seeded);
          const records = new Map<string, TwentyRecord>();
          for (const name of new Set(checks.map((check) => check.objectName)))
            for (const record of (await client.rest.list(plural(b, name), { limit: 200 })).records)
              records.set(String(record.id), record);
          expect(
            checks.map((check) => ({
              ...check,
              actual: check.normalise(records.get(check.id)?.[check.fieldName]),
            })),
          ).toEqual(checks.map((check) => ({ ...check, actual: check.expected })));
          expect(await migrate(b, emptySchemaDocument(), tag)).toEqual(emptySchemaDocument());
        },
      ),
      // Shrinking a run against a live workspace takes minutes: report the first failure (its
      // seed and path replay it).
      { numRuns: 10, endOnFailure: true },
    );
  }, 120_000);

  it('stops at the first failure with Twenty’s message; the workspace holds exactly the applied steps', async () => {
    const target = parseSchemaDocument({
      format: 'atelier.schema',
      version: 1,
      objects: [
        {
          nameSingular: 'rocket',
          namePlural: 'rockets',
          labelSingular: 'Rocket',
          labelPlural: 'Rockets',
          fields: [{ name: 'thrust', label: 'Thrust', type: 'NUMBER' }],
        },
        {
          // Twenty refuses it: `person` is a standard object's name ("Object already exists").
          nameSingular: 'zeppelin',
          namePlural: 'people',
          labelSingular: 'Zeppelin',
          labelPlural: 'Zeppelins',
          fields: [{ name: 'gas', label: 'Gas', type: 'TEXT' }],
        },
      ],
    });
    const plan = planChanges(diffSchemas(emptySchemaDocument(), target));
    expect(plan.steps.map((step) => step.id)).toEqual([
      'create-object:rocket',
      'create-object:zeppelin',
      'create-field:rocket.thrust',
      'create-field:zeppelin.gas',
    ]);
    const progress: Array<[number, StepStatus]> = [];
    const report = await applyPlan(client, plan, {
      onProgress: (index, status) => progress.push([index, status]),
    });
    expect(report).toEqual({
      applied: ['create-object:rocket'],
      failed: {
        step: 'create-object:zeppelin',
        // Twenty's aggregated validation error: top-level message, the specific one as friendly text.
        error: 'Multiple validation errors occurred while creating object',
        code: 'METADATA_VALIDATION_FAILED',
        userFriendlyMessage: 'An object with this name already exists.',
      },
      skipped: ['create-field:rocket.thrust', 'create-field:zeppelin.gas'],
    });
    expect(progress).toEqual([
      [0, 'running'],
      [0, 'applied'],
      [1, 'running'],
      [1, 'failed'],
      [2, 'skipped'],
      [3, 'skipped'],
    ]);
    const live = await readSchema(client);
    expect(live.objects.map((object) => object.nameSingular)).toEqual(['rocket']);
    expect(live.objects[0]!.fields).toEqual([]);
    // Clean up through a plan too.
    await migrate(live, emptySchemaDocument());
  });

  it('round-trips custom fields and an owned relation on a standard object', async () => {
    const doc = parseSchemaDocument({
      format: 'atelier.schema',
      version: 1,
      objects: [
        {
          nameSingular: 'club',
          namePlural: 'clubs',
          labelSingular: 'Club',
          labelPlural: 'Clubs',
          // Written from the club side: normalised onto person, the MANY_TO_ONE owner.
          fields: [
            {
              name: 'members',
              label: 'Members',
              type: 'RELATION',
              icon: 'IconUsers',
              relation: {
                type: 'ONE_TO_MANY',
                targetObject: 'person',
                inverseName: 'homeClub',
                inverseLabel: 'Home club',
                inverseIcon: 'IconHome',
                onDelete: 'CASCADE',
              },
            },
          ],
        },
        {
          nameSingular: 'person',
          standard: true,
          fields: [
            {
              name: 'tier',
              label: 'Tier',
              type: 'SELECT',
              options: [
                { label: 'Gold', value: 'GOLD', color: 'orange', position: 0 },
                { label: 'Silver', value: 'SILVER', color: 'gray', position: 1 },
              ],
            },
          ],
        },
      ],
    });
    expect(doc.objects.find((o) => o.nameSingular === 'person')!.fields.map((f) => f.name)).toEqual(
      ['homeClub', 'tier'],
    );
    expect(await migrate(emptySchemaDocument(), doc)).toEqual(doc);
    // Renaming an option keeps its id (so Twenty moves stored values with it).
    const idsOf = async () => {
      const answer = await client.metadataGraphql<{
        objects: { edges: Array<{ node: { nameSingular: string; fieldsList: any[] } }> };
      }>({
        query: `{ objects(paging: { first: 1000 }) { edges { node { nameSingular fieldsList { name options } } } } }`,
      });
      const person = answer.objects.edges.find((e) => e.node.nameSingular === 'person')!.node;
      return person.fieldsList.find((f) => f.name === 'tier').options.map((o: any) => o.id);
    };
    const before = await idsOf();
    const relabelled = structuredClone(doc);
    relabelled.objects
      .find((o) => o.nameSingular === 'person')!
      .fields.find((f) => f.name === 'tier')!.options![0]!.label = 'Golden';
    expect(await migrate(doc, relabelled)).toEqual(relabelled);
    expect(await idsOf()).toEqual(before);
    await migrate(relabelled, emptySchemaDocument());
  });

  it('makes a many-to-many in one plan, shown as one on both sides; relinks, renames and unlinks it', async () => {
    const m2m = (links: { club: string | null; member: string | null }, clubField = 'club') =>
      parseSchemaDocument({
        format: 'atelier.schema',
        version: 1,
        objects: [
          {
            nameSingular: 'guild',
            namePlural: 'guilds',
            labelSingular: 'Guild',
            labelPlural: 'Guilds',
          },
          {
            nameSingular: 'guildMembership',
            namePlural: 'guildMemberships',
            labelSingular: 'Guild membership',
            labelPlural: 'Guild memberships',
            fields: [
              {
                name: clubField,
                label: clubField === 'club' ? 'Club' : 'Guild',
                type: 'RELATION',
                icon: 'IconLink',
                relation: {
                  type: 'MANY_TO_ONE',
                  targetObject: 'guild',
                  inverseIcon: 'IconLink',
                  inverseName: 'memberships',
                  inverseLabel: 'Memberships',
                  onDelete: 'CASCADE',
                  junctionTarget: links.club,
                },
              },
              {
                name: 'member',
                label: 'Member',
                type: 'RELATION',
                icon: 'IconLink',
                relation: {
                  type: 'MANY_TO_ONE',
                  targetObject: 'person',
                  inverseIcon: 'IconLink',
                  inverseName: 'guildMemberships',
                  inverseLabel: 'Guild memberships',
                  onDelete: 'CASCADE',
                  junctionTarget: links.member,
                },
              },
            ],
          },
        ],
      });
    const settingsOf = async (objectName: string, fieldName: string) => {
      const answer = await client.metadataGraphql<{
        objects: { edges: Array<{ node: { nameSingular: string; fieldsList: any[] } }> };
      }>({
        query: `{ objects(paging: { first: 1000 }) { edges { node { nameSingular fieldsList { id name settings } } } } }`,
      });
      const fields = answer.objects.edges.flatMap((e) =>
        e.node.fieldsList.map((f) => ({ ...f, objectName: e.node.nameSingular })),
      );
      const field = fields.find((f) => f.objectName === objectName && f.name === fieldName);
      const junction = fields.find((f) => f.id === field.settings.junctionTargetFieldId);
      return {
        settings: field.settings,
        junction: junction && `${junction.objectName}.${junction.name}`,
      };
    };

    const both = m2m({ club: 'member', member: 'club' });
    expect(await migrate(emptySchemaDocument(), both)).toEqual(both);
    // Twenty's settings: the one-to-many fields name the junction's other many-to-one field.
    expect(await settingsOf('guild', 'memberships')).toEqual({
      settings: { relationType: 'ONE_TO_MANY', junctionTargetFieldId: expect.any(String) },
      junction: 'guildMembership.member',
    });
    expect((await settingsOf('person', 'guildMemberships')).junction).toBe('guildMembership.club');

    // Renaming the junction field keeps the link (same field id), with no junction step.
    const renamed = m2m({ club: 'member', member: 'guild' }, 'guild');
    const renames = { objects: {}, fields: { 'guildMembership.club': 'guild' }, options: {} };
    expect(planChanges(diffSchemas(both, renamed, renames)).steps.map((step) => step.id)).toEqual([
      'rename-field:guildMembership.club',
    ]);
    expect(await migrate(both, renamed, undefined, renames)).toEqual(renamed);
    expect((await settingsOf('person', 'guildMemberships')).junction).toBe('guildMembership.guild');

    // Unlinking one side keeps the relation's own settings; the other side is untouched.
    const one = m2m({ club: 'member', member: null }, 'guild');
    expect(await migrate(renamed, one)).toEqual(one);
    expect(await settingsOf('person', 'guildMemberships')).toEqual({
      settings: { relationType: 'ONE_TO_MANY' },
      junction: undefined,
    });
    expect((await settingsOf('guild', 'memberships')).junction).toBe('guildMembership.member');
    await migrate(one, emptySchemaDocument());
  });

  it('fails an unsupported step before touching the workspace', async () => {
    const a = parseSchemaDocument({
      format: 'atelier.schema',
      version: 1,
      objects: [
        {
          nameSingular: 'probe',
          namePlural: 'probes',
          labelSingular: 'Probe',
          labelPlural: 'Probes',
          fields: [{ name: 'depth', label: 'Depth', type: 'TEXT' }],
        },
      ],
    });
    await migrate(emptySchemaDocument(), a);
    const b = structuredClone(a);
    b.objects[0]!.fields[0]!.type = 'RELATION';
    b.objects[0]!.fields.push({ ...b.objects[0]!.fields[0]!, name: 'width', label: 'Width' });
    const report = await applyPlan(client, planChanges(diffSchemas(a, b)));
    expect(report).toEqual({
      applied: [],
      failed: {
        step: 'unsupported:probe.depth',
        error: expect.stringContaining("Twenty cannot change a relation field's type"),
      },
      skipped: ['create-field:probe.width'],
    });
    expect(await readSchema(client)).toEqual(a);
    await migrate(a, emptySchemaDocument());
  });
});
