import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyEntrySchema, type HistoryEntry } from '../../../shared/contract/playground';
import { AppError } from '../../../shared/errors/app-error';

/**
 * Every request run in the playground, per connection, newest last, as JSON lines in
 * `<dataDir>/history/<connectionId>.jsonl` (outside the saved-query folder an admin may put in
 * git). Kept to the last KEEP entries; read newest first, optionally matching a search.
 */
const KEEP = 500;

const safe = (connectionId: string) => {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(connectionId))
    throw new AppError('INVALID_INPUT', 'Unexpected connection id');
  return connectionId;
};

const textOf = (entry: HistoryEntry) =>
  entry.request.kind === 'graphql'
    ? entry.request.query
    : `${entry.request.method} ${entry.request.path} ${JSON.stringify(entry.request.body ?? '')}`;

export const createQueryHistory = (dataDir: string) => {
  const file = (connectionId: string) => join(dataDir, 'history', `${safe(connectionId)}.jsonl`);
  const entries = async (connectionId: string): Promise<HistoryEntry[]> => {
    const text = await readFile(file(connectionId), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => {
        try {
          return [historyEntrySchema.parse(JSON.parse(line))];
        } catch {
          return []; // a line cut by a crash is skipped, not fatal
        }
      });
  };
  let writing = Promise.resolve();
  return {
    append(connectionId: string, entry: HistoryEntry): Promise<void> {
      writing = writing.then(async () => {
        await mkdir(join(dataDir, 'history'), { recursive: true });
        await appendFile(file(connectionId), `${JSON.stringify(entry)}\n`, 'utf8');
        const all = await entries(connectionId);
        if (all.length > KEEP * 2)
          await writeFile(
            file(connectionId),
            all
              .slice(-KEEP)
              .map((e) => `${JSON.stringify(e)}\n`)
              .join(''),
            'utf8',
          );
      });
      return writing;
    },
    async list(connectionId: string, search: string | null, limit: number) {
      const needle = search?.trim().toLowerCase();
      const all = (await entries(connectionId)).reverse();
      return (
        needle ? all.filter((entry) => textOf(entry).toLowerCase().includes(needle)) : all
      ).slice(0, limit);
    },
  };
};
