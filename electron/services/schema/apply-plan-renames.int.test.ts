import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../../shared/schema/diff-schema';
import { planChanges } from '../../../shared/schema/plan-changes';
import { noRenames, type SchemaRenames } from '../../../shared/schema/renames';
import { emptySchemaDocument, type SchemaDocument } from '../../../shared/schema/schema-document';
import { schemaDoc } from '../../../shared/schema/schema-test-fixtures';
import { applyAll, useLocalWorkspace } from './apply-plan-testing';
import { readSchema } from './read-schema';

/** Renames and option merges on the local workspace over HTTP: the records keep their values. */
const local = useLocalWorkspace();
const apply = (from: SchemaDocument, to: SchemaDocument, renames = noRenames()) =>
  applyAll(local.client, from, to, renames);

const option = (value: string, position: number) => ({
  label: value.charAt(0) + value.slice(1).toLowerCase(),
  value,
  color: 'blue',
  position,
});

const fleet = (names: { ship: string; port: string; cargo: string; dock: string }) =>
  schemaDoc([
    {
      nameSingular: names.port,
      namePlural: `${names.port}s`,
      labelSingular: names.port,
      labelPlural: `${names.port}s`,
      fields: [{ name: 'depth', label: 'Depth', type: 'NUMBER' }],
    },
    {
      nameSingular: names.ship,
      namePlural: `${names.ship}s`,
      labelSingular: names.ship,
      labelPlural: `${names.ship}s`,
      fields: [
        { name: names.cargo, label: 'Cargo', type: 'TEXT' },
        {
          name: 'grade',
          label: 'Grade',
          type: 'SELECT',
          options: ['LOW', 'MID', 'HIGH'].map(option),
        },
        {
          name: 'tags',
          label: 'Tags',
          type: 'MULTI_SELECT',
          options: ['A', 'B', 'C'].map(option),
        },
        {
          name: names.dock,
          label: 'Dock',
          type: 'RELATION',
          icon: 'IconAnchor',
          relation: {
            type: 'MANY_TO_ONE',
            targetObject: names.port,
            inverseName: `${names.ship}s`,
            inverseLabel: `${names.ship}s`,
            inverseIcon: 'IconShip',
            onDelete: 'SET_NULL',
          },
        },
      ],
    },
  ]);

const optionIds = async (objectName: string, fieldName: string) => {
  const answer = await local.client.metadataGraphql<{
    objects: { edges: Array<{ node: { nameSingular: string; fieldsList: any[] } }> };
  }>({
    query: `{ objects(paging: { first: 1000 }) { edges { node { nameSingular fieldsList { name options } } } } }`,
  });
  const object = answer.objects.edges.find((e) => e.node.nameSingular === objectName)!.node;
  const field = object.fieldsList.find((f) => f.name === fieldName);
  return Object.fromEntries(
    field.options.map((o: { value: string; id: string }) => [o.value, o.id]),
  );
};

describe('renames and merges on the local workspace', () => {
  it('renames objects, fields, a relation and options, merges options, and keeps every value', async () => {
    const a = fleet({ ship: 'ship', port: 'port', cargo: 'cargo', dock: 'dock' });
    const b = fleet({ ship: 'vessel', port: 'harbor', cargo: 'freight', dock: 'berth' });
    const grade = b.objects[1]!.fields.find((f) => f.name === 'grade')!;
    grade.options = [option('MINOR', 0), option('HIGH', 1)];
    const tags = b.objects[1]!.fields.find((f) => f.name === 'tags')!;
    tags.options = [option('ALPHA', 0), option('BC', 1)];
    const renames: SchemaRenames = {
      objects: { ship: 'vessel', port: 'harbor' },
      fields: { 'ship.cargo': 'freight', 'ship.dock': 'berth' },
      options: {
        'ship.grade': { LOW: 'MINOR', MID: 'HIGH' },
        'ship.tags': { A: 'ALPHA', B: 'BC', C: 'BC' },
      },
    };
    await apply(emptySchemaDocument(), a);
    const [port] = await local.client.rest.createMany('ports', [{ depth: 12 }]);
    const ships = await local.client.rest.createMany('ships', [
      { cargo: 'tea', grade: 'MID', tags: ['A', 'B'], dockId: port!.id },
      { cargo: 'rum', grade: 'HIGH', tags: ['B', 'C'] },
      { grade: 'LOW', tags: ['C'] },
    ]);
    const gradeIds = await optionIds('ship', 'grade');

    const { plan, progress } = await apply(a, b, renames);
    expect(plan.steps.map((step) => step.id)).toEqual([
      'rename-object:port',
      'rename-object:ship',
      'rename-field:vessel.cargo',
      'rename-field:vessel.dock',
      'move-option-values:vessel.grade',
      'move-option-values:vessel.tags',
      'update-field:harbor.ships',
      'update-field:vessel.grade',
      'update-field:vessel.tags',
    ]);
    expect(progress.filter(([id]) => id === 'move-option-values:vessel.tags')).toEqual([
      ['move-option-values:vessel.tags', 'running'],
      ['move-option-values:vessel.tags', 'running', { done: 0, total: 2 }],
      ['move-option-values:vessel.tags', 'running', { done: 2, total: 2 }],
      ['move-option-values:vessel.tags', 'applied'],
    ]);
    expect(await readSchema(local.client)).toEqual(b);
    const after = (await local.client.rest.list('vessels', { limit: 10 })).records;
    const byId = new Map(after.map((record) => [record.id, record]));
    expect(ships.map((ship) => byId.get(ship.id))).toMatchObject([
      { freight: 'tea', grade: 'HIGH', tags: ['ALPHA', 'BC'], berthId: port!.id },
      { freight: 'rum', grade: 'HIGH', tags: ['BC'], berthId: null },
      { freight: null, grade: 'MINOR', tags: ['BC'], berthId: null },
    ]);
    expect((await local.client.rest.get('harbors', String(port!.id))).depth).toBe(12);
    // Renamed options kept their ids: Twenty carries stored values by id (rules §3.3).
    expect(await optionIds('vessel', 'grade')).toEqual({
      MINOR: gradeIds.LOW,
      HIGH: gradeIds.HIGH,
    });
    await apply(b, emptySchemaDocument());
  });

  it('detects no rename on its own: without renames the same files drop and re-create', async () => {
    const a = fleet({ ship: 'boat', port: 'pier', cargo: 'cargo', dock: 'dock' });
    const b = fleet({ ship: 'boat', port: 'pier', cargo: 'load', dock: 'dock' });
    const steps = planChanges(diffSchemas(a, b)).steps.map((step) => step.id);
    expect(steps).toEqual([
      'create-field:boat.load',
      'deactivate-field:boat.cargo',
      'delete-field:boat.cargo',
    ]);
  });
});
