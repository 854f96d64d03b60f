import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index';

describe('KeyIndex', () => {
  it('records the first number of each key, as a Map would, through growth', () => {
    let seed = 5;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const alphabet = 'ab.@-éZ0\u0100\u4e2d';
    const index = new KeyIndex();
    const reference = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      let key = '';
      const length = next(12);
      // A small alphabet: many repeats, keys of every length (the empty one too), some wide.
      for (let j = 0; j < length; j++) key += alphabet[next(next(4) === 0 ? 10 : 7)];
      const expected = reference.get(key);
      if (expected === undefined) reference.set(key, i);
      expect(index.getOrRecord(key, i), key).toBe(expected);
    }
    expect(index.size).toBe(reference.size);
    for (const [key, value] of reference) expect(index.get(key)).toBe(value);
    expect(index.get('not recorded')).toBeUndefined();
  });

  it('tells keys that differ only in length or in one character apart', () => {
    const index = new KeyIndex();
    expect(index.getOrRecord('ada@example.com', 1)).toBeUndefined();
    expect(index.getOrRecord('ada@example.co', 2)).toBeUndefined();
    expect(index.getOrRecord('ada@example.com ', 3)).toBeUndefined();
    expect(index.getOrRecord('ada@exampla.com', 4)).toBeUndefined();
    expect(index.getOrRecord('ada@example.com', 5)).toBe(1);
    expect(index.getOrRecord('', 6)).toBeUndefined();
    expect(index.getOrRecord('', 7)).toBe(6);
    expect(index.size).toBe(5);
  });

  it('compares keys, not only their hashes', () => {
    // Two addresses with the same 31-bit FNV-1a hash.
    const index = new KeyIndex();
    expect(index.getOrRecord('user449599@example.com', 1)).toBeUndefined();
    expect(index.getOrRecord('user612382@example.com', 2)).toBeUndefined();
    expect(index.get('user449599@example.com')).toBe(1);
    expect(index.get('user612382@example.com')).toBe(2);
    expect(index.size).toBe(2);
  });
});
