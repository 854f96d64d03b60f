import { ownString } from './own-string';

/** Distinct texts remembered before starting again (bounded memory on any file). */
const LIMIT = 50_000;
/** Reads per check of the hit rate. */
const WINDOW = 16_384;

/**
 * `read` with a memory of the answers per text, for cells that repeat (dates, companies): a
 * repeated cell costs one map lookup. A column of mostly distinct texts (date-times to the
 * minute, one e-mail per row) would pay for a map insert on every row and gain nothing, so the
 * memory watches its hit rate: once it holds more texts than a window of reads and fewer than
 * a third of a window's reads hit, it is dropped and `read` is called directly from then on.
 * `read` must be pure (the same answer for the same text), and its answer must not hold on to
 * the text (copy it, as ownString does): remembered answers outlive the chunk the text was cut
 * from.
 */
export const remembered = <T>(read: (text: string) => T): ((text: string) => T) => {
  let known: Map<string, T> | null = new Map();
  let reads = 0;
  let hits = 0;
  return (text) => {
    if (known === null) return read(text);
    let value = known.get(text);
    if (value === undefined) {
      value = read(text);
      if (known.size >= LIMIT) known.clear();
      known.set(ownString(text), value);
    } else hits++;
    if (++reads === WINDOW) {
      if (hits * 3 < WINDOW && known.size >= WINDOW) known = null;
      reads = 0;
      hits = 0;
    }
    return value;
  };
};
