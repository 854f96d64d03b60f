import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectSource, readSourceRows } from './index';
import { fixtureDir, readAll, zipFile } from './testing/source-files';

const file = fixtureDir('xlsx');

/** Three sheets: a hidden one first, then People (values of every kind), then Deals (title rows). */
async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const lookups = workbook.addWorksheet('Lookups', { state: 'hidden' });
  lookups.addRow(['code', 'label']);
  const people = workbook.addWorksheet('People');
  people.addRow([
    'Name',
    'Born',
    'Meeting',
    'Alarm',
    'Score',
    'Active',
    'Bio',
    'Website',
    'Total',
    'Label',
    'Zero',
    'Broken',
    'Zip',
    'Share',
  ]);
  people.addRow([
    'Zoë',
    new Date(Date.UTC(1990, 4, 17)),
    new Date(Date.UTC(2024, 0, 2, 13, 45, 10)),
    new Date(Date.UTC(1899, 11, 30, 7, 30)),
    0.1 + 0.2,
    true,
    { richText: [{ text: 'Loves ' }, { text: 'crème brûlée', font: { bold: true } }] },
    { text: 'Acme site', hyperlink: 'https://acme.example' },
    { formula: 'E2*2', result: 0.6000000000000001 },
    { formula: 'A2&"!"', result: 'Zoë!' },
    { formula: 'E2*0', result: 0 },
    { formula: '1/0', result: { error: '#DIV/0!' } },
    1234,
    0.15,
  ]);
  people.getCell('B2').numFmt = 'yyyy-mm-dd';
  people.getCell('C2').numFmt = 'dd/mm/yyyy hh:mm:ss';
  people.getCell('D2').numFmt = 'h:mm';
  people.getCell('M2').numFmt = '00000';
  people.getCell('N2').numFmt = '0%';
  people.addRow(['Al', null, null, null, -0.5, false, '', null, null, null, null, null, 7, 1e-7]);
  people.getCell('A5').value = { formula: 'B2+1' }; // no saved result
  people.getCell('B5').value = { formula: 'B2+1', result: 33011 };
  people.getCell('B5').numFmt = 'yyyy-mm-dd';
  const deals = workbook.addWorksheet('Deals');
  deals.addRow(['Pipeline export']);
  deals.addRow([]);
  deals.addRow(['Deal', 'Amount', '', 'Amount']);
  deals.addRow(['Big', 1000, 'x', 2, 'extra']);
  deals.addRow(['Small']);
  await workbook.xlsx.writeFile(path);
}

