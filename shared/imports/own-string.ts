/**
 * A copy of a text that holds no reference to the text it was cut from. A CSV parser hands out
 * cells as slices of the chunk they were read from (V8 keeps a "sliced string" of 13 characters
 * or more pointing at its parent), so a cell kept as a map key — a dedupe key, a remembered date
 * — would keep its whole 64 KiB chunk alive: a million keys kept the whole file in memory.
 * Concatenating makes a new string that the slice then flattens into a fresh copy.
 */
export const ownString = (text: string): string => (' ' + text).slice(1);
