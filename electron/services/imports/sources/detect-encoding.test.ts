import { describe, expect, it } from 'vitest';
import { bomLengthFor, detectEncoding } from './detect-encoding';
import { encode } from './testing/source-files';
import { SOURCE_ENCODINGS } from './types';

const TEXT = 'name,city,note\nZoë,Besançon,"Crème brûlée, 5 €"\nJosé,Málaga,“quoted” – dash\n';

describe('detectEncoding', () => {
  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)(
    'trusts a %s BOM and skips it',
    (encoding) => {
      const bytes = encode(TEXT, encoding, true);
      expect(detectEncoding(bytes, true)).toEqual({
        encoding,
        confidence: 'bom',
        bomLength: encoding === 'utf-8' ? 3 : 2,
      });
    },
  );

  it.each(['utf-16le', 'utf-16be'] as const)(
    'recognises %s without a BOM by its NUL bytes',
    (encoding) => {
      expect(detectEncoding(encode(TEXT, encoding), true)).toEqual({
        encoding,
        confidence: 'guess',
        bomLength: 0,
      });
      // Mostly non-Latin text still has ASCII delimiters and line breaks.
      const greek = 'όνομα,πόλη\nΖωή,Αθήνα\nΝίκος,Πάτρα\n';
      expect(detectEncoding(encode(greek, encoding), true).encoding).toBe(encoding);
    },
  );

  it('takes valid UTF-8 as UTF-8, even when the head cuts a character in two', () => {
    const bytes = encode(TEXT, 'utf-8');
    expect(detectEncoding(bytes, true)).toEqual({
      encoding: 'utf-8',
      confidence: 'valid-utf8',
      bomLength: 0,
    });
    const euro = bytes.indexOf(Buffer.from('€'));
    for (let cut = euro + 1; cut < euro + 3; cut++) {
      expect(detectEncoding(bytes.subarray(0, cut), false).encoding).toBe('utf-8');
    }
  });

  it('tells Windows-1252 (C1 bytes such as €, curly quotes) from ISO-8859-1', () => {
    expect(detectEncoding(encode(TEXT, 'windows-1252'), true)).toEqual({
      encoding: 'windows-1252',
      confidence: 'guess',
      bomLength: 0,
    });
    expect(detectEncoding(encode('name\nZoë, Besançon, «ça»\n', 'iso-8859-1'), true)).toEqual({
      encoding: 'iso-8859-1',
      confidence: 'guess',
      bomLength: 0,
    });
  });

  it('strips a BOM under a chosen encoding only when it names that encoding', () => {
    const bytes = encode(TEXT, 'utf-8', true);
    expect(bomLengthFor(bytes, 'utf-8')).toBe(3);
    expect(bomLengthFor(bytes, 'windows-1252')).toBe(0);
    expect(SOURCE_ENCODINGS).toHaveLength(5);
  });
});
