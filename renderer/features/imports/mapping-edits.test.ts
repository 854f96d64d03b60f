import { describe, expect, it } from 'vitest';
import { emptyMapping, type ColumnSuggestion } from '../../../shared/imports';
import { junctionModel, note } from '../../../shared/imports/test-junction-model';
import { company, model, person } from '../../../shared/imports/test-model';
import {
  applySuggestion,
  dedupeChoices,
  describeSource,
  kindsFor,
  listParts,
  listSeparatorOf,
  lookupKeys,
  partLabel,
  proposeDedupe,
  setDedupe,
  setFieldSource,
  setOptions,
  setPart,
  suggestionIsApplied,
  switchKind,
  targetFields,
  targetLabel,
  unusedColumns,
  withListSeparator,
  type ColumnsSource,
} from './mapping-edits';

const headers = ['First Name', 'Last Name', 'Email', 'Company Domain'];
const target = (name: string) => targetFields(person).find((field) => field.field.name === name)!;

describe('mapping edits', () => {
  it('lists the fields a file can fill with the kinds of source each takes', () => {
    const names = targetFields(person).map((field) => field.field.name);
    expect(names).toContain('emails');
    expect(names).not.toContain('createdAt');
    expect(kindsFor(target('name'))).toEqual(['none', 'column', 'columns', 'constant']);
    expect(kindsFor(target('jobTitle'))).toEqual(['none', 'column', 'constant']);
    expect(kindsFor(target('company'))).toEqual(['none', 'lookup', 'column']);
    expect(target('name').parts).toEqual(['firstName', 'lastName']);
    expect(partLabel('primaryEmail')).toBe('primary email');
    expect(partLabel('addressPostcode')).toBe('postcode');
    expect(partLabel('amountMicros')).toBe('amount');
  });

  it('switches a source kind keeping the column and transforms that carry over', () => {
    const column = switchKind(target('jobTitle'), 'column', undefined, headers, model);
    expect(column).toEqual({ kind: 'column', column: 'First Name', transforms: [] });
    const trimmed = {
      kind: 'column' as const,
      column: 'Email',
      transforms: [{ type: 'trim' as const }],
    };
    expect(switchKind(target('name'), 'columns', trimmed, headers, model)).toEqual({
      kind: 'columns',
      parts: { firstName: { column: 'Email', transforms: [{ type: 'trim' }] } },
    });
    expect(switchKind(target('emails'), 'columns', undefined, headers, model)).toEqual({
      kind: 'columns',
      parts: { primaryEmail: { column: 'First Name', transforms: [] } },
    });
    const lookup = switchKind(target('company'), 'lookup', trimmed, headers, model);
    expect(lookup).toMatchObject({
      kind: 'lookup',
      column: 'Email',
      object: 'company',
      by: 'domainName',
    });
    expect(switchKind(target('jobTitle'), 'constant', trimmed, headers, model)).toEqual({
      kind: 'constant',
      value: '',
    });
    expect(switchKind(target('jobTitle'), 'none', trimmed, headers, model)).toBeNull();
  });

  it('sets and removes fields, parts, options and the dedupe key without touching the input', () => {
    const empty = emptyMapping('person');
    const mapped = setFieldSource(empty, 'jobTitle', { kind: 'constant', value: 'CEO' });
    expect(empty.fields).toEqual({});
    expect(mapped.fields.jobTitle).toEqual({ kind: 'constant', value: 'CEO' });
    expect(setFieldSource(mapped, 'jobTitle', null).fields).toEqual({});

    const source: ColumnsSource = { kind: 'columns', parts: {} };
    const withList = setPart(source, 'additionalEmails', [{ column: 'Email', transforms: [] }]);
    expect(listParts(withList, 'additionalEmails')).toHaveLength(1);
    expect(setPart(withList, 'additionalEmails', []).parts).toEqual({});

    expect(setOptions(empty, { phoneCountry: 'FR' }).options).toMatchObject({
      phoneCountry: 'FR',
      timeZone: 'UTC',
    });
    const deduped = setDedupe(empty, 'emails.primaryEmail', 'merge');
    expect(deduped.dedupe).toEqual({ key: 'emails.primaryEmail', duplicates: 'merge' });
    expect(setDedupe(deduped, null).dedupe).toBeUndefined();
  });

  it('offers unique keys first and proposes the one the mapping fills', () => {
    const choices = dedupeChoices(person);
    expect(choices[0]).toEqual({
      value: 'emails.primaryEmail',
      label: 'Emails (primary email)',
      unique: true,
    });
    expect(choices.map((choice) => choice.value)).toContain('jobTitle');
    const mapping = setFieldSource(emptyMapping('person'), 'emails', {
      kind: 'column',
      column: 'Email',
      transforms: [],
    });
    expect(proposeDedupe(mapping, person).dedupe).toEqual({
      key: 'emails.primaryEmail',
      duplicates: 'first',
    });
    expect(proposeDedupe(emptyMapping('person'), person).dedupe).toBeUndefined();
    expect(lookupKeys(model, 'company')[0]).toMatchObject({ value: 'id', unique: true });
    expect(lookupKeys(model, 'company').map((key) => key.value)).toContain('domainName');
    expect(dedupeChoices(company)[0]!.value).toBe('domainName.primaryLinkUrl');
  });

  it('applies suggestions as suggestMapping builds them and recognises them after', () => {
    const suggestion = (patch: Partial<ColumnSuggestion>): ColumnSuggestion => ({
      column: 'First Name',
      target: { field: 'name', part: 'firstName' },
      score: 0.95,
      reason: 'usual header',
      transforms: [],
      ...patch,
    });
    let mapping = applySuggestion(emptyMapping('person'), suggestion({}));
    mapping = applySuggestion(
      mapping,
      suggestion({ column: 'Last Name', target: { field: 'name', part: 'lastName' } }),
    );
    expect(mapping.fields.name).toEqual({
      kind: 'columns',
      parts: {
        firstName: { column: 'First Name', transforms: [] },
        lastName: { column: 'Last Name', transforms: [] },
      },
    });
    mapping = applySuggestion(
      mapping,
      suggestion({ column: 'Email', target: { field: 'emails', part: 'additionalEmails' } }),
    );
    mapping = applySuggestion(
      mapping,
      suggestion({
        column: 'Company Domain',
        target: { field: 'company', lookup: { object: 'company', by: 'domainName' } },
      }),
    );
    expect(mapping.fields.company).toMatchObject({ kind: 'lookup', by: 'domainName' });
    expect(suggestionIsApplied(mapping, suggestion({}))).toBe(true);
    expect(
      suggestionIsApplied(mapping, suggestion({ target: { field: 'name', part: 'lastName' } })),
    ).toBe(false);
    expect(unusedColumns(mapping, [...headers, 'Notes'])).toEqual(['Notes']);
    expect(describeSource(mapping.fields.name)).toBe('2 parts: “First Name”, “Last Name”');
    expect(describeSource(mapping.fields.company)).toBe('“Company Domain” → company by domainName');
    expect(describeSource(undefined)).toBe('Not imported');
  });
});

