import { describe, expect, it } from 'vitest';
import { emptyMapping, mappedColumns, MAPPING_VERSION, parseMappingDocument } from './mapping';

describe('the mapping document', () => {
  it('parses a saved document and fills defaults', () => {
    const parsed = parseMappingDocument({
      version: 1,
      object: 'person',
      fields: {
        name: {
          kind: 'columns',
          parts: { firstName: { column: 'First' }, lastName: { column: 'Last' } },
        },
        emails: { kind: 'column', column: 'Email', transforms: [{ type: 'trim' }] },
        company: { kind: 'lookup', column: 'Company', object: 'company', by: 'name' },
        jobTitle: { kind: 'constant', value: 'Engineer' },
      },
      dedupe: { key: 'emails.primaryEmail' },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.mapping.options).toEqual({ timeZone: 'UTC', emptyCells: 'omit' });
    expect(parsed.mapping.dedupe).toEqual({ key: 'emails.primaryEmail', duplicates: 'first' });
    expect(parsed.mapping.fields.company).toMatchObject({ createMissing: false, transforms: [] });
    expect(mappedColumns(parsed.mapping)).toEqual(['First', 'Last', 'Email', 'Company']);
  });

  it('says what is wrong, including a newer version', () => {
    expect(parseMappingDocument({ version: 2, object: 'person', fields: {} })).toEqual({
      ok: false,
      problems: ['This mapping is version 2; this Atelier reads version 1 — update Atelier.'],
    });
    const bad = parseMappingDocument({
      version: 1,
      object: 'person',
      options: { timeZone: 'Mars/Olympus' },
      fields: {
        a: { kind: 'column', column: 'A', transforms: [{ type: 'number', locale: 'xx' }] },
      },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual([
      expect.stringMatching(/^options\.timeZone: Unknown time zone/),
      expect.stringMatching(/^fields\.a\.transforms\.0\.locale: /),
    ]);
  });

  it('starts empty documents at the current version', () => {
    expect(emptyMapping('pet')).toEqual({
      version: MAPPING_VERSION,
      object: 'pet',
      options: { timeZone: 'UTC', emptyCells: 'omit' },
      fields: {},
    });
  });
});
