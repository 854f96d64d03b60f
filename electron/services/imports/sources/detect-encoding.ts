import type { EncodingConfidence, SourceEncoding } from './types';

export interface DetectedEncoding {
  encoding: SourceEncoding;
  confidence: EncodingConfidence;
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The byte-order mark at the start of `head`, if any. */
export function readBom(head: Uint8Array): { encoding: SourceEncoding; length: number } | null {
  if (UTF8_BOM.every((byte, i) => head[i] === byte)) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** How many bytes of a BOM `chosen` should skip: a BOM is stripped only when it names `chosen`. */
export function bomLengthFor(head: Uint8Array, chosen: SourceEncoding): number {
  const bom = readBom(head);
  return bom && bom.encoding === chosen ? bom.length : 0;
}

/**
 * Guesses the encoding of a text file from its first bytes: a BOM; else a NUL byte in every
 * other position (UTF-16 without BOM: ASCII delimiters and newlines have a zero high byte); else
 * valid UTF-8; else Windows-1252 when C1 bytes (0x80–0x9F) occur, which in ISO-8859-1 are
 * control codes no text uses, and ISO-8859-1 otherwise (the two agree on every other byte).
 * `complete` says `head` is the whole file, so a multi-byte character cut at its end is an error.
 */
export function detectEncoding(head: Uint8Array, complete: boolean): DetectedEncoding {
  const bom = readBom(head);
  if (bom) return { encoding: bom.encoding, confidence: 'bom', bomLength: bom.length };
  const utf16 = utf16ByNulPattern(head);
  if (utf16) return { encoding: utf16, confidence: 'guess', bomLength: 0 };
  if (isValidUtf8(complete ? head : withoutCutCharacter(head))) {
    return { encoding: 'utf-8', confidence: 'valid-utf8', bomLength: 0 };
  }
  const hasC1 = head.some((byte) => byte >= 0x80 && byte <= 0x9f);
  return { encoding: hasC1 ? 'windows-1252' : 'iso-8859-1', confidence: 'guess', bomLength: 0 };
}

function utf16ByNulPattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  // Text in other scripts has fewer ASCII characters, but still its delimiters and newlines;
  // binary data has NULs at both parities.
  if (oddNul >= pairs * 0.1 && evenNul * 20 <= oddNul) return 'utf-16le';
  if (evenNul >= pairs * 0.1 && oddNul * 20 <= evenNul) return 'utf-16be';
  return null;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** `bytes` without a trailing UTF-8 sequence that the read cut short. */
function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}
