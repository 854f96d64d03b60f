import { describe, expect, it } from 'vitest';
import { createDecoder, decodeWindows1252 } from './decode-text';
import { encode } from './testing/source-files';
import type { SourceEncoding } from './types';

const UNICODE = 'Zoë “quoted” – 5 € 😀 𝄞 中文 Ωmega';
const LATIN = 'Zoë Besançon «ça» Ñandú ÿ';
const CP1252 = 'Zoë “quoted” – 5 € Œuvre Š ž';

const cases: Array<[SourceEncoding, string]> = [
  ['utf-8', UNICODE],
  ['utf-16le', UNICODE],
  ['utf-16be', UNICODE],
  ['windows-1252', CP1252],
  ['iso-8859-1', LATIN],
];

function decodeInPieces(encoding: SourceEncoding, bytes: Buffer, cuts: number[]): string {
  const decoder = createDecoder(encoding);
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.decode(bytes.subarray(from, cut));
    from = cut;
  }
  return text + decoder.end();
}

describe('createDecoder', () => {
  it.each(cases)(
    'decodes %s whole and cut at every byte, even inside a character',
    (encoding, text) => {
      const bytes = encode(text, encoding);
      expect(decodeInPieces(encoding, bytes, [])).toBe(text);
      for (let cut = 1; cut < bytes.length; cut++) {
        expect(decodeInPieces(encoding, bytes, [cut])).toBe(text);
      }
      // One byte at a time: every character is split.
      expect(
        decodeInPieces(
          encoding,
          bytes,
          Array.from({ length: bytes.length }, (_, i) => i + 1),
        ),
      ).toBe(text);
      expect(createDecoder(encoding).sawInvalidBytes).toBe(false);
    },
  );

  it('follows the WHATWG Windows-1252 index on all 256 bytes, and keeps ISO-8859-1 as Latin-1', () => {
    // Node 20's own TextDecoder('windows-1252') decodes as Latin-1 (0x80 → U+0080), hence the table.
    const c1 = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
      0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc,
      0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const expected = [...all].map((byte) =>
      byte >= 0x80 && byte <= 0x9f ? c1[byte - 0x80]! : byte,
    );
    expect([...decodeWindows1252(all)].map((c) => c.codePointAt(0))).toEqual(expected);
    const latin1 = createDecoder('iso-8859-1').decode(all);
    expect([...latin1].map((c) => c.charCodeAt(0))).toEqual([...all]);
  });

  it('notices bytes that are not valid UTF-8, but not a U+FFFD the file spells out', () => {
    const bad = createDecoder('utf-8');
    expect(bad.decode(encode('Zoë!', 'iso-8859-1'))).toBe('Zo\uFFFD!');
    expect(bad.sawInvalidBytes).toBe(true);
    const spelled = createDecoder('utf-8');
    spelled.decode(Buffer.from('a \uFFFD b'));
    expect(spelled.sawInvalidBytes).toBe(false);
  });

  it('ends a character cut by the end of the stream as U+FFFD', () => {
    const decoder = createDecoder('utf-8');
    expect(decoder.decode(Buffer.from('€').subarray(0, 2)) + decoder.end()).toBe('\uFFFD');
    expect(decoder.sawInvalidBytes).toBe(true);
  });
});
