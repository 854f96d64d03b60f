import { describe, expect, it } from 'vitest';
import { newFieldOfType, newObjectHead } from './draft-edits';
import { junctionIssues, validateField, validateObjectHead } from './validate-draft';

const messages = (issues: Array<{ message: string }>) => issues.map((issue) => issue.message);

describe("Twenty's rules as the admin types", () => {
  it('accepts a well-formed new object and names it from its labels', () => {
    const head = newObjectHead('Invoice line', 'Invoice lines');
    expect(head.nameSingular).toBe('invoiceLine');
    expect(validateObjectHead(head, new Set(['person', 'people']))).toEqual([]);
  });

  it("refuses names Twenty refuses, with Twenty's messages", () => {
    const head = { ...newObjectHead('X', 'Xs'), isLabelSyncedWithName: false };
    expect(messages(validateObjectHead({ ...head, nameSingular: 'Invoice' }, new Set()))).toContain(
      'Name is not valid: it must start with lowercase letter and contain only alphanumeric letters',
    );
    expect(
      messages(
        validateObjectHead({ ...head, nameSingular: 'event', namePlural: 'evts' }, new Set()),
      ),
    ).toContain(
      'This name is reserved. Use a different name or the system will add "Custom" suffix.',
    );
    expect(
      messages(
        validateObjectHead({ ...head, nameSingular: 'deal', namePlural: 'deal' }, new Set()),
      ),
    ).toContain('The singular and plural names cannot be the same for an object');
    expect(
      messages(
        validateObjectHead(
          { ...head, nameSingular: 'people', namePlural: 'peoples' },
          new Set(['person', 'people']),
        ),
      ),
    ).toContain('Object already exists');
    expect(
      messages(validateObjectHead({ ...head, labelSingular: 'x'.repeat(64) }, new Set())),
    ).toContain('Object label is too long');
  });

  it('checks synced names and field name availability', () => {
    const field = newFieldOfType('TEXT', 'Nick name', 'IconText');
    expect(validateField(field, new Set())).toEqual([]);
    expect(messages(validateField({ ...field, name: 'nick' }, new Set()))).toContain(
      'Name is not synced with label',
    );
    expect(messages(validateField(field, new Set(['nickName'])))).toContain(
      'Name "nickName" is not available as it is already used by another field',
    );
  });

  it('checks options, defaults and uniqueness per type', () => {
    const select = newFieldOfType('SELECT', 'Stage', 'IconTag');
    expect(validateField(select, new Set())).toEqual([]);
    const bad = {
      ...select,
      defaultValue: "'GONE'",
      options: [
        { label: 'A, B', value: 'lower', color: 'red', position: 0 },
        { label: 'C', value: 'C', color: 'red', position: 1 },
        { label: 'C again', value: 'C', color: 'red', position: 2 },
      ],
    };
    expect(messages(validateField(bad, new Set()))).toEqual(
      expect.arrayContaining([
        'Label must not contain a comma',
        'Value must be in UPPER_CASE and follow snake_case "lower"',
        'Duplicated option value',
        `Default value "'GONE'" must be one of the option values`,
      ]),
    );
    expect(messages(validateField({ ...select, options: [] }, new Set()))).toContain(
      'Options are required for enum fields',
    );
    expect(messages(validateField({ ...select, isUnique: true }, new Set()))).toContain(
      'SELECT fields cannot be unique.',
    );
    const files = newFieldOfType('FILES', 'Docs', 'IconFile');
    expect(
      messages(validateField({ ...files, settings: { maxNumberOfValues: 11 } }, new Set())),
    ).toContain('Files field settings maxNumberOfValues must be an integer between 1 and 10');
    const money = newFieldOfType('CURRENCY', 'Amount', 'IconCoins');
    expect(
      messages(validateField({ ...money, settings: { format: 'full', decimals: 6 } }, new Set())),
    ).toContain('Decimals must be between 0 and 5');
  });
});

describe('junction targets', () => {
  const relation = (
    name: string,
    type: 'MANY_TO_ONE' | 'ONE_TO_MANY',
    junctionTarget: string | null,
  ) => ({
    ...newFieldOfType('RELATION', name, 'IconLink'),
    name,
    relation: {
      type,
      targetObject: 'project',
      inverseName: `${name}s`,
      inverseLabel: `${name}s`,
      inverseIcon: null,
      onDelete: null,
      junctionTarget,
    },
  });

  it("names a many-to-one relation of the junction, with Twenty's messages", () => {
    const note = newFieldOfType('TEXT', 'Note', 'IconText');
    const fields = [
      relation('person', 'MANY_TO_ONE', null),
      relation('tags', 'ONE_TO_MANY', null),
      note,
    ];
    expect(junctionIssues(relation('project', 'MANY_TO_ONE', 'person'), fields)).toEqual([]);
    expect(junctionIssues(relation('project', 'MANY_TO_ONE', null), fields)).toEqual([]);
    expect(messages(junctionIssues(relation('project', 'MANY_TO_ONE', 'gone'), fields))).toEqual([
      'Junction target field not found',
    ]);
    expect(messages(junctionIssues(relation('project', 'MANY_TO_ONE', 'note'), fields))).toEqual([
      'Junction target field must be a relation field',
    ]);
    expect(messages(junctionIssues(relation('project', 'MANY_TO_ONE', 'tags'), fields))).toEqual([
      'Junction target field must be a MANY_TO_ONE relation',
    ]);
  });
});
