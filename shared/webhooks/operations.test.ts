import { describe, expect, it } from 'vitest';
import {
  operationsCoverage,
  operationsMatch,
  operationsToSelection,
  parseOperation,
  selectionToOperations,
  simplifyOperations,
  subscribedObjects,
} from './operations';

describe('operations ↔ selection', () => {
  it('groups Twenty’s list by object, wildcard first and actions in Twenty’s order', () => {
    expect(
      operationsToSelection(['person.updated', '*.created', 'person.created', 'company.*', 'bad']),
    ).toEqual({
      '*': ['created'],
      company: ['*'],
      person: ['created', 'updated'],
    });
    expect(Object.keys(operationsToSelection(['b.created', '*.*', 'a.created']))).toEqual([
      '*',
      'a',
      'b',
    ]);
    expect(operationsToSelection(['person.created', 'person.*'])).toEqual({ person: ['*'] });
  });

  it('turns a selection back into a list without redundant entries', () => {
    expect(selectionToOperations({ person: ['updated', 'created'], '*': ['deleted'] })).toEqual([
      'person.created',
      'person.updated',
      '*.deleted',
    ]);
    expect(selectionToOperations({ '*': ['*'], person: ['created'] })).toEqual(['*.*']);
    expect(selectionToOperations({ company: [] })).toEqual([]);
    const round = ['*.created', 'company.*', 'person.updated'];
    expect(selectionToOperations(operationsToSelection(round)).sort()).toEqual(round.sort());
  });

  it('keeps workflowRun.updated even beside wildcards (it only matches exactly)', () => {
    expect(simplifyOperations(['*.*', 'workflowRun.updated', 'person.created', '*.*'])).toEqual([
      '*.*',
      'workflowRun.updated',
    ]);
  });

  it('parses only <object>.<action>', () => {
    expect(parseOperation('person.created')).toEqual({ object: 'person', action: 'created' });
    expect(parseOperation('person')).toBeNull();
    expect(parseOperation('metadata.object.created')).toBeNull();
  });
});

describe('operationsMatch (Twenty’s rule)', () => {
  it('matches exact, *.op, X.* and *.*', () => {
    expect(operationsMatch(['person.created'], 'person.created')).toBe(true);
    expect(operationsMatch(['*.created'], 'company.created')).toBe(true);
    expect(operationsMatch(['company.*'], 'company.destroyed')).toBe(true);
    expect(operationsMatch(['*.*'], 'invoice.restored')).toBe(true);
    expect(operationsMatch(['person.created'], 'person.updated')).toBe(false);
    expect(operationsMatch(['*.updated'], 'person.created')).toBe(false);
    expect(operationsMatch([], 'person.created')).toBe(false);
  });

  it('delivers workflowRun.updated only to an exact subscription', () => {
    expect(operationsMatch(['*.*', '*.updated', 'workflowRun.*'], 'workflowRun.updated')).toBe(
      false,
    );
    expect(operationsMatch(['workflowRun.updated'], 'workflowRun.updated')).toBe(true);
    expect(operationsMatch(['*.*'], 'workflowRun.created')).toBe(true);
  });

  it('matches metadata events on their own wildcards and *.*', () => {
    expect(operationsMatch(['*.*'], 'metadata.object.created')).toBe(true);
    expect(operationsMatch(['metadata.*.created'], 'metadata.field.created')).toBe(true);
    expect(operationsMatch(['metadata.field.*'], 'metadata.field.deleted')).toBe(true);
    expect(operationsMatch(['*.created'], 'metadata.field.created')).toBe(false);
  });
});

describe('coverage', () => {
  it('tells per object and action what is delivered', () => {
    expect(operationsCoverage(['*.created', 'person.*'], ['person', 'company'])).toEqual({
      person: { created: true, updated: true, deleted: true, destroyed: true, restored: true },
      company: { created: true, updated: false, deleted: false, destroyed: false, restored: false },
    });
    expect(
      subscribedObjects([['person.created'], ['*.destroyed']], ['person', 'company', 'note']),
    ).toEqual(['person']);
  });
});