describe('junction fields (attach notes to their targets)', () => {
  const noteTargets = () =>
    targetFields(note, junctionModel).find((field) => field.field.name === 'noteTargets')!;

  it('offers noteTargets as "Attach to (Relations)", by lookup only, to the linkable objects', () => {
    expect(targetFields(note).some((field) => field.field.name === 'noteTargets')).toBe(false);
    const target = noteTargets();
    expect(targetLabel(target)).toBe('Attach to (Relations)');
    expect(target.linkable).toEqual(['company', 'person', 'opportunity', 'pet']);
    expect(kindsFor(target)).toEqual(['none', 'lookup']);
  });

  it('starts a lookup on companies by their domain, several per cell', () => {
    expect(
      switchKind(noteTargets(), 'lookup', undefined, ['Title', 'Company domain'], junctionModel),
    ).toEqual({
      kind: 'lookup',
      column: 'Title',
      transforms: [{ type: 'list', separator: ';' }],
      object: 'company',
      by: 'domainName',
      createMissing: false,
    });
  });

  it('reads and sets the list separator', () => {
    const transforms = [{ type: 'trim' as const }, { type: 'list' as const, separator: ';' }];
    expect(listSeparatorOf(transforms)).toBe(';');
    expect(withListSeparator(transforms, '|')).toEqual([
      { type: 'trim' },
      { type: 'list', separator: '|' },
    ]);
    expect(withListSeparator(transforms, null)).toEqual([{ type: 'trim' }]);
    expect(listSeparatorOf([])).toBeNull();
  });
});
