import { mkdir, open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The receivers' write-ahead journal: every delivery is appended here, and synced to disk, before
 * the receiver answers, so an answered delivery is never lost. The searchable log (PGlite) is
 * filled from it in the background: a burst is answered at the speed of an append instead of a
 * database insert, and a crash between the two is repaired by replaying the journal on start.
 *
 * JSON lines in segments named by their first sequence number; concurrent appends share one write
 * and one fdatasync (group commit). A torn last line (a crash mid-write) is cut off on open.
 */
export type JournalRecord = { seq: number } & Record<string, unknown>;

const SEGMENT_BYTES = 32 * 1024 * 1024;
const NAME = /^(\d{16})\.jsonl$/;
const segmentName = (firstSeq: number) => `${String(firstSeq).padStart(16, '0')}.jsonl`;

interface Pending {
  seq: number;
  line: Buffer;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class DeliveryJournal {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private handle: FileHandle | null = null;
  private segmentBytes = 0;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private nextSeq: number,
    private segments: number[],
  ) {}

  static async open(dir: string): Promise<DeliveryJournal> {
    await mkdir(dir, { recursive: true });
    const segments = (await readdir(dir))
      .map((name) => NAME.exec(name)?.[1])
      .filter((first): first is string => first !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    let lastSeq = 0;
    const last = segments.at(-1);
    if (last !== undefined) {
      const path = join(dir, segmentName(last));
      const bytes = await readFile(path);
      const end = bytes.lastIndexOf(0x0a) + 1;
      if (end < bytes.length) {
        const handle = await open(path, 'r+');
        await handle.truncate(end);
        await handle.close();
      }
      lastSeq = last - 1;
      for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
        if (line) lastSeq = (JSON.parse(line) as JournalRecord).seq;
      }
    }
    return new DeliveryJournal(dir, lastSeq + 1, segments);
  }

  /** The sequence number the last appended record got. */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /**
   * Gives the record the next sequence number and resolves once it is on disk. Records get their
   * numbers in call order; the returned record is the one written.
   */
  append<T extends Record<string, unknown>>(record: T): Promise<T & { seq: number }> {
    if (this.closed) return Promise.reject(new Error('The delivery journal is closed'));
    const stored = { ...record, seq: this.nextSeq++ };
    const line = Buffer.from(`${JSON.stringify(stored)}\n`, 'utf8');
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ seq: stored.seq, line, resolve, reject });
      this.flushing ??= this.flushLoop();
    }).then(() => stored);
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        // Let the appends of this turn of the event loop join the same write.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.pending;
        this.pending = [];
        try {
          await this.writeBatch(batch);
          for (const entry of batch) entry.resolve();
        } catch (error) {
          for (const entry of batch) entry.reject(error as Error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    if (!this.handle || this.segmentBytes >= SEGMENT_BYTES) {
      // The first write after opening continues the last segment; a full one starts another.
      let first = this.handle === null ? this.segments.at(-1) : undefined;
      await this.handle?.close();
      if (first === undefined) {
        first = batch[0]!.seq;
        this.segments.push(first);
      }
      this.handle = await open(join(this.dir, segmentName(first)), 'a');
      this.segmentBytes = (await this.handle.stat()).size;
    }
    const bytes = Buffer.concat(batch.map((entry) => entry.line));
    await this.handle.write(bytes);
    await this.handle.datasync();
    this.segmentBytes += bytes.length;
  }

  /** Every record after `afterSeq`, in order (the start-up replay into the log). */
  async *readAfter(afterSeq: number): AsyncGenerator<JournalRecord> {
    for (let index = 0; index < this.segments.length; index += 1) {
      const next = this.segments[index + 1];
      if (next !== undefined && next - 1 <= afterSeq) continue;
      const text = await readFile(join(this.dir, segmentName(this.segments[index]!)), 'utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        const record = JSON.parse(line) as JournalRecord;
        if (record.seq > afterSeq) yield record;
      }
    }
  }

  /** Deletes the segments whose records are all at or before `seq` (already in the log). */
  async dropThrough(seq: number): Promise<void> {
    while (this.segments.length > 1 && this.segments[1]! - 1 <= seq) {
      const first = this.segments.shift()!;
      await rm(join(this.dir, segmentName(first)), { force: true });
    }
  }

  /** Waits for appends in flight, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.handle?.close();
    this.handle = null;
  }
}
