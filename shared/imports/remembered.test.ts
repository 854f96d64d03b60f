import { describe, expect, it } from 'vitest';
import { remembered } from './remembered';

describe('remembered', () => {
  it('answers as the reader does, reading each repeated text once', () => {
    let calls = 0;
    const read = remembered((text: string) => {
      calls++;
      return text.toUpperCase();
    });
    for (let i = 0; i < 100_000; i++) expect(read(`v${i % 500}`)).toBe(`V${i % 500}`);
    expect(calls).toBe(500);
  });

  it('stops remembering a column of distinct texts, and still answers', () => {
    let calls = 0;
    const read = remembered((text: string) => {
      calls++;
      return text.length;
    });
    for (let i = 0; i < 200_000; i++) expect(read(`distinct ${i}`)).toBe(`distinct ${i}`.length);
    expect(calls).toBe(200_000);
    // Given up: repeats are read again.
    calls = 0;
    for (let i = 0; i < 1000; i++) expect(read(`again ${i % 10}`)).toBe(`again ${i % 10}`.length);
    expect(calls).toBe(1000);
  });

  it('keeps remembering a column of many texts that repeat', () => {
    let calls = 0;
    const read = remembered((text: string) => {
      calls++;
      return `<${text}>`;
    });
    // 20,000 companies in random order: the memory fills slowly, then answers.
    let seed = 9;
    for (let i = 0; i < 400_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const text = `company ${seed % 20_000}`;
      expect(read(text)).toBe(`<${text}>`);
    }
    expect(calls).toBeLessThan(21_000);
  });
});
