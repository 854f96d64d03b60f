import { describe, expect, it } from 'vitest';
import { diffSchemas } from './diff-schema';
import { planChanges, type PlanStep } from './plan-changes';
import { noRenames, type SchemaRenames } from './renames';
import type { CustomSchemaObject, SchemaDocument } from './schema-document';
import { projectDoc, schemaDoc } from './schema-test-fixtures';

/** Plans of renames, option merges and type changes: order, names at each step, inputs. */
const plan = (from: SchemaDocument, to: SchemaDocument, renames: Partial<SchemaRenames> = {}) =>
  planChanges(diffSchemas(from, to, { ...noRenames(), ...renames })).steps;
const ids = (steps: PlanStep[]) => steps.map((step) => step.id);
const project = (doc: SchemaDocument) => doc.objects[0] as CustomSchemaObject;

describe('planChanges with renames', () => {
  it('renames an object before anything else uses its new name, and keeps its relations', () => {
    const to = projectDoc();
    Object.assign(project(to), {
      nameSingular: 'venture',
      namePlural: 'ventures',
      labelSingular: 'Venture',
      labelPlural: 'Ventures',
    });
    project(to).fields.push({ ...project(to).fields[0]!, name: 'cost', label: 'Cost' });
    project(to).fields.find((f) => f.name === 'budget')!.label = 'Money';
    const steps = plan(projectDoc(), to, { objects: { project: 'venture' } });
    expect(ids(steps)).toEqual([
      'rename-object:project',
      'create-field:venture.cost',
      'update-field:venture.budget',
    ]);
    expect(steps[0]).toMatchObject({
      operation: 'updateOneObject',
      objectName: 'project',
      input: {
        update: {
          nameSingular: 'venture',
          namePlural: 'ventures',
          labelSingular: 'Venture',
          labelPlural: 'Ventures',
        },
      },
    });
    // Without the rename the same files drop the object and its records.
    expect(ids(plan(projectDoc(), to))).toContain('delete-object:project');
  });

  it('frees a name under the old object name, before the object rename', () => {
    const to = projectDoc();
    Object.assign(project(to), { nameSingular: 'venture', namePlural: 'ventures' });
    project(to).fields.find((f) => f.name === 'owner')!.relation!.targetObject = 'company';
    expect(ids(plan(projectDoc(), to, { objects: { project: 'venture' } }))).toEqual([
      'deactivate-field:project.owner',
      'delete-field:project.owner',
      'rename-object:project',
      'create-field:venture.owner',
    ]);
  });

  it('does not recreate a relation whose target object is renamed', () => {
    const from = schemaDoc([
      ...projectDoc().objects,
      { nameSingular: 'task', namePlural: 'tasks', labelSingular: 'T', labelPlural: 'Ts' },
    ] as never);
    project(from).fields.find((f) => f.name === 'owner')!.relation!.targetObject = 'task';
    const to = structuredClone(from);
    const task = to.objects.find((o) => o.nameSingular === 'task') as CustomSchemaObject;
    Object.assign(task, { nameSingular: 'chore', namePlural: 'chores' });
    project(to).fields.find((f) => f.name === 'owner')!.relation!.targetObject = 'chore';
    expect(ids(plan(from, to, { objects: { task: 'chore' } }))).toEqual(['rename-object:task']);
  });

  it('renames a field by name and label before a new field takes its old name', () => {
    const to = projectDoc();
    const budget = project(to).fields.find((f) => f.name === 'budget')!;
    Object.assign(budget, { name: 'cost', label: 'Cost', description: 'Spent' });
    project(to).fields.push({ ...budget, name: 'budget', label: 'Budget', description: null });
    const steps = plan(projectDoc(), to, { fields: { 'project.budget': 'cost' } });
    expect(ids(steps)).toEqual([
      'rename-field:project.budget',
      'create-field:project.budget',
      'update-field:project.cost',
    ]);
    expect(steps[0]).toMatchObject({
      fieldName: 'budget',
      input: { update: { name: 'cost', label: 'Cost' } },
    });
    expect(steps[2]).toMatchObject({
      fieldName: 'cost',
      input: { update: { description: 'Spent' } },
    });
  });

  it('carries renamed options by their previous value and moves merged values first', () => {
    const to = projectDoc();
    const stage = project(to).fields.find((f) => f.name === 'stage')!;
    stage.options = [{ label: 'Open', value: 'OPEN', color: 'gray', position: 0 }];
    stage.defaultValue = "'OPEN'";
    const steps = plan(projectDoc(), to, {
      options: { 'project.stage': { DRAFT: 'OPEN', LIVE: 'OPEN' } },
    });
    expect(steps).toMatchObject([
      {
        id: 'move-option-values:project.stage',
        operation: 'moveOptionValues',
        destructive: true,
        input: { moves: [{ from: 'LIVE', to: 'DRAFT' }], multi: false },
      },
      {
        id: 'update-field:project.stage',
        destructive: false,
        input: {
          update: {
            defaultValue: "'OPEN'",
            options: [
              { label: 'Open', value: 'OPEN', color: 'gray', position: 0, previousValue: 'DRAFT' },
            ],
          },
        },
      },
    ]);
  });
});

describe('planChanges for a type change', () => {
  it('creates, copies, then swaps the fields after every other non-destructive step', () => {
    const to = projectDoc();
    const budget = project(to).fields.find((f) => f.name === 'budget')!;
    budget.type = 'NUMBER';
    project(to).fields.push({ ...budget, name: 'cost', label: 'Cost' });
    project(to).fields = project(to).fields.filter((f) => f.name !== 'stage');
    const steps = plan(projectDoc(), to);
    expect(ids(steps)).toEqual([
      'create-field:project.cost',
      'create-field:project.budgetNext',
      'copy-field-values:project.budget',
      'deactivate-field:project.budget',
      'delete-field:project.budget',
      'rename-field:project.budgetNext',
      'deactivate-field:project.stage',
      'delete-field:project.stage',
    ]);
    const typeChange = {
      from: { name: 'budget', type: 'CURRENCY' },
      temp: 'budgetNext',
      to: { name: 'budget', type: 'NUMBER' },
    };
    expect(steps[1]).toMatchObject({
      typeChange,
      input: {
        field: { name: 'budgetNext', type: 'NUMBER', label: 'Budget (new)' },
      },
    });
    expect(steps[2]).toMatchObject({
      operation: 'copyFieldValues',
      destructive: false,
      input: { from: 'budget', to: 'budgetNext', toField: { type: 'NUMBER' } },
    });
    expect(steps[4]).toMatchObject({ operation: 'deleteOneField', destructive: true });
    expect(steps[5]).toMatchObject({
      input: { update: { name: 'budget', label: 'Budget' } },
      typeChange,
    });
  });

  it('picks a temporary name no field of either side uses, and renames to a new name', () => {
    const from = projectDoc();
    project(from).fields.push({ ...project(from).fields[0]!, name: 'amountNext', label: 'X' });
    const to = structuredClone(from);
    Object.assign(
      project(to).fields.find((f) => f.name === 'budget')!,
      {
        type: 'TEXT',
        name: 'amount',
      },
    );
    const steps = plan(from, to, { fields: { 'project.budget': 'amount' } });
    expect(steps.find((s) => s.operation === 'copyFieldValues')).toMatchObject({
      input: { from: 'budget', to: 'amountNext2' },
    });
    expect(steps.at(-1)).toMatchObject({
      id: 'rename-field:project.amountNext2',
      input: { update: { name: 'amount' } },
    });
  });
});