describe('XLSX sources', () => {
  let path: string;
  beforeAll(async () => {
    path = file('workbook.xlsx');
    await writeWorkbook(path);
  });

  it('lists the sheets in tab order and opens the first visible one', async () => {
    expect(await inspectSource(path)).toMatchObject({
      kind: 'xlsx',
      encoding: null,
      encodingConfidence: null,
      delimiter: null,
      sheets: ['Lookups', 'People', 'Deals'],
      hiddenSheets: ['Lookups'],
      sheet: 'People',
      headers: [
        'Name',
        'Born',
        'Meeting',
        'Alarm',
        'Score',
        'Active',
        'Bio',
        'Website',
        'Total',
        'Label',
        'Zero',
        'Broken',
        'Zip',
        'Share',
      ],
    });
  });

  it('reads each kind of cell as the admin sees it', async () => {
    const { rows } = await readAll(path);
    expect(rows[0]).toEqual({
      line: 2,
      cells: [
        'Zoë',
        '1990-05-17',
        '2024-01-02T13:45:10',
        '07:30:00',
        '0.3',
        'TRUE',
        'Loves crème brûlée',
        'Acme site',
        '0.6',
        'Zoë!',
        '0',
        '',
        '01234',
        '0.15',
      ],
      problems: [{ code: 'cell-error', column: 12, message: expect.stringContaining('L2') }],
    });
    expect(rows[1]).toEqual({
      line: 3,
      cells: ['Al', '', '', '', '-0.5', 'FALSE', '', '', '', '', '', '', '7', '1e-7'],
    });
    expect(rows[2]).toEqual({
      line: 5,
      cells: ['', '1990-05-18', ...Array(12).fill('')],
      problems: [
        { code: 'formula-without-result', column: 1, message: expect.stringContaining('A5') },
      ],
    });
  });

  it('opens a chosen sheet (by name, forgiving case) with a chosen header row', async () => {
    const info = await inspectSource(path, { sheet: 'deals', headerRow: 3 });
    expect(info).toMatchObject({
      sheet: 'Deals',
      headers: ['Deal', 'Amount', 'Column 3', 'Amount (2)'],
      sample: [
        ['Big', '1000', 'x', '2', 'extra'],
        ['Small', '', '', ''],
      ],
      sampleLines: [4, 5],
    });
    const { rows } = await readAll(path, { sheet: 'Deals', headerRow: 3 });
    expect(rows.map((row) => row.line)).toEqual([4, 5]);
    // Without a choice, the first row with content: row 1 here, a title.
    expect(await inspectSource(path, { sheet: 'Deals' })).toMatchObject({
      headerRow: 1,
      headers: ['Pipeline export'],
    });
    // A hidden sheet can be chosen too.
    expect(await inspectSource(path, { sheet: 'Lookups' })).toMatchObject({
      headers: ['code', 'label'],
      sample: [],
    });
  });

  it('streams 10,000 rows in batches with their line numbers, reporting progress', async () => {
    const big = file('10k.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: big,
      useSharedStrings: true,
      useStyles: true,
    });
    const sheet = writer.addWorksheet('Data');
    sheet.addRow(['id', 'name', 'joined', 'amount']).commit();
    for (let i = 1; i <= 10_000; i++) {
      const row = sheet.addRow([
        i,
        `Name ${i}`,
        new Date(Date.UTC(2020, 0, 1 + (i % 365))),
        i * 1.1,
      ]);
      row.getCell(3).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    sheet.commit();
    await writer.commit();

    let last: [number, number] = [0, 0];
    const { rows, batches } = await readAll(big, {
      batchSize: 999,
      onProgress: (read, total) => (last = [read, total]),
    });
    expect(rows).toHaveLength(10_000);
    expect(batches).toEqual([...Array(10).fill(999), 10]);
    expect(rows.map((row) => row.line)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 2));
    expect(rows[9_999]!.cells).toEqual(['10000', 'Name 10000', '2020-05-25', '11000']);
    expect(rows[2]!.cells).toEqual(['3', 'Name 3', '2020-01-04', '3.3']);
    expect(last[0]).toBe(last[1]);
    expect(last[1]).toBeGreaterThan(10_000);
  });

  it('reads a hand-made package: absolute part names, inline strings, no shared strings, 1904 dates, boolean formulas', async () => {
    const ns =
      'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const path = file(
      'hand-made.xlsx',
      zipFile({
        '[Content_Types].xml': '<Types/>',
        'xl/worksheets/data.xml':
          `<worksheet ${ns}><sheetData>` +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>When</t></is></c><c r="B1" t="inlineStr"><is><t>Ok &amp; fine</t></is></c></row>' +
          '<row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c></row>' +
          '</sheetData></worksheet>',
        'xl/workbook.xml': `<workbook ${ns}><workbookPr date1904="true"/><sheets><sheet name="R&amp;D &gt; 2024" sheetId="1" r:id="rId7"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
        'xl/styles.xml': `<styleSheet ${ns.split(' ')[0]}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      }),
    );
    expect(await inspectSource(path)).toMatchObject({
      sheets: ['R&D > 2024'],
      headers: ['When', 'Ok & fine'],
    });
    const { rows } = await readAll(path);
    expect(rows).toEqual([
      {
        line: 2,
        cells: ['1904-01-01', 'TRUE'],
        problems: [{ code: 'cell-error', column: 3, message: 'Cell C2 shows #N/A: read as empty' }],
      },
    ]);
  });

  it('stops early without reading the rest, and honours abort', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const big = file('10k.xlsx');
    await expect(
      (async () => {
        for await (const batch of readSourceRows(big, {
          batchSize: 100,
          signal: controller.signal,
        })) {
          seen.push(batch.length);
          if (seen.length === 2) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toEqual([100, 100]);
  });
});
