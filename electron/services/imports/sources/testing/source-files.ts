import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { readSourceRows } from '../read-source-rows';
import type { ReadSourceOptions, SourceEncoding, SourceRow } from '../types';

/** A temp folder for one test file's fixtures, removed after its tests. */
export function fixtureDir(
  prefix: string,
): (name: string, content?: string | Uint8Array) => string {
  const dir = mkdtempSync(join(tmpdir(), `atelier-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
}

const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** `text` in `encoding`, optionally with its BOM; throws on a character the encoding lacks. */
export function encode(text: string, encoding: SourceEncoding, bom = false): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([
        Buffer.from(bom ? [0xfe, 0xff] : []),
        Buffer.from(text, 'utf16le').swap16(),
      ]);
    case 'iso-8859-1':
    case 'windows-1252':
      return Buffer.from(
        Array.from(text, (char) => {
          const code = char.codePointAt(0)!;
          const high = WINDOWS_1252_HIGH.indexOf(char);
          if (encoding === 'windows-1252' && high >= 0) return 0x80 + high;
          if (code <= 0xff && (encoding === 'iso-8859-1' || code < 0x80 || code > 0x9f)) {
            return code;
          }
          throw new Error(`${JSON.stringify(char)} has no ${encoding} byte`);
        }),
      );
  }
}

/** Every row `readSourceRows` yields, with the batch sizes seen. */
export async function readAll(
  path: string,
  options: ReadSourceOptions = {},
): Promise<{ rows: SourceRow[]; batches: number[] }> {
  const rows: SourceRow[] = [];
  const batches: number[] = [];
  for await (const batch of readSourceRows(path, options)) {
    batches.push(batch.length);
    rows.push(...batch);
  }
  return { rows, batches };
}

/** A minimal ZIP (stored entries) for hand-made XLSX packages. */
export function zipFile(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * An OLE2 compound file with one directory sector naming `streams` (512-byte sectors: header,
 * one FAT sector, one directory sector): the shape of an encrypted XLSX or a legacy .xls.
 */
export function oleFile(streams: string[]): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(0x1000, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  header.fill(0xff, 0x4c, sector); // DIFAT: unused
  header.writeUInt32LE(0, 0x4c); // the FAT is sector 0
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  const directory = Buffer.alloc(sector);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const entry = i * 128;
    directory.write(`${name}\0`, entry, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, entry + 0x40);
    directory[entry + 0x42] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, fat, directory]);
}
