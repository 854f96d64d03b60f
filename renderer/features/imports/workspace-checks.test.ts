import { describe, expect, it } from 'vitest';
import type { SourceInfoRead } from '../../../shared/contract';
import { emptyMapping } from '../../../shared/imports';
import { person } from '../../../shared/imports/test-model';
import { setDedupe, setFieldSource } from './mapping-edits';
import {
  checkWorkspaceLabel,
  estimateRows,
  workspaceKeyCount,
  workspaceRequests,
} from './workspace-checks';

const column = (name: string) => ({ kind: 'column' as const, column: name, transforms: [] });

describe('the cost of checking against the workspace', () => {
  it('counts the dedupe key, unique fields filled and lookups that do not create', () => {
    let mapping = setFieldSource(emptyMapping('person'), 'jobTitle', column('Job'));
    expect(workspaceKeyCount(mapping, person)).toBe(0);
    mapping = setFieldSource(mapping, 'emails', column('Email'));
    expect(workspaceKeyCount(mapping, person)).toBe(1);
    // The dedupe key on the same unique field is one key, not two.
    expect(workspaceKeyCount(setDedupe(mapping, 'emails.primaryEmail'), person)).toBe(1);
    const lookup = {
      kind: 'lookup' as const,
      column: 'Company',
      transforms: [],
      object: 'company',
      by: 'name',
      createMissing: false,
    };
    expect(workspaceKeyCount(setFieldSource(mapping, 'company', lookup), person)).toBe(2);
    const creating = { ...lookup, createMissing: true };
    expect(workspaceKeyCount(setFieldSource(mapping, 'company', creating), person)).toBe(1);
  });

  it('estimates the rows of a CSV from its size and sample', () => {
    const row = ['Ada', 'ada@example.com'];
    const info = {
      kind: 'csv',
      delimiter: ',',
      headers: ['Name', 'Email'],
      sample: Array.from({ length: 10 }, () => row),
      sizeBytes: 'Name,Email\n'.length + 5000 * 'Ada,ada@example.com\n'.length,
    } as SourceInfoRead;
    expect(estimateRows(info)).toBe(5000);
    expect(estimateRows({ ...info, kind: 'xlsx' })).toBeNull();
  });

  it('adds a request per 200 rows and key over the files, and says so', () => {
    const cost = workspaceRequests([
      { rows: 5000, estimated: false, keys: 2 },
      { rows: 401, estimated: true, keys: 1 },
      { rows: null, estimated: false, keys: 0 },
    ]);
    expect(cost).toEqual({ requests: 53, estimated: true });
    expect(checkWorkspaceLabel(cost)).toBe(
      'Check keys and lookups against the workspace (about 53 requests)',
    );
    expect(checkWorkspaceLabel({ requests: 1, estimated: false })).toBe(
      'Check keys and lookups against the workspace (1 request)',
    );
    expect(workspaceRequests([{ rows: null, estimated: false, keys: 1 }])).toBeNull();
    expect(checkWorkspaceLabel(null)).toBe(
      'Check keys and lookups against the workspace (a request per 200 rows and key)',
    );
  });
});
