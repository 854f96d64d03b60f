import { createReadStream } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CellProblem } from '../../../../shared/imports';

/**
 * The rows a validation found worth showing (errors, warnings, duplicates, excluded or fixed
 * rows), on disk as JSON lines with an in-memory index of byte ranges and flags, so a grid pages
 * through 100,000 problem rows without holding them. Rows keep the file's original cells; the
 * admin's fixes are laid over them when read (fixes.json), and a fix updates the row's flags.
 */
export const FLAG = { error: 1, warning: 2, duplicate: 4, excluded: 8 } as const;

export interface StoredProblemRow {
  line: number;
  /** As read from the file, by header index. */
  cells: string[];
  /** What the conversion found with the fixes of validation time. */
  problems: CellProblem[];
  /** What the key checks found (in the file, in the workspace): kept when a fix re-converts. */
  checks: CellProblem[];
  duplicateOf: number | null;
}

interface IndexEntry {
  line: number;
  offset: number;
  length: number;
  flags: number;
}

export const flagsOf = (
  problems: readonly CellProblem[],
  duplicateOf: number | null,
  excluded: boolean,
): number =>
  (problems.some((problem) => problem.severity === 'error') ? FLAG.error : 0) |
  (problems.some((problem) => problem.severity === 'warning') ? FLAG.warning : 0) |
  (duplicateOf !== null ? FLAG.duplicate : 0) |
  (excluded ? FLAG.excluded : 0);

export type RowFilter = 'errors' | 'warnings' | 'duplicates' | 'excluded' | 'problems';

const matches = (flags: number, filter: RowFilter): boolean => {
  switch (filter) {
    case 'errors':
      return (flags & FLAG.error) !== 0 && (flags & FLAG.excluded) === 0;
    case 'warnings':
      return (flags & FLAG.warning) !== 0 && (flags & FLAG.excluded) === 0;
    case 'duplicates':
      return (flags & FLAG.duplicate) !== 0;
    case 'excluded':
      return (flags & FLAG.excluded) !== 0;
    default:
      return true;
  }
};

/** Writes a new store next to `path` and moves it in place on `close` (a stopped validation keeps the old one). */
export const writeProblemStore = async (path: string) => {
  const temporary = `${path}.partial`;
  const file = await open(temporary, 'w');
  const index: IndexEntry[] = [];
  let offset = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await file.write(pending.join(''));
    pending = [];
    pendingBytes = 0;
  };
  return {
    async add(row: StoredProblemRow, excluded: boolean) {
      const text = `${JSON.stringify(row)}\n`;
      const length = Buffer.byteLength(text);
      index.push({
        line: row.line,
        offset,
        length,
        flags: flagsOf([...row.problems, ...row.checks], row.duplicateOf, excluded),
      });
      offset += length;
      pending.push(text);
      pendingBytes += length;
      if (pendingBytes > 1 << 20) await flush();
    },
    async close(): Promise<void> {
      await flush();
      await file.sync();
      await file.close();
      await rename(temporary, path);
    },
    async abandon(): Promise<void> {
      await file.close().catch(() => {});
      await rm(temporary, { force: true });
    },
  };
};

export interface ProblemStore {
  count(filter: RowFilter): number;
  page(filter: RowFilter, offset: number, limit: number): Promise<StoredProblemRow[]>;
  get(line: number): Promise<StoredProblemRow | null>;
  /** Flags after a fix or an exclusion. */
  setFlags(line: number, flags: number): void;
  flags(line: number): number | null;
  close(): Promise<void>;
}

/** Opens a store written by `writeProblemStore` (the index is rebuilt by one scan of the file). */
export const openProblemStore = async (
  path: string,
  currentFlags: (row: StoredProblemRow) => number,
): Promise<ProblemStore> => {
  const index: IndexEntry[] = [];
  const byLine = new Map<number, IndexEntry>();
  let file: FileHandle | null = null;
  try {
    let offset = 0;
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    for await (const text of lines) {
      const length = Buffer.byteLength(text) + 1;
      if (text.trim() !== '') {
        const row = JSON.parse(text) as StoredProblemRow;
        const entry = { line: row.line, offset, length, flags: currentFlags(row) };
        index.push(entry);
        byLine.set(row.line, entry);
      }
      offset += length;
    }
    file = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const read = async (entry: IndexEntry): Promise<StoredProblemRow> => {
    const buffer = Buffer.alloc(entry.length);
    await file!.read(buffer, 0, entry.length, entry.offset);
    return JSON.parse(buffer.toString('utf8')) as StoredProblemRow;
  };
  return {
    count: (filter) =>
      index.reduce((total, entry) => total + (matches(entry.flags, filter) ? 1 : 0), 0),
    async page(filter, offset, limit) {
      const chosen: IndexEntry[] = [];
      let skipped = 0;
      for (const entry of index) {
        if (!matches(entry.flags, filter)) continue;
        if (skipped < offset) {
          skipped++;
          continue;
        }
        chosen.push(entry);
        if (chosen.length === limit) break;
      }
      return Promise.all(chosen.map(read));
    },
    async get(line) {
      const entry = byLine.get(line);
      return entry ? read(entry) : null;
    },
    setFlags(line, flags) {
      const entry = byLine.get(line);
      if (entry) entry.flags = flags;
    },
    flags: (line) => byLine.get(line)?.flags ?? null,
    async close() {
      await file?.close();
      file = null;
    },
  };
};
