import { describe, expect, it } from 'vitest';
import { object } from './access.fixture';
import { matrixObjects, visibleFields } from './matrix-rows';

const objects = [
  object({ id: 'p', nameSingular: 'person', labelSingular: 'Person', labelPlural: 'People' }),
  object(),
  object({ id: 's', nameSingular: 'blocklist', labelPlural: 'Blocklists', isSystem: true }),
];

describe('matrix rows', () => {
  it('hides system objects unless shown, sorted by label', () => {
    expect(matrixObjects(objects, false, '').map((item) => item.id)).toEqual(['company-id', 'p']);
    expect(matrixObjects(objects, true, '').map((item) => item.id)).toEqual([
      's',
      'company-id',
      'p',
    ]);
  });

  it('filters on labels and API name', () => {
    expect(matrixObjects(objects, false, 'pers').map((item) => item.id)).toEqual(['p']);
    expect(matrixObjects(objects, false, 'COMP').map((item) => item.id)).toEqual(['company-id']);
  });

  it('hides system fields unless shown', () => {
    const withFields = object({
      fields: [
        { id: 'a', name: 'name', label: 'Name', type: 'TEXT', isSystem: false },
        { id: 'b', name: 'position', label: 'Position', type: 'POSITION', isSystem: true },
      ],
    });
    expect(visibleFields(withFields, false).map((field) => field.id)).toEqual(['a']);
    expect(visibleFields(withFields, true)).toHaveLength(2);
  });
});
