import { describe, expect, it } from 'vitest';
import { describeOperations, isImplied, toggleOperation } from './operations';

describe('operations picker', () => {
  it('knows which boxes a broader operation already covers', () => {
    expect(isImplied(['*.*'], 'company', 'created')).toBe(true);
    expect(isImplied(['*.*'], '*', '*')).toBe(false);
    expect(isImplied(['company.*'], 'company', 'updated')).toBe(true);
    expect(isImplied(['*.deleted'], 'person', 'deleted')).toBe(true);
    expect(isImplied(['*.deleted'], 'person', 'created')).toBe(false);
    expect(isImplied(['company.created'], 'company', 'created')).toBe(false);
    // Twenty sends workflowRun.updated only to a webhook that names it.
    expect(isImplied(['*.*'], 'workflowRun', 'updated')).toBe(false);
  });

  it('adds and removes; a broad operation replaces the narrow ones it includes', () => {
    expect(toggleOperation([], 'company', 'created')).toEqual(['company.created']);
    expect(toggleOperation(['company.created'], 'company', 'created')).toEqual([]);
    expect(
      toggleOperation(['company.created', 'person.created', 'person.updated'], 'company', '*'),
    ).toEqual(['person.created', 'person.updated', 'company.*']);
    expect(toggleOperation(['company.*', 'person.created'], '*', '*')).toEqual(['*.*']);
    expect(toggleOperation(['company.created', 'person.created'], '*', 'created')).toEqual([
      '*.created',
    ]);
  });

  it('describes a list for the webhooks table', () => {
    expect(describeOperations(['*.*'])).toBe('Every event (*.*)');
    expect(describeOperations(['company.*', 'person.created'])).toBe('company.* · person.created');
  });
});
