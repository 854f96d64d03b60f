import { describe, expect, it } from 'vitest';
import { inspectSource, readSourceRows } from './index';
import { encode, fixtureDir, readAll } from './testing/source-files';
import { SOURCE_ENCODINGS, type SourceEncoding } from './types';

const file = fixtureDir('csv');

const ROWS = [
  ['Name', 'City', 'Note'],
  ['Zoë', 'Besançon', 'Crème brûlée, 5 €'],
  ['José', 'Málaga', '“quoted”\nsecond line'],
  ['Œdipe', 'Ÿvelines', 'Šarža – ™'],
];
/** Characters every encoding under test has; the emoji only for the Unicode ones. */
const NO_EMOJI = ['utf-16le', 'utf-16be', 'utf-8'];

function csvText(rows: string[][], delimiter = ',', newline = '\r\n'): string {
  const quote = (cell: string) =>
    /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

function rowsFor(encoding: SourceEncoding): string[][] {
  if (encoding === 'iso-8859-1') {
    // No €, curly quotes, Œ, Ÿ, Š, – or ™ in Latin-1.
    return [
      ROWS[0]!,
      ['Zoë', 'Besançon', 'Crème brûlée, 5 ¤'],
      ['José', 'Málaga', '«quoted»\nsecond line'],
    ];
  }
  if (!NO_EMOJI.includes(encoding)) return ROWS;
  return [...ROWS, ['Emoji 😀', '中文', '𝄞']];
}

describe('CSV sources', () => {
  describe.each(SOURCE_ENCODINGS)('in %s', (encoding) => {
    const rows = rowsFor(encoding);
    const text = csvText(rows);
    const expected = rows.slice(1);

    it('detects the encoding without a BOM and reads every row', async () => {
      const path = file(`plain-${encoding}.csv`, encode(text, encoding));
      const info = await inspectSource(path);
      expect(info).toMatchObject({
        kind: 'csv',
        encoding,
        encodingConfidence: encoding === 'utf-8' ? 'valid-utf8' : 'guess',
        delimiter: ',',
        headers: rows[0],
        sample: expected,
        sampleLines: expected.map((_, i) => i + 2),
      });
      const { rows: read } = await readAll(path);
      expect(read.map((row) => row.cells)).toEqual(expected);
      expect(read.every((row) => !row.problems)).toBe(true);
    });

    it('honours a chosen encoding', async () => {
      const path = file(`chosen-${encoding}.csv`, encode(text, encoding));
      expect(await inspectSource(path, { encoding })).toMatchObject({
        encoding,
        encodingConfidence: 'chosen',
        sample: expected,
      });
    });

    it('decodes right when every read cuts a character in two', async () => {
      const path = file(`chunks-${encoding}.csv`, encode(text, encoding));
      for (const chunkBytes of [1, 3, 7]) {
        const { rows: read } = await readAll(path, { encoding, chunkBytes });
        expect(read.map((row) => row.cells)).toEqual(expected);
      }
    });

    if (encoding.startsWith('utf')) {
      it('strips the BOM and takes the encoding from it', async () => {
        const path = file(`bom-${encoding}.csv`, encode(text, encoding, true));
        const info = await inspectSource(path);
        expect(info).toMatchObject({ encoding, encodingConfidence: 'bom', headers: rows[0] });
        expect(info.headers[0]).toBe('Name'); // not '\uFEFFName'
      });
    }
  });

  it('decodes a multi-byte character that straddles the 64 KiB read boundary', async () => {
    const header = 'id,text\n';
    const filler = 'x'.repeat(64 * 1024 - header.length - 2 - 1);
    const text = `${header}1,${filler}€\n2,after\n`;
    expect(Buffer.from(text).indexOf(Buffer.from('€'))).toBe(64 * 1024 - 1);
    const { rows } = await readAll(file('straddle.csv', text));
    expect(rows.map((row) => row.cells[1]!.slice(-3))).toEqual(['xx€', 'ter']);
  });

  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])(
    'detects the %j delimiter, quoted delimiters of the others notwithstanding',
    async (delimiter, name) => {
      const rows = [
        ['id', 'amount', 'label'],
        ['1', '1,5', 'a; b | c\td'],
        ['2', '2,25', 'plain'],
      ];
      const path = file(`delimiter-${name}.csv`, csvText(rows, delimiter, '\n'));
      const info = await inspectSource(path);
      expect(info).toMatchObject({
        delimiter,
        delimiterConfidence: 'detected',
        headers: rows[0],
        sample: rows.slice(1),
      });
      expect(await inspectSource(path, { delimiter })).toMatchObject({
        delimiterConfidence: 'chosen',
        sample: rows.slice(1),
      });
    },
  );

  it('reads one column with the default delimiter', async () => {
    const info = await inspectSource(file('one-column.csv', 'email\na@x.com\nb@x.com\n'));
    expect(info).toMatchObject({
      delimiter: ',',
      delimiterConfidence: 'default',
      headers: ['email'],
      sample: [['a@x.com'], ['b@x.com']],
    });
  });

  it('takes the header from row 3 and numbers rows as the file does', async () => {
    const text = 'Export of 2024-05-01\nAll contacts\nname,email\nAl,al@x.com\n\nBo,bo@x.com\n';
    const path = file('header-row-3.csv', text);
    expect(await inspectSource(path, { headerRow: 3 })).toMatchObject({
      headers: ['name', 'email'],
      sample: [
        ['Al', 'al@x.com'],
        ['Bo', 'bo@x.com'],
      ],
      sampleLines: [4, 6],
    });
    const { rows } = await readAll(path, { headerRow: 3 });
    expect(rows.map((row) => row.line)).toEqual([4, 6]);
    // Row 1 as header: the title rows are detected as one column, the rest still read.
    expect(await inspectSource(path, { headerRow: 1 })).toMatchObject({
      headerRow: 1,
      headers: ['Export of 2024-05-01'],
    });
  });

  it('takes the first row with content as the header when none is chosen', async () => {
    const path = file('blank-top.csv', '\r\n,,\r\nname,email\r\nAl,al@x.com\r\n');
    expect(await inspectSource(path)).toMatchObject({
      headerRow: 3,
      headers: ['name', 'email'],
      sample: [['Al', 'al@x.com']],
      sampleLines: [4],
    });
    expect((await readAll(path)).rows).toEqual([{ line: 4, cells: ['Al', 'al@x.com'] }]);
    // A chosen blank header row gives no headers (and rows keep their own width).
    expect(await inspectSource(path, { headerRow: 2 })).toMatchObject({
      headerRow: 2,
      headers: [],
      sample: [
        ['name', 'email'],
        ['Al', 'al@x.com'],
      ],
    });
  });

  it('pads short rows, keeps long ones, drops empty cells past the header, skips blank rows', async () => {
    const text = 'a,b,c\n1\n1,2,3,4\n1,2,3,,\n,,\n\n1,,3\n';
    const { rows } = await readAll(file('shapes.csv', text));
    expect(rows).toEqual([
      { line: 2, cells: ['1', '', ''] },
      { line: 3, cells: ['1', '2', '3', '4'] },
      { line: 4, cells: ['1', '2', '3'] },
      { line: 7, cells: ['1', '', '3'] },
    ]);
  });

  it('names blank and repeated headers', async () => {
    const info = await inspectSource(
      file('headers.csv', ' Name ,,name,"Annual\nRevenue",Column 2,\n1,2,3,4,5\n'),
    );
    expect(info.headers).toEqual([
      'Name',
      'Column 2',
      'name (2)',
      'Annual Revenue',
      'Column 2 (2)',
    ]);
  });

  it('reports malformed rows and reads on', async () => {
    const text = 'name,note\nAl,"5" screen"\nBo,"never closed\nCy,fine\n';
    const { rows } = await readAll(file('malformed.csv', text));
    expect(rows.map((row) => [row.line, row.cells, row.problems?.map((p) => p.code)])).toEqual([
      [2, ['Al', '5" screen'], ['stray-quote']],
      [3, ['Bo', 'never closed'], ['unclosed-quote']],
      [4, ['Cy', 'fine'], undefined],
    ]);
  });

  it('flags rows with bytes the chosen encoding cannot read', async () => {
    const path = file('latin1-as-utf8.csv', encode('name\nZoë\nAl\n', 'iso-8859-1'));
    const { rows } = await readAll(path, { encoding: 'utf-8' });
    expect(rows[0]).toMatchObject({ cells: ['Zo\uFFFD'], problems: [{ code: 'invalid-bytes' }] });
    expect(rows[1]).toEqual({ line: 3, cells: ['Al'] });
  });

  it('streams 10,000 rows in batches with their line numbers, reporting progress', async () => {
    const lines = ['id,name,"note"'];
    for (let i = 1; i <= 10_000; i++)
      lines.push(i % 1000 === 0 ? `${i},"n ${i}","a\nb"` : `${i},n ${i},x`);
    const path = file('10k.csv', lines.join('\n') + '\n');
    const progress: Array<[number, number]> = [];
    const { rows, batches } = await readAll(path, {
      batchSize: 750,
      chunkBytes: 16 * 1024,
      onProgress: (read, total) => progress.push([read, total]),
    });
    expect(rows).toHaveLength(10_000);
    expect(batches).toEqual([...Array(13).fill(750), 250]);
    expect(rows.map((row) => row.line)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 2));
    expect(rows[999]!.cells).toEqual(['1000', 'n 1000', 'a\nb']);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
  });

  it('stops on abort with CANCELLED, and closes the file when the reader stops early', async () => {
    const path = file('abort.csv', 'id\n' + Array.from({ length: 5000 }, (_, i) => i).join('\n'));
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const batch of readSourceRows(path, {
          batchSize: 100,
          signal: controller.signal,
          chunkBytes: 1024,
        })) {
          seen.push(batch.length);
          if (seen.length === 3) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toEqual([100, 100, 100]);

    for await (const batch of readSourceRows(path, { batchSize: 10 })) {
      expect(batch).toHaveLength(10);
      break;
    }
  });

  it('never reads a row the consumer has not asked for (back-pressure)', async () => {
    const path = file('pull.csv', 'id\n' + Array.from({ length: 200_000 }, (_, i) => i).join('\n'));
    let bytes = 0;
    const rows = readSourceRows(path, {
      batchSize: 10,
      chunkBytes: 4096,
      onProgress: (read) => (bytes = read),
    });
    await rows.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bytes).toBeLessThanOrEqual(2 * 4096);
    await rows.return(undefined);
  });
});
