import type { SourceEncoding } from './types';

/** Decodes a byte stream chunk by chunk; a character cut between chunks comes out whole. */
export interface ChunkDecoder {
  decode(bytes: Uint8Array): string;
  /** What is left at the end of the stream (a cut character becomes U+FFFD). */
  end(): string;
  /** Whether some bytes were not valid in the encoding (and became U+FFFD). */
  readonly sawInvalidBytes: boolean;
}

/**
 * Only the UTF-8 and UTF-16LE decoders of `TextDecoder` are used: Node has them without ICU.
 * UTF-16BE is byte-swapped into UTF-16LE; the single-byte encodings go through `latin1`, which
 * is ISO-8859-1 (the WHATWG label "iso-8859-1" would mean Windows-1252).
 */
export function createDecoder(encoding: SourceEncoding): ChunkDecoder {
  switch (encoding) {
    case 'utf-8':
      return textDecoder('utf-8', (bytes) => bytes);
    case 'utf-16le':
      return textDecoder('utf-16le', (bytes) => bytes);
    case 'utf-16be':
      return textDecoder('utf-16le', byteSwapper());
    case 'windows-1252':
      return singleByte(decodeWindows1252);
    case 'iso-8859-1':
      return singleByte((bytes) =>
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
      );
  }
}

const REPLACEMENT = '\uFFFD';
const UTF8_REPLACEMENT = Buffer.from(REPLACEMENT, 'utf-8');

function textDecoder(
  label: 'utf-8' | 'utf-16le',
  prepare: (bytes: Uint8Array) => Uint8Array,
): ChunkDecoder {
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  let sawInvalidBytes = false;
  // A U+FFFD in the text is an invalid sequence unless the file spelled it out itself.
  const check = (text: string, bytes: Uint8Array): string => {
    if (!sawInvalidBytes && text.includes(REPLACEMENT)) {
      const spelled =
        label === 'utf-8'
          ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(UTF8_REPLACEMENT)
          : false;
      if (!spelled) sawInvalidBytes = true;
    }
    return text;
  };
  return {
    decode: (bytes) => {
      const prepared = prepare(bytes);
      return check(decoder.decode(prepared, { stream: true }), prepared);
    },
    end: () => check(decoder.decode(), new Uint8Array(0)),
    get sawInvalidBytes() {
      return sawInvalidBytes;
    },
  };
}

/** UTF-16BE → UTF-16LE across chunks of any length (an odd byte waits for its partner). */
function byteSwapper(): (bytes: Uint8Array) => Uint8Array {
  let carry: number | null = null;
  return (bytes) => {
    const input = carry === null ? bytes : Buffer.concat([Uint8Array.of(carry), bytes]);
    const even = input.length - (input.length % 2);
    carry = even < input.length ? input[even]! : null;
    const swapped = Buffer.from(input.subarray(0, even)); // a copy: swap16 works in place
    return swapped.swap16();
  };
}

function singleByte(decode: (bytes: Uint8Array) => string): ChunkDecoder {
  return { decode, end: () => '', sawInvalidBytes: false };
}

/**
 * Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F. The five bytes it leaves undefined
 * map to the C1 code points, as the WHATWG decoder does.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const HAS_C1 = /[\u0080-\u009f]/;
const C1 = /[\u0080-\u009f]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return HAS_C1.test(latin1)
    ? latin1.replace(C1, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!)
    : latin1;
}
