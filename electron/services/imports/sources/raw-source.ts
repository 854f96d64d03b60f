import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { openCsvSource } from './csv-source';
import { readAt } from './file-bytes';
import { OLE_SIGNATURE, readOleStreamNames } from './ole-container';
import { fileSystemError, sourceError } from './source-errors';
import type { EncodingConfidence, SourceEncoding, SourceOptions, SourceRow } from './types';
import { openXlsxSource } from './xlsx-source';

export interface SourceHooks {
  signal?: AbortSignal;
  onProgress?(bytesRead: number, totalBytes: number): void;
  chunkBytes?: number;
}

/** Every row of the file (header and blank ones too), in batches as they are read. */
export interface RawSource {
  csv: {
    encoding: SourceEncoding;
    encodingConfidence: EncodingConfidence;
    delimiter: string;
    delimiterConfidence: 'chosen' | 'detected' | 'default';
  } | null;
  xlsx: { sheets: string[]; hiddenSheets: string[]; sheet: string } | null;
  rows: AsyncGenerator<SourceRow[]>;
}

export interface OpenedSource extends RawSource {
  sizeBytes: number;
  /** Stops the reading and releases the file; safe to call twice. */
  close(): Promise<void>;
}

/** Enough to detect the encoding and delimiter and to see the first rows. */
const HEAD_BYTES = 1024 * 1024;

const BINARY_SIGNATURES: Array<[string, Buffer]> = [
  ['PDF', Buffer.from('%PDF-')],
  ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['GIF', Buffer.from('GIF8')],
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff])],
  ['gzip', Buffer.from([0x1f, 0x8b])],
  ['7-Zip', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['RAR', Buffer.from('Rar!')],
];

/**
 * Opens a file as a source, deciding CSV or XLSX by its content, not its name: a ZIP is read as
 * an XLSX package, text as CSV; anything else is refused with a reason.
 */
export async function openSource(
  path: string,
  options: SourceOptions,
  hooks: SourceHooks,
): Promise<OpenedSource> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw fileSystemError(path, error);
  }
  let keepOpen = false;
  try {
    const stat = await file.stat();
    const name = basename(path);
    if (!stat.isFile()) throw sourceError(path, 'not-a-file', `${name} is not a file`);
    if (stat.size === 0) throw sourceError(path, 'empty', `${name} is empty`);
    const head = await readAt(file, 0, Math.min(stat.size, HEAD_BYTES));
    const startsWith = (signature: Buffer) => head.subarray(0, signature.length).equals(signature);

    if (startsWith(Buffer.from('PK\x03\x04')) || startsWith(Buffer.from('PK\x05\x06'))) {
      const xlsx = await openXlsxSource(path, file, stat.size, options, hooks);
      keepOpen = true;
      const close = async () => {
        await xlsx.rows.return(undefined);
        await file.close().catch(() => undefined);
      };
      return { ...xlsx, sizeBytes: stat.size, close: once(close) };
    }
    if (startsWith(OLE_SIGNATURE)) throw await oleError(path, file);
    const binary = BINARY_SIGNATURES.find(([, signature]) => startsWith(signature));
    if (binary) {
      throw sourceError(path, 'binary', `${name} is a ${binary[0]} file, not a CSV or XLSX file`);
    }
    const csv = openCsvSource(path, head, stat.size, options, hooks);
    return {
      ...csv,
      sizeBytes: stat.size,
      close: once(async () => void (await csv.rows.return(undefined))),
    };
  } catch (error) {
    throw fileSystemError(path, error);
  } finally {
    if (!keepOpen) await file.close().catch(() => undefined);
  }
}

/** OLE2 files are either password-encrypted Office documents or pre-2007 binary workbooks. */
async function oleError(path: string, file: FileHandle) {
  const names = await readOleStreamNames(file).catch((): string[] => []);
  const name = basename(path);
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) {
    return sourceError(
      path,
      'encrypted',
      `${name} is protected with a password: open it in Excel, remove the password (File › Info › Protect Workbook) and save it again`,
    );
  }
  if (names.includes('Workbook') || names.includes('Book')) {
    return sourceError(
      path,
      'legacy-xls',
      `${name} is an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV`,
    );
  }
  return sourceError(
    path,
    'unsupported-spreadsheet',
    `${name} is an Office document that is neither CSV nor XLSX (or an encrypted workbook): save it as .xlsx without a password, or as CSV`,
  );
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= action());
}
