import { describe, expect, it } from 'vitest';
import type { StepCounts } from '../../../shared/contract';
import {
  hasResults,
  phaseLabel,
  progressFromCounts,
  rowsToWrite,
  stateMessage,
  totalCounts,
} from './step-totals';

const counts = (patch: Partial<StepCounts>): StepCounts => ({
  rows: 0,
  errorRows: 0,
  warningRows: 0,
  duplicateRows: 0,
  excludedRows: 0,
  existingRows: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  parentsCreated: 0,
  ...patch,
});

describe('step totals', () => {
  it('adds the counts of every file; existing stays unknown while one is unknown', () => {
    const total = totalCounts({
      steps: [
        { counts: counts({ rows: 10, errorRows: 2, existingRows: 3, created: 4 }) },
        { counts: counts({ rows: 5, duplicateRows: 1, existingRows: null, failed: 1 }) },
      ] as never,
    });
    expect(total).toMatchObject({
      rows: 15,
      errorRows: 2,
      duplicateRows: 1,
      created: 4,
      failed: 1,
    });
    expect(total.existingRows).toBeNull();
    expect(totalCounts({ steps: [] }).existingRows).toBeNull();
  });

  it('counts the rows a run writes and whether a run left results', () => {
    expect(
      rowsToWrite(counts({ rows: 100, errorRows: 3, excludedRows: 2, duplicateRows: 5 })),
    ).toBe(90);
    expect(hasResults(counts({}))).toBe(false);
    expect(hasResults(counts({ skipped: 1 }))).toBe(true);
  });

  it('says the state from the counts after validation, else as main wrote it', () => {
    const steps = [{ counts: counts({ rows: 10, errorRows: 2 }) }] as never;
    expect(stateMessage({ state: 'validated', message: '4 rows with errors', steps })).toBe(
      '2 rows with errors: fix or exclude them, or run without them',
    );
    expect(
      stateMessage({ state: 'validated', message: 'x', steps: [{ counts: counts({}) }] as never }),
    ).toBe('Ready to run');
    expect(stateMessage({ state: 'done', message: '3 created', steps })).toBe('3 created');
    expect(stateMessage({ state: 'running', message: 'Starting', steps })).toBe('');
    expect(stateMessage({ state: 'running', message: 'Carrying on from the journal', steps })).toBe(
      'Carrying on from the journal',
    );
  });

  it('tells where a stopped run stands from its counts', () => {
    const steps = [
      { counts: counts({ rows: 100, excludedRows: 2, created: 30, failed: 1 }) },
      { counts: counts({ rows: 50, updated: 4, skipped: 1 }) },
    ] as never;
    expect(progressFromCounts({ steps })).toEqual({
      phase: 'Paused',
      done: 36,
      total: 148,
      rate: null,
      etaSeconds: null,
    });
  });

  it('names phases in words, unknown ones capitalised', () => {
    expect(phaseLabel('write')).toBe('Writing records');
    expect(phaseLabel('dedupe')).toBe('Dedupe');
  });
});
