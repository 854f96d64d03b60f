import { describe, expect, it } from 'vitest';
import { emptyMapping } from '../../../shared/imports';
import { junctionModel, note } from '../../../shared/imports/test-junction-model';
import { model, person } from '../../../shared/imports/test-model';
import { setFieldSource } from './mapping-edits';
import {
  buildPreview,
  cellsOf,
  previewCell,
  previewColumns,
  previewDetail,
  previewText,
  problemsOfField,
} from './preview';

const headers = ['First', 'Last', 'Email', 'Domain'];
const sample = [
  ['Ada', 'Lovelace', 'ada@example.com', 'example.com'],
  ['Grace', 'Hopper', 'grace@', 'navy.mil'],
];

const mapping = () => {
  let document = emptyMapping('person');
  document = setFieldSource(document, 'name', {
    kind: 'columns',
    parts: {
      firstName: { column: 'First', transforms: [] },
      lastName: { column: 'Last', transforms: [] },
    },
  });
  document = setFieldSource(document, 'emails', {
    kind: 'column',
    column: 'Email',
    transforms: [],
  });
  document = setFieldSource(document, 'company', {
    kind: 'lookup',
    column: 'Domain',
    transforms: [],
    object: 'company',
    by: 'domainName',
    createMissing: true,
  });
  return document;
};

describe('preview', () => {
  it('converts the sample rows as the engine will, with each cell problem', () => {
    const preview = buildPreview({
      mapping: mapping(),
      object: person,
      model,
      mode: 'create',
      headers,
      sample,
      sampleLines: [2, 3],
    });
    expect(preview.failure).toBeNull();
    expect(preview.rows.map((row) => row.line)).toEqual([2, 3]);
    const [ada, grace] = preview.rows;
    expect(ada!.result.hasErrors).toBe(false);
    expect(previewCell(ada!, 'name')).toBe('Ada · Lovelace');
    expect(previewCell(ada!, 'company')).toBe(
      '→ company where domainName.primaryLinkUrl = example.com',
    );
    expect(grace!.result.hasErrors).toBe(true);
    expect(problemsOfField(grace!.result.problems, 'emails')[0]!.column).toBe('Email');
    expect(previewColumns(mapping(), preview.rows)).toEqual(['name', 'emails', 'company']);
  });

  it('reports mapping problems such as a column the file lacks', () => {
    const preview = buildPreview({
      mapping: setFieldSource(mapping(), 'jobTitle', {
        kind: 'column',
        column: 'Title',
        transforms: [],
      }),
      object: person,
      model,
      mode: 'create',
      headers,
      sample,
      sampleLines: [2, 3],
    });
    expect(preview.mappingProblems.map((problem) => problem.message)).toContain(
      "Column 'Title' is not in the file",
    );
  });

  it('writes values as one line', () => {
    expect(cellsOf(['a', 'b'], ['1'])).toEqual({ a: '1', b: '' });
    expect(previewText(null)).toBe('∅ (cleared)');
    expect(previewText(['A', 'B'])).toBe('A, B');
    expect(previewText({ primaryEmail: 'a@b.c', additionalEmails: [] })).toBe('a@b.c');
    expect(previewDetail({ firstName: 'Ada', lastName: '' })).toBe('firstName: Ada\nlastName: —');
  });
});

describe('preview of a junction lookup', () => {
  it('shows what each row is attached to, with no value on the converted row', () => {
    let document = emptyMapping('note');
    document = setFieldSource(document, 'title', {
      kind: 'column',
      column: 'Title',
      transforms: [],
    });
    document = setFieldSource(document, 'noteTargets', {
      kind: 'lookup',
      column: 'Company domain',
      transforms: [{ type: 'list', separator: ';' }],
      object: 'company',
      by: 'domainName',
      createMissing: false,
    });
    const preview = buildPreview({
      mapping: document,
      object: note,
      model: junctionModel,
      mode: 'create',
      headers: ['Title', 'Company domain'],
      sample: [
        ['Kick-off', 'acme.com; globex.com'],
        ['Lunch', ''],
      ],
      sampleLines: [2, 3],
    });
    expect(preview.mappingProblems).toEqual([]);
    expect(previewColumns(document, preview.rows)).toEqual(['title', 'noteTargets']);
    expect(preview.rows[0]!.result.values).toEqual({ title: 'Kick-off' });
    expect(previewCell(preview.rows[0]!, 'noteTargets')).toBe(
      'attached to company by domainName: acme.com, globex.com',
    );
    expect(previewCell(preview.rows[1]!, 'noteTargets')).toBe('');
  });
});
