import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  fixesFileSchema,
  storedImportSchema,
  type FixesFile,
  type StepFixes,
  type StoredImport,
} from './import-record';

/**
 * The files of one import under `<dataDir>/imports/<id>/`: the record, the admin's fixes, per
 * step the problem rows, the staged and settled rows, then the journal and the results. Every
 * JSON file is replaced atomically (temporary file + rename).
 */
export const importFolder = (root: string, id: string) => {
  const dir = join(root, id);
  return {
    dir,
    record: join(dir, 'import.json'),
    fixes: join(dir, 'fixes.json'),
    problems: (step: string) => join(dir, `problems-${step}.jsonl`),
    staged: (step: string) => join(dir, `staged-${step}.jsonl`),
    settled: (step: string) => join(dir, `settled-${step}.jsonl`),
    errorReport: (step: string) => join(dir, `errors-${step}.csv`),
    journal: join(dir, 'journal.jsonl'),
    resultsJsonl: join(dir, 'results.jsonl'),
    resultsCsv: join(dir, 'results.csv'),
  };
};
export type ImportFolder = ReturnType<typeof importFolder>;

const writeJson = async (path: string, value: unknown) => {
  await writeFile(`${path}.partial`, `${JSON.stringify(value, null, 2)}\n`);
  await rename(`${path}.partial`, path);
};

export const saveRecord = async (root: string, record: StoredImport) => {
  const folder = importFolder(root, record.id);
  await mkdir(folder.dir, { recursive: true });
  await writeJson(folder.record, record);
};

export const loadRecords = async (
  root: string,
  warn: (message: string) => void,
): Promise<StoredImport[]> => {
  const ids = await readdir(root).catch(() => [] as string[]);
  const records: StoredImport[] = [];
  for (const id of ids) {
    try {
      const text = await readFile(importFolder(root, id).record, 'utf8');
      const parsed = storedImportSchema.safeParse(JSON.parse(text));
      if (parsed.success) records.push(parsed.data);
      else warn(`Import ${id} is not readable: ${parsed.error.message}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        warn(`Import ${id} is not readable: ${(error as Error).message}`);
    }
  }
  return records;
};

export const readFixes = async (folder: ImportFolder): Promise<FixesFile> => {
  try {
    return fixesFileSchema.parse(JSON.parse(await readFile(folder.fixes, 'utf8')));
  } catch {
    return { version: 1, steps: {} };
  }
};

export const writeFixes = (folder: ImportFolder, fixes: FixesFile) =>
  writeJson(folder.fixes, fixes);

export const fixesOf = (fixes: FixesFile, step: string): StepFixes =>
  fixes.steps[step] ?? { cells: {}, excluded: [] };

export const removeFolder = (folder: ImportFolder) =>
  rm(folder.dir, { recursive: true, force: true });

/** Files a run leaves: removed when the steps change (a new validation and run start over). */
export const clearRunFiles = async (folder: ImportFolder, steps: string[]) => {
  await Promise.all(
    [
      folder.journal,
      folder.resultsCsv,
      folder.resultsJsonl,
      ...steps.flatMap((step) => [folder.staged(step), folder.settled(step)]),
    ].map((path) => rm(path, { force: true })),
  );
};
