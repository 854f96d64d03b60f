import { ownString } from './own-string';

/**
 * Text keys → the first number recorded for them (a row index, a line), for the millions of
 * keys a file can hold. A `Map<string, number>` costs about a microsecond per new key on a big
 * file (each key a string object the garbage collector copies and keeps tracing, the table
 * regrown on the heap); this index keeps keys as characters in one growing byte pool and the
 * table in typed arrays: no object per key, half the time, and (bench/import: 980,684 e-mails)
 * ~130 MB less peak RSS. Keys with a character beyond U+00FF (rare: keys are mostly e-mails,
 * domains, ids) go to a plain Map. Exact: keys are compared character by character, never by
 * hash alone.
 */
export class KeyIndex {
  /**
   * Two numbers per slot: entry + 1 (0: empty) and the key's hash, side by side so that a probe
   * reads one cache line. Open addressing, linear probing, a power-of-two number of slots.
   */
  private slots = new Int32Array(2 * 1024);
  private hashes = new Int32Array(512);
  /** Where each entry's characters start in `pool` (the next entry's start is its end). */
  private starts = new Int32Array(513);
  private values = new Float64Array(512);
  private pool = new Uint8Array(16 * 1024);
  private entries = 0;
  private readonly wide = new Map<string, number>();

  get size(): number {
    return this.entries + this.wide.size;
  }

  /** The number recorded for `key`, or undefined. */
  get(key: string): number | undefined {
    const hash = hashOf(key);
    if (hash === WIDE) return this.wide.get(key);
    const entry = this.find(key, hash);
    return entry < 0 ? undefined : this.values[entry];
  }

  /**
   * The number recorded for `key` if there is one; otherwise records `value` and returns
   * undefined. One hash and one probe for both.
   */
  getOrRecord(key: string, value: number): number | undefined {
    const hash = hashOf(key);
    if (hash === WIDE) {
      const known = this.wide.get(key);
      if (known === undefined) this.wide.set(ownString(key), value);
      return known;
    }
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[2 * slot]! - 1;
      if (entry < 0) break;
      if (slots[2 * slot + 1] === hash && this.equals(entry, key)) return this.values[entry];
      slot = (slot + 1) & mask;
    }
    this.append(key, hash, value, slot);
    return undefined;
  }

  private find(key: string, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[2 * slot]! - 1;
      if (entry < 0) return -1;
      if (slots[2 * slot + 1] === hash && this.equals(entry, key)) return entry;
      slot = (slot + 1) & mask;
    }
  }

  private equals(entry: number, key: string): boolean {
    const start = this.starts[entry]!;
    if (this.starts[entry + 1]! - start !== key.length) return false;
    const pool = this.pool;
    for (let i = 0; i < key.length; i++) if (pool[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private append(key: string, hash: number, value: number, slot: number): void {
    const entry = this.entries;
    if (entry === this.hashes.length) this.growEntries();
    const start = this.starts[entry]!;
    if (start + key.length > this.pool.length) this.growPool(start + key.length);
    const pool = this.pool;
    for (let i = 0; i < key.length; i++) pool[start + i] = key.charCodeAt(i);
    this.starts[entry + 1] = start + key.length;
    this.hashes[entry] = hash;
    this.values[entry] = value;
    this.slots[2 * slot] = entry + 1;
    this.slots[2 * slot + 1] = hash;
    this.entries = entry + 1;
    // Keep the table at most half full.
    if (this.entries * 2 > this.slots.length >> 1) this.rehash();
  }

  private growEntries(): void {
    const capacity = this.hashes.length * 2;
    this.hashes = grown(this.hashes, new Int32Array(capacity));
    this.values = grown(this.values, new Float64Array(capacity));
    this.starts = grown(this.starts, new Int32Array(capacity + 1));
  }

  private growPool(needed: number): void {
    // Doubling: the unused tail of a new buffer is never touched, so it takes no resident memory.
    let capacity = this.pool.length * 2;
    while (capacity < needed) capacity *= 2;
    this.pool = grown(this.pool, new Uint8Array(capacity));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let entry = 0; entry < this.entries; entry++) {
      const hash = this.hashes[entry]!;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry + 1;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }
}

/** Hash of a key of Latin-1 characters (FNV-1a, 31 bits), or WIDE for any other key. */
const WIDE = -1;
const hashOf = (key: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code > 0xff) return WIDE;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash & 0x7fffffff;
};

function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
