import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inspectSource, readSourceRows } from './index';
import { encode, fixtureDir, oleFile, zipFile } from './testing/source-files';

const file = fixtureDir('refused');

async function refusal(path: string) {
  const error = await inspectSource(path).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toMatchObject({ name: 'AppError' });
  const { code, message, details } = error as {
    code: string;
    message: string;
    details: { reason: string };
  };
  return { code, reason: details.reason, message };
}

describe('files that are not sources', () => {
  it('a missing file: NOT_FOUND, from inspect and from the row reader alike', async () => {
    const path = file('nowhere.csv');
    expect(await refusal(path)).toEqual({
      code: 'NOT_FOUND',
      reason: 'missing',
      message: 'nowhere.csv does not exist',
    });
    await expect(readSourceRows(path, {}).next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a folder', async () => {
    const path = file('folder.csv');
    mkdirSync(path);
    expect(await refusal(path)).toMatchObject({ code: 'INVALID_INPUT', reason: 'not-a-file' });
  });

  it.each([
    ['empty.csv', ''],
    ['bom-only.csv', encode('', 'utf-8', true)],
    ['blank-lines.csv', '\r\n \r\n\n'],
    ['utf16-bom-only.csv', encode('', 'utf-16le', true)],
  ])('an empty file (%s)', async (name, content) => {
    expect(await refusal(file(name, content))).toMatchObject({
      code: 'INVALID_INPUT',
      reason: 'empty',
    });
  });

  it.each([
    ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['report.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1')],
    [
      'program.bin',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]),
    ],
    ['controls.csv', Buffer.from('a,b\n\x01\x02\x03\x04\x05\x06,\x07\x08\x0e\x0f\n')],
  ])('a binary file (%s)', async (name, content) => {
    expect(await refusal(file(name, content))).toMatchObject({
      code: 'INVALID_INPUT',
      reason: 'binary',
    });
  });

  it('a ZIP that is not a workbook', async () => {
    const path = file('photos.xlsx', zipFile({ 'a.txt': 'hello', 'b/c.txt': 'world' }));
    expect(await refusal(path)).toEqual({
      code: 'INVALID_INPUT',
      reason: 'not-xlsx',
      message: 'photos.xlsx is a ZIP archive, not an XLSX workbook',
    });
  });

  it('an OpenDocument spreadsheet and an Excel binary workbook', async () => {
    const ods = file(
      'sheet.ods',
      zipFile({
        mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
        'content.xml': '<x/>',
      }),
    );
    expect(await refusal(ods)).toMatchObject({
      reason: 'unsupported-spreadsheet',
      message: expect.stringContaining('.ods'),
    });
    const xlsb = file(
      'book.xlsb',
      zipFile({ 'xl/workbook.bin': 'x', '[Content_Types].xml': '<x/>' }),
    );
    expect(await refusal(xlsb)).toMatchObject({
      reason: 'unsupported-spreadsheet',
      message: expect.stringContaining('.xlsb'),
    });
  });

  it('a damaged ZIP (cut short)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['a']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await refusal(file('cut.xlsx', bytes.subarray(0, bytes.length - 30)))).toMatchObject({
      code: 'INVALID_INPUT',
      reason: 'corrupt',
    });
  });

  it('an encrypted workbook, with the way out in the message', async () => {
    const path = file(
      'secret.xlsx',
      oleFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']),
    );
    expect(await refusal(path)).toMatchObject({
      code: 'INVALID_INPUT',
      reason: 'encrypted',
      message: expect.stringContaining('remove the password'),
    });
  });

  it('a legacy .xls workbook', async () => {
    expect(
      await refusal(file('old.xls', oleFile(['Workbook', '\u0005SummaryInformation']))),
    ).toMatchObject({
      reason: 'legacy-xls',
      message: expect.stringContaining('Excel 97–2003'),
    });
  });

  it('HTML saved with a spreadsheet name (as some CRMs export)', async () => {
    const path = file('export.xls', '<html><body><table><tr><td>a</td></tr></table></body></html>');
    expect(await refusal(path)).toMatchObject({
      reason: 'unsupported-spreadsheet',
      message: expect.stringContaining('HTML'),
    });
  });

  it('a sheet name the workbook does not have, and bad options', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('People').addRow(['a']);
    workbook.addWorksheet('Companies').addRow(['b']);
    const path = file('two-sheets.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    await expect(inspectSource(path, { sheet: 'Deals' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'two-sheets.xlsx has no sheet "Deals" (it has "People", "Companies")',
    });
    await expect(inspectSource(path, { headerRow: 0 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(readSourceRows(path, { batchSize: 0 }).next()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
