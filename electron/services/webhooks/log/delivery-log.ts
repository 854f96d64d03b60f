import { join } from 'node:path';
import type { ForwardResult, LogSettings } from '../../../../shared/contract/webhooks';
import { openPgliteEngine } from '../../local-workspace/storage/pglite-engine';
import { DeliveryIndex } from './delivery-index';
import { DeliveryJournal } from './delivery-journal';
import type { JournalEntry, StoredDelivery, StoredForward } from './stored-delivery';

/**
 * Journal + index: `record` resolves once a delivery is durable (journal), and an indexer moves
 * journaled entries into the searchable log in batches, giving way to the receivers while
 * deliveries are pouring in (their answers wait on the same thread) and catching up afterwards.
 */
export interface DeliveryLogOptions {
  dir: string;
  /** Deliveries just made searchable, oldest first (the live view). */
  onIndexed?: (
    deliveries: Array<{ delivery: StoredDelivery; forwardStatus: number | null }>,
  ) => void;
  onError?: (message: string, error: unknown) => void;
}

const BATCH = 100;
/** A delivery this recent means a burst is on: then BUSY_BATCH rows at most every BUSY_INTERVAL_MS. */
const BUSY_WINDOW_MS = 50;
const BUSY_INTERVAL_MS = 250;
const BUSY_BATCH = 25;
const PRUNE_EVERY_MS = 60_000;
/** Beyond this many waiting entries the indexer works even during a burst (memory bound). */
const MAX_BACKLOG = 50_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DeliveryLog {
  private unindexed: JournalEntry[] = [];
  private indexing: Promise<void> | null = null;
  private lastAppendAt = 0;
  private lastBatchAt = 0;
  private indexedThrough = 0;
  private lastPrune = 0;
  private closed = false;
  private settingsCache: LogSettings | null = null;

  private constructor(
    readonly journal: DeliveryJournal,
    readonly index: DeliveryIndex,
    private readonly options: DeliveryLogOptions,
  ) {}

  static async open(options: DeliveryLogOptions): Promise<DeliveryLog> {
    const journal = await DeliveryJournal.open(join(options.dir, 'journal'));
    const index = await DeliveryIndex.open(await openPgliteEngine(join(options.dir, 'db')));
    const log = new DeliveryLog(journal, index, options);
    await log.replay();
    return log;
  }

  /** Entries journaled before a crash or exit and not yet in the index. */
  private async replay(): Promise<void> {
    const position = await this.index.position();
    let batch: JournalEntry[] = [];
    for await (const record of this.journal.readAfter(position)) {
      batch.push(record as unknown as JournalEntry);
      if (batch.length >= 500) {
        await this.index.apply(batch);
        batch = [];
      }
    }
    await this.index.apply(batch);
    this.indexedThrough = Math.max(position, this.journal.lastSeq);
    await this.journal.dropThrough(this.indexedThrough);
  }

  /** Durable once resolved; searchable shortly after. */
  async record(delivery: Omit<StoredDelivery, 'seq' | 'type'>): Promise<StoredDelivery> {
    this.lastAppendAt = Date.now();
    const stored = await this.journal.append({ type: 'delivery' as const, ...delivery });
    this.enqueue(stored);
    return stored;
  }

  async recordForward(deliveryId: string, result: ForwardResult): Promise<void> {
    const stored: StoredForward = await this.journal.append({
      type: 'forward' as const,
      deliveryId,
      result,
    });
    this.enqueue(stored);
  }

  /** Journaled but not yet searchable. */
  get pending(): number {
    return Math.max(0, this.journal.lastSeq - this.indexedThrough);
  }

  private enqueue(entry: JournalEntry): void {
    this.unindexed.push(entry);
    this.indexing ??= this.indexLoop();
  }

  private async indexLoop(): Promise<void> {
    try {
      while (this.unindexed.length > 0 && !this.closed) {
        // Yield first: requests that arrived while the last batch held the thread are handled
        // (and stamp lastAppendAt) before deciding whether a burst is on.
        await new Promise((resolve) => setImmediate(resolve));
        const busy =
          Date.now() - this.lastAppendAt < BUSY_WINDOW_MS && this.unindexed.length < MAX_BACKLOG;
        if (busy) {
          // During a burst answers come first: a small batch now and then keeps the live view
          // moving (steady traffic stays live) without holding the receivers up.
          const wait = this.lastBatchAt + BUSY_INTERVAL_MS - Date.now();
          if (wait > 0) {
            await sleep(wait);
            continue;
          }
        }
        // Appends resolve in journal order, so the queue is in seq order already.
        const batch = this.unindexed.splice(0, busy ? BUSY_BATCH : BATCH);
        try {
          await this.index.apply(batch);
        } catch (error) {
          this.options.onError?.('Could not index webhook deliveries', error);
          this.unindexed.unshift(...batch);
          await sleep(1000);
          continue;
        }
        this.lastBatchAt = Date.now();
        this.indexedThrough = Math.max(this.indexedThrough, batch.at(-1)!.seq);
        const deliveries = batch
          .filter((entry): entry is StoredDelivery => entry.type === 'delivery')
          .map((delivery) => ({ delivery, forwardStatus: null }));
        if (deliveries.length > 0) this.options.onIndexed?.(deliveries);
        if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) await this.maintain();
      }
    } finally {
      this.indexing = null;
    }
  }

  /** Retention, and journal segments the index holds entirely. */
  private async maintain(): Promise<void> {
    this.lastPrune = Date.now();
    await this.index.prune(await this.settings());
    const through = this.unindexed.length > 0 ? this.unindexed[0]!.seq - 1 : this.indexedThrough;
    await this.journal.dropThrough(through);
  }

  /** Resolves when everything journaled so far is searchable. */
  async idle(): Promise<void> {
    while (this.indexing) await this.indexing;
  }

  async settings(): Promise<LogSettings> {
    this.settingsCache ??= await this.index.settings();
    return this.settingsCache;
  }

  async saveSettings(settings: LogSettings): Promise<void> {
    await this.index.saveSettings(settings);
    this.settingsCache = settings;
    await this.index.prune(settings);
  }

  async close(): Promise<void> {
    await this.journal.close();
    await this.idle();
    this.closed = true;
    await this.index.close();
  }
}
