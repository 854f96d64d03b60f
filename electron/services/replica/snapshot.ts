import { describeWorkspace } from './describe-workspace';
import { readSchema } from '../schema/read-schema';
import type { TwentyClient } from '../twenty-client';
import { clientSource, DEFAULT_PAGE_SIZE, TRASHED } from './record-source';
import { runReplica, type ReplicaOptions, type ReplicaResult } from './run-replica';
import {
  objectsOf,
  readSnapshot,
  schemaOf,
  skippedOf,
  snapshotSource,
  writeSnapshot,
} from './snapshot-file';
import { throwIfCancelled } from './write-records';

/**
 * A workspace as one portable file (snapshot-file.ts), and back: the import is the replica engine
 * with the file as its source, so it keeps ids, remaps where the target refuses one, writes join
 * columns in a second pass and resumes from a journal like a copy does.
 */
export interface ExportOptions {
  pageSize?: number;
  onProgress?: (progress: { object: string; done: number; total: number | null }) => void;
  signal?: AbortSignal;
}

export const exportSnapshot = async (
  source: TwentyClient,
  file: string,
  options: ExportOptions = {},
): Promise<{ counts: Record<string, number> }> => {
  const { signal } = options;
  const { objects, skipped } = await describeWorkspace(source, signal);
  const schema = await readSchema(source, signal);
  const reader = clientSource(source);
  async function* pages() {
    for (const object of objects) {
      let done = 0;
      for (const filter of [undefined, TRASHED])
        for await (const page of reader.pages(object.namePlural, {
          after: null,
          pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
          ...(filter ? { filter } : {}),
          ...(signal ? { signal } : {}),
        })) {
          throwIfCancelled(signal);
          done += page.records.length;
          options.onProgress?.({ object: object.nameSingular, done, total: null });
          yield { object: object.nameSingular, records: page.records };
        }
    }
  }
  const counts = await writeSnapshot(
    file,
    { exportedAt: new Date().toISOString(), source: source.baseUrl, schema, objects, skipped },
    pages(),
  );
  return { counts };
};

export const importSnapshot = async (
  file: string,
  target: TwentyClient,
  options: ReplicaOptions = {},
): Promise<ReplicaResult> => {
  const content = await readSnapshot(file);
  return runReplica({
    kind: 'import',
    source: snapshotSource(file, content),
    target,
    sourceObjects: objectsOf(content),
    sourceSkipped: skippedOf(content),
    schema: async () => schemaOf(content),
    options,
  });
};
