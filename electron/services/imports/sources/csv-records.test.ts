import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords, type CsvRecord, type CsvRecordOptions } from './csv-records';
import type { Newline } from './detect-delimiter';

async function records(
  chunks: string[],
  options: Partial<CsvRecordOptions> = {},
): Promise<CsvRecord[]> {
  async function* texts() {
    yield* chunks;
  }
  const all: CsvRecord[] = [];
  for await (const batch of parseCsvRecords(texts(), {
    delimiter: ',',
    newline: '\n',
    maxRowChars: 1_000_000,
    ...options,
  })) {
    all.push(...batch);
  }
  return all;
}

const cells = (all: CsvRecord[]) => all.map((record) => record.cells);
const codes = (all: CsvRecord[]) => all.map((record) => record.problems?.map((p) => p.code) ?? []);

function toCsv(rows: string[][], delimiter: string, newline: string): string {
  const quote = (cell: string) =>
    /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

describe('parseCsvRecords', () => {
  it('reads quoted fields with delimiters, line breaks and doubled quotes', async () => {
    const text = 'a,b,c\n"x, y","line 1\nline 2\r\nline 3","say ""hi"""\n,"",plain\n';
    expect(cells(await records([text]))).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'line 1\nline 2\r\nline 3', 'say "hi"'],
      ['', '', 'plain'],
    ]);
  });

  it('gives the same records however the text is cut into chunks (property)', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', ',', ';', '"', '\n', '\r', ' ', '😀'),
      maxLength: 6,
    });
    const row = fc.array(cell, { minLength: 2, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<Newline>('\n', '\r\n'),
        fc.constantFrom(',', ';'),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (rows, newline, delimiter, cutSeeds) => {
          const text = toCsv(rows, delimiter, newline);
          const cuts = [...new Set(cutSeeds.map((seed) => seed % text.length))].sort(
            (a, b) => a - b,
          );
          const chunks = [0, ...cuts].map((from, i) => text.slice(from, [...cuts, text.length][i]));
          const read = await records(chunks, { delimiter, newline });
          // With LF breaks, a CR ending a row is taken for half a CRLF (a file mixing both).
          const expected =
            newline === '\n'
              ? rows.map((r) => [...r.slice(0, -1), r.at(-1)!.replace(/\r$/, '')])
              : rows;
          expect(cells(read)).toEqual(expected);
          expect(codes(read).flat()).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ends a quote that is never closed at the end of its line, and reads on', async () => {
    const text = 'a,b\n1,"open\n2,two\n3,three\n';
    const read = await records([text]);
    expect(cells(read)).toEqual([
      ['a', 'b'],
      ['1', 'open'],
      ['2', 'two'],
      ['3', 'three'],
    ]);
    expect(codes(read)).toEqual([[], ['unclosed-quote'], [], []]);
    // On the last line, without a final line break.
    expect(cells(await records(['a,b\n1,"open']))).toEqual([
      ['a', 'b'],
      ['1', 'open'],
    ]);
  });

  it('settles a runaway quote once the unfinished row passes the limit, in bounded memory', async () => {
    const tail = Array.from({ length: 2000 }, (_, i) => `${i},row ${i}\n`);
    const read = await records(['a,b\n1,"runaway\n', ...tail], { maxRowChars: 1000 });
    expect(read).toHaveLength(2 + 2000);
    expect(read[1]).toMatchObject({
      cells: ['1', 'runaway'],
      problems: [{ code: 'unclosed-quote' }],
    });
    expect(read.at(-1)!.cells).toEqual(['1999', 'row 1999']);
  });

  it('reports a stray quote inside a quoted field and keeps the best reading', async () => {
    const read = await records(['name,note\nAl,"5" screen",x\nBo,ok\n']);
    expect(cells(read)).toEqual([
      ['name', 'note'],
      ['Al', '5" screen', 'x'],
      ['Bo', 'ok'],
    ]);
    expect(codes(read)).toEqual([[], ['stray-quote'], []]);
  });

  it('cuts a row with no line break past the limit instead of holding it', async () => {
    const read = await records(['x'.repeat(600), 'x'.repeat(600), '\nnext\n'], {
      maxRowChars: 1000,
    });
    expect(read[0]!.cells[0]).toHaveLength(1200);
    expect(codes(read)[0]).toEqual(['row-too-long']);
    expect(read.at(-1)!.cells).toEqual(['next']);
  });

  it('drops the CR a CRLF row leaves when the file mostly breaks lines with LF', async () => {
    expect(cells(await records(['a,b\n1,2\r\n3,4\n']))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps blank lines as empty records (line numbers count them)', async () => {
    expect(cells(await records(['a\n\nb\n']))).toEqual([['a'], [''], ['b']]);
  });
});
