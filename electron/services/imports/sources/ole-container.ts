import type { FileHandle } from 'node:fs/promises';
import { readAt } from './file-bytes';

/** The signature of an OLE2 compound file: legacy .xls, and any password-encrypted Office file. */
export const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 64;

/**
 * The stream names in an OLE2 compound file's directory, e.g. `EncryptedPackage` (an encrypted
 * OOXML workbook) or `Workbook` (a legacy .xls). Follows the directory's sector chain through the
 * FAT sectors the header lists (the first 109, enough for files up to ~7 MB with 512-byte sectors,
 * and far more with 4 KB ones); returns what it could read, so a partial list is possible.
 */
export async function readOleStreamNames(file: FileHandle): Promise<string[]> {
  const header = await readAt(file, 0, 512);
  if (header.length < 512 || !header.subarray(0, 8).equals(OLE_SIGNATURE)) return [];
  const sectorSize = 1 << header.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sector = header.readUInt32LE(0x4c + i * 4);
    if (sector >= END_OF_CHAIN) break;
    fatSectors.push(sector);
  }
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const fatCache = new Map<number, Buffer>();
  const nextSector = async (sector: number): Promise<number> => {
    const perSector = sectorSize / 4;
    const fatIndex = Math.floor(sector / perSector);
    const fatSector = fatSectors[fatIndex];
    if (fatSector === undefined) return END_OF_CHAIN;
    let fat = fatCache.get(fatIndex);
    if (!fat) {
      fat = await readAt(file, offsetOf(fatSector), sectorSize);
      fatCache.set(fatIndex, fat);
    }
    return fat.length >= sectorSize ? fat.readUInt32LE((sector % perSector) * 4) : END_OF_CHAIN;
  };

  const names: string[] = [];
  let sector = header.readUInt32LE(0x30);
  for (let hops = 0; sector < END_OF_CHAIN && hops < MAX_DIRECTORY_SECTORS; hops++) {
    const directory = await readAt(file, offsetOf(sector), sectorSize);
    for (let entry = 0; entry + 128 <= directory.length; entry += 128) {
      const nameBytes = directory.readUInt16LE(entry + 0x40);
      if (nameBytes < 2 || nameBytes > 64) continue;
      names.push(directory.toString('utf16le', entry, entry + nameBytes - 2));
    }
    sector = await nextSector(sector);
  }
  return names;
}
