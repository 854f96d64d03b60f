import { open, rename } from 'node:fs/promises';
import Papa from 'papaparse';
import type { ResultRow } from '../../../../shared/contract/imports';
import { readJournal, replayJournal, type RowResultEntry } from './import-journal';
import { readJsonLines } from './stage-step';

/**
 * The per-row result of a run (created / updated / skipped / failed with the reason), every row
 * of every file, in run order then file order: gathered from the settled rows of staging and the
 * journal's batch results, written as JSON lines (paged by the wizard) and as CSV (downloaded).
 */
export interface ResultStep {
  id: string;
  fileName: string;
  settledPath: string;
}

export const collectResults = async (
  steps: ResultStep[],
  journalPath: string,
): Promise<ResultRow[]> => {
  const state = replayJournal(await readJournal(journalPath));
  const rows: ResultRow[] = [];
  for (const step of steps) {
    const entries: RowResultEntry[] = [];
    try {
      for await (const entry of readJsonLines<RowResultEntry>(step.settledPath))
        entries.push(entry);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const done of state.steps.get(step.id)?.done.values() ?? []) entries.push(...done.results);
    entries.sort((a, b) => a.line - b.line);
    for (const entry of entries)
      rows.push({
        step: step.fileName,
        line: entry.line,
        status: entry.status,
        id: entry.id,
        reason: entry.reason,
      });
  }
  return rows;
};

export const writeResultFiles = async (
  rows: ResultRow[],
  paths: { jsonl: string; csv: string },
): Promise<void> => {
  const write = async (path: string, text: string) => {
    const file = await open(`${path}.partial`, 'w');
    await file.write(text);
    await file.sync();
    await file.close();
    await rename(`${path}.partial`, path);
  };
  await write(
    paths.jsonl,
    rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : ''),
  );
  await write(
    paths.csv,
    Papa.unparse(
      {
        fields: ['file', 'line', 'status', 'record id', 'reason'],
        data: rows.map((row) => [row.step, row.line, row.status, row.id ?? '', row.reason]),
      },
      { newline: '\n' },
    ) + '\n',
  );
};
