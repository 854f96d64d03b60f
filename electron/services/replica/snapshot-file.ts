import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import { schemaDocumentSchema, type SchemaDocument } from '../../../shared/schema/schema-document';
import type { TwentyRecord } from '../twenty-client';
import { TRASHED, type RecordSource } from './record-source';
import type { ReplicaObject, SkippedObject } from './replica-objects';

/**
 * The snapshot file: JSON lines, gzipped when the name ends in `.gz`. Line 1 is the header
 * (schema document and the objects as the replica reads them), then one line per record
 * `{"object":…,"record":…}` grouped by object (its trash after its live records, told apart by
 * `deletedAt`), then an end line with the counts, so a truncated
 * file is refused rather than half imported. Written to a temp file and renamed into place.
 */
export const SNAPSHOT_FORMAT = 'atelier.snapshot';

const headerSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  source: z.string(),
  schema: schemaDocumentSchema,
  objects: z.array(
    z.object({
      nameSingular: z.string(),
      namePlural: z.string(),
      fields: z.array(z.string()),
      actors: z.array(z.string()),
      links: z.array(
        z.object({ field: z.string(), joinColumn: z.string(), targetObject: z.string() }),
      ),
    }),
  ),
  skipped: z.array(z.object({ nameSingular: z.string(), reason: z.string() })),
});
export type SnapshotHeader = z.infer<typeof headerSchema>;

const endSchema = z.object({ end: z.literal(true), counts: z.record(z.string(), z.number()) });

export interface SnapshotContent {
  header: SnapshotHeader;
  counts: Record<string, number>;
}

const recordLine = (object: string, record: TwentyRecord) =>
  `${JSON.stringify({ object, record })}\n`;
const linePrefix = (object: string) => `{"object":${JSON.stringify(object)},`;

/** Writes a snapshot from the header and an async stream of [object, records] pages. */
export const writeSnapshot = async (
  file: string,
  header: Omit<SnapshotHeader, 'format' | 'version'>,
  pages: AsyncIterable<{ object: string; records: TwentyRecord[] }>,
): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {};
  async function* lines() {
    yield `${JSON.stringify({ format: SNAPSHOT_FORMAT, version: 1, ...header })}\n`;
    for (const object of header.objects) counts[object.nameSingular] = 0;
    for await (const page of pages) {
      counts[page.object] = (counts[page.object] ?? 0) + page.records.length;
      yield page.records.map((record) => recordLine(page.object, record)).join('');
    }
    yield `${JSON.stringify({ end: true, counts })}\n`;
  }
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const sink = createWriteStream(temp, { mode: 0o600 });
    if (file.endsWith('.gz')) await pipeline(Readable.from(lines()), createGzip(), sink);
    else await pipeline(Readable.from(lines()), sink);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return counts;
};

const isGzip = async (file: string): Promise<boolean> => {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
};

async function* fileLines(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file);
  const input = (await isGzip(file)) ? raw.pipe(createGunzip()) : raw;
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) if (line.length > 0) yield line;
  } finally {
    reader.close();
    raw.destroy();
  }
}

const invalid = (file: string, why: string) =>
  new AppError('INVALID_INPUT', `${file} is not a complete Atelier snapshot: ${why}`);

/** Header and counts; reads the file through once to be sure it is whole. */
export const readSnapshot = async (file: string): Promise<SnapshotContent> => {
  let header: SnapshotHeader | null = null;
  let last = '';
  for await (const line of fileLines(file)) {
    if (!header) {
      const parsed = headerSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw invalid(file, 'the first line is not a snapshot header');
      header = parsed.data;
    }
    last = line;
  }
  if (!header) throw invalid(file, 'it is empty');
  const end = endSchema.safeParse(last ? JSON.parse(last) : null);
  if (!end.success) throw invalid(file, 'it ends before its end line (truncated?)');
  return { header, counts: end.data.counts };
};

export const schemaOf = (content: SnapshotContent): SchemaDocument => content.header.schema;
export const objectsOf = (content: SnapshotContent): ReplicaObject[] => content.header.objects;
export const skippedOf = (content: SnapshotContent): SkippedObject[] => content.header.skipped;

/**
 * A snapshot as a record source: an object's records in file order, the cursor being how many
 * (live or trashed) come before the page. Each call reads the file from the start (objects are
 * grouped, lines of other objects are skipped by their prefix without parsing).
 */
export const snapshotSource = (file: string, content: SnapshotContent): RecordSource => {
  const names = new Map(content.header.objects.map((o) => [o.namePlural, o.nameSingular]));
  return {
    async *pages(plural, options) {
      // The only filters a copy or an import uses: none (live records) and the trash.
      if (options.filter && options.filter !== TRASHED)
        throw new AppError('INVALID_INPUT', 'A snapshot can only be read whole or by its trash');
      const trash = options.filter === TRASHED;
      const name = names.get(plural);
      if (!name) return;
      const prefix = linePrefix(name);
      const skip = options.after ? Number(options.after) : 0;
      const total = trash ? null : (content.counts[name] ?? null);
      let index = 0;
      let page: TwentyRecord[] = [];
      for await (const line of fileLines(file)) {
        if (!line.startsWith(prefix)) continue;
        const { record } = JSON.parse(line) as { record: TwentyRecord };
        if (Boolean(record.deletedAt) !== trash) continue;
        index += 1;
        if (index <= skip) continue;
        page.push(record);
        if (page.length === options.pageSize) {
          yield { records: page, endCursor: String(index), totalCount: total };
          page = [];
        }
      }
      if (page.length > 0 || index <= skip)
        yield { records: page, endCursor: String(Math.max(index, skip)), totalCount: total };
    },
  };
};
