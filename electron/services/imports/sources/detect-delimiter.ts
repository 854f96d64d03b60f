import Papa from 'papaparse';
import { CSV_DELIMITERS } from './types';

export type Newline = '\r\n' | '\n' | '\r';

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 100;

/** The line break used most outside quoted fields in the first 64 KB ('\n' when there is none). */
export function guessNewline(text: string): Newline {
  const bare = text.slice(0, SAMPLE_CHARS).replace(/"[^"]*"/g, '');
  const crlf = bare.split('\r\n').length - 1;
  const cr = bare.split('\r').length - 1 - crlf;
  const lf = bare.split('\n').length - 1 - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  return cr > lf ? '\r' : '\n';
}

/**
 * The candidate that splits the first rows most consistently into two or more fields: for each,
 * the most common field count, then the share of rows that have it; the higher share wins, then
 * the higher count, then the order of `CSV_DELIMITERS`. Null when every candidate sees one column.
 * Quotes are honoured, so delimiters inside quoted fields do not count.
 */
export function detectDelimiter(text: string, newline: Newline, complete: boolean): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const cut = !complete || sample.length < text.length;
  let best: { delimiter: string; share: number; fields: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    const rows = (parser.parse(sample, 0, cut).data as string[][])
      .filter((row) => row.length > 1 || row[0] !== '')
      .slice(0, SAMPLE_ROWS);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let fields = 0;
    let times = 0;
    for (const [count, seen] of counts) {
      if (seen > times || (seen === times && count > fields)) [fields, times] = [count, seen];
    }
    if (fields < 2) continue;
    const share = times / rows.length;
    if (!best || share > best.share || (share === best.share && fields > best.fields)) {
      best = { delimiter, share, fields };
    }
  }
  return best?.delimiter ?? null;
}
