import { describe, expect, it } from 'vitest';
import type { ProblemRow } from '../../../shared/contract';
import {
  gridColumns,
  nextOffset,
  problemsByColumn,
  replaceRow,
  rowStatus,
  rowSummary,
  rowTone,
} from './problem-rows';

const row = (line: number, patch: Partial<ProblemRow> = {}): ProblemRow => ({
  line,
  cells: { Email: 'ada@', Name: 'Ada' },
  fixed: [],
  excluded: false,
  problems: [],
  duplicateOf: null,
  ...patch,
});

const bad = (column: string | null, message: string, severity: 'error' | 'warning' = 'error') => ({
  field: 'emails',
  column,
  value: 'ada@',
  message,
  severity,
});

describe('problem rows', () => {
  it('groups problems by column, columnless ones under an empty key', () => {
    const grouped = problemsByColumn(
      row(2, {
        problems: [
          bad('Email', "'ada@' is not an e-mail address"),
          bad(null, 'Name is required'),
          bad('Email', 'second'),
        ],
      }),
    );
    expect(grouped.get('Email')?.map((problem) => problem.message)).toEqual([
      "'ada@' is not an e-mail address",
      'second',
    ]);
    expect(grouped.get('')).toHaveLength(1);
  });

  it('gives a row its tone and a summary', () => {
    expect(rowTone(row(2, { excluded: true, problems: [bad('Email', 'x')] }))).toBe('excluded');
    expect(rowTone(row(2, { problems: [bad('Email', 'x')] }))).toBe('error');
    expect(rowTone(row(2, { duplicateOf: 1 }))).toBe('duplicate');
    expect(rowTone(row(2, { problems: [bad('Email', 'x', 'warning')] }))).toBe('warning');
    expect(rowTone(row(2))).toBe('ok');
    expect(rowSummary(row(2, { problems: [bad('Email', 'bad'), bad(null, 'also')] }))).toBe(
      'Email: bad (+1 more)',
    );
    expect(rowSummary(row(2, { fixed: ['Email'] }))).toBe('Fixed');
    expect(rowStatus(row(2, { fixed: ['Email'] }))).toBe('Fixed');
    expect(rowStatus(row(2, { fixed: ['Email'], problems: [bad('Email', 'x')] }))).toBe('Error');
  });

  it('replaces a re-checked row in the page that holds it', () => {
    const pages = [
      { headers: ['Email'], total: 3, rows: [row(2), row(5)] },
      { headers: ['Email'], total: 3, rows: [row(9)] },
    ];
    const fixed = row(5, { cells: { Email: 'ada@example.com' }, fixed: ['Email'] });
    const next = replaceRow(pages, fixed);
    expect(next[0]!.rows[1]).toBe(fixed);
    expect(next[1]).toBe(pages[1]);
  });

  it('sizes the grid columns in pixels', () => {
    expect(gridColumns(['A', 'B'])).toEqual({
      template: '60px 92px 104px 320px 170px 170px',
      width: 916,
    });
  });

  it('asks for the next page until every row is loaded', () => {
    expect(nextOffset([{ headers: [], total: 250, rows: new Array(100).fill(row(2)) }])).toBe(100);
    expect(
      nextOffset([
        { headers: [], total: 150, rows: new Array(100).fill(row(2)) },
        { headers: [], total: 150, rows: new Array(50).fill(row(2)) },
      ]),
    ).toBeUndefined();
    expect(nextOffset([{ headers: [], total: 10, rows: [] }])).toBeUndefined();
  });
});
