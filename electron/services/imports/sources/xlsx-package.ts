import type { FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import { readAt } from './file-bytes';
import { sourceError } from './source-errors';
import {
  entryDataOffset,
  localHeader,
  readZipDirectory,
  readZipEntry,
  storedEntry,
  ZipFormatError,
  type ZipEntry,
} from './zip-directory';

export interface WorkbookSheet {
  name: string;
  /** The sheet's part in the package, e.g. `xl/worksheets/sheet3.xml`. */
  part: string;
  hidden: boolean;
}

export interface XlsxPackage {
  entries: Map<string, ZipEntry>;
  /** Worksheets in tab order (chart sheets have no cells and are left out). */
  sheets: WorkbookSheet[];
  /** Serial dates count from 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  date1904: boolean;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const MAX_XML_PART = 32 * 1024 * 1024;
const SLICE = 64 * 1024;

/** Opens a ZIP as an XLSX package: refuses other archives, lists the worksheets. */
export async function openXlsxPackage(
  path: string,
  file: FileHandle,
  size: number,
): Promise<XlsxPackage> {
  try {
    const entries = new Map((await readZipDirectory(file, size)).map((e) => [e.name, e]));
    const workbook = entries.get(WORKBOOK);
    const rels = entries.get(WORKBOOK_RELS);
    if (!workbook || !rels) throw notXlsx(path, entries);
    const targets = parseRelationships(
      (await readZipEntry(file, rels, MAX_XML_PART)).toString('utf-8'),
    );
    const workbookXml = (await readZipEntry(file, workbook, MAX_XML_PART)).toString('utf-8');
    const sheets: WorkbookSheet[] = [];
    for (const sheet of parseSheets(workbookXml)) {
      const target = targets.get(sheet.relationId);
      if (!target || !target.type.endsWith('/worksheet')) continue;
      const part = resolvePart(target.target);
      if (entries.has(part)) sheets.push({ name: sheet.name, part, hidden: sheet.hidden });
    }
    const date1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(
      workbookXml,
    );
    return { entries, sheets, date1904 };
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw sourceError(path, 'corrupt', `${posix.basename(path)} is damaged: ${error.message}`);
    }
    throw error;
  }
}

function notXlsx(path: string, entries: Map<string, ZipEntry>) {
  const name = posix.basename(path);
  if (entries.has('xl/workbook.bin')) {
    return sourceError(
      path,
      'unsupported-spreadsheet',
      `${name} is an Excel binary workbook (.xlsb): save it as .xlsx or CSV`,
    );
  }
  if (entries.has('content.xml') && entries.has('mimetype')) {
    return sourceError(
      path,
      'unsupported-spreadsheet',
      `${name} is an OpenDocument file (.ods): save it as .xlsx or CSV`,
    );
  }
  return sourceError(path, 'not-xlsx', `${name} is a ZIP archive, not an XLSX workbook`);
}

/**
 * The package parts exceljs's streaming reader needs, in the order it reads best: relationships,
 * workbook (for the 1904 date system), styles (number formats), shared strings, then the one
 * sheet, renamed `sheet1.xml` (the reader only knows `sheetN.xml`). Excel writes shared strings
 * after the sheets, which would make the reader spool every sheet to a temp file first; other
 * sheets are not read at all. Local headers are rewritten with the sizes from the directory.
 */
export function xlsxPartsStream(
  file: FileHandle,
  pkg: XlsxPackage,
  sheet: WorkbookSheet,
): { totalBytes: number; chunks: AsyncGenerator<Buffer> } {
  const parts: Array<{ entry: ZipEntry; as: string } | Buffer> = [];
  const add = (name: string, as = name) => {
    const entry = pkg.entries.get(name);
    if (entry) parts.push({ entry, as });
  };
  add(WORKBOOK_RELS);
  add(WORKBOOK);
  add(STYLES);
  if (pkg.entries.has(SHARED_STRINGS)) add(SHARED_STRINGS);
  else parts.push(storedEntry(SHARED_STRINGS, '<sst/>')); // else the reader spools the sheet
  add(sheet.part, 'xl/worksheets/sheet1.xml');
  const totalBytes = parts.reduce(
    (sum, part) =>
      sum +
      (Buffer.isBuffer(part)
        ? part.length
        : 30 + Buffer.byteLength(part.as) + part.entry.compressedSize),
    0,
  );
  async function* chunks(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      if (Buffer.isBuffer(part)) {
        yield part;
        continue;
      }
      yield localHeader(part.entry, part.as);
      const start = await entryDataOffset(file, part.entry);
      for (let done = 0; done < part.entry.compressedSize;) {
        const slice = await readAt(
          file,
          start + done,
          Math.min(SLICE, part.entry.compressedSize - done),
        );
        if (slice.length === 0) throw new ZipFormatError(`${part.entry.name} is truncated`);
        done += slice.length;
        yield slice;
      }
    }
  }
  return { totalBytes, chunks: chunks() };
}

/** `Target` is relative to `xl/`, or absolute from the package root. */
function resolvePart(target: string): string {
  return target.startsWith('/')
    ? posix.normalize(target.slice(1))
    : posix.normalize(posix.join('xl', target));
}

interface SheetRef {
  name: string;
  relationId: string;
  hidden: boolean;
}

function parseSheets(xml: string): SheetRef[] {
  const sheets: SheetRef[] = [];
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?sheet\s((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g)) {
    const attributes = parseAttributes(match[1]!);
    const relationId = attributes.get(':id');
    const name = attributes.get('name');
    if (relationId === undefined || name === undefined) continue;
    const state = attributes.get('state');
    sheets.push({ name, relationId, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return sheets;
}

function parseRelationships(xml: string): Map<string, { target: string; type: string }> {
  const relationships = new Map<string, { target: string; type: string }>();
  for (const match of xml.matchAll(
    /<(?:[\w.-]+:)?Relationship\s((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g,
  )) {
    const attributes = parseAttributes(match[1]!);
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id && target) relationships.set(id, { target, type: attributes.get('Type') ?? '' });
  }
  return relationships;
}

/** Attributes by local name; a namespaced `x:id` (the relationship id) is stored as `:id`. */
function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const key = match[1] && match[2] === 'id' ? ':id' : match[2]!;
    attributes.set(key, unescapeXml(match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity] ?? whole;
  });
}
