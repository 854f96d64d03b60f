import { describe, expect, it } from 'vitest';
import { completeFilter } from './complete-filter';
import { gizmo, model, opportunity, person } from './test-model';

/** `|` marks the cursor. */
const complete = (textWithCursor: string, object = person) => {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return completeFilter(text, offset, object, model);
};
const labels = (textWithCursor: string, object = person) =>
  complete(textWithCursor, object).map((item) => item.label);

describe('completeFilter', () => {
  it('offers fields, join columns, sub-field paths and conjunctions at a predicate start', () => {
    const items = complete('|');
    const byLabel = new Map(items.map((item) => [item.label, item]));
    expect(byLabel.get('jobTitle')).toMatchObject({ kind: 'field', insertText: 'jobTitle[' });
    expect(byLabel.get('companyId')).toMatchObject({
      kind: 'field',
      insertText: 'companyId[',
      detail: 'UUID · → company',
    });
    expect(byLabel.get('name')).toMatchObject({ kind: 'field', insertText: 'name.' });
    expect(byLabel.get('name.firstName')).toMatchObject({
      kind: 'subField',
      insertText: 'name.firstName[',
    });
    expect(byLabel.get('and(')).toMatchObject({ kind: 'conjunction', insertText: 'and(' });
    // Relations themselves, search vectors and inactive fields cannot be filtered on.
    for (const absent of ['company', 'searchVector', 'legacyCode'])
      expect(byLabel.has(absent)).toBe(false);
  });

  it('narrows by what is typed and replaces the whole word', () => {
    expect(labels('or(city[eq]:Paris,jo|b')).toEqual(['jobTitle']);
    const [item] = complete('or(city[eq]:Paris,jo|b');
    expect(item!.replace).toEqual({ start: 18, end: 21 });
    expect(labels('no|')).toEqual(['not(']);
    expect(labels('makerC|', gizmo)).toEqual(['makerCompanyId']);
  });

  it('offers sub-fields after a composite', () => {
    expect(labels('name.|')).toEqual(['firstName', 'lastName']);
    expect(labels('and(city[eq]:x, createdBy.s|')).toEqual(['source']);
  });

  it('offers the comparators of the field type', () => {
    expect(labels('city[|')).toEqual([
      'eq',
      'neq',
      'in',
      'gt',
      'gte',
      'lt',
      'lte',
      'is',
      'startsWith',
      'endsWith',
      'like',
      'ilike',
    ]);
    expect(labels('tags[|', gizmo)).toEqual(['containsAny', 'is']);
    expect(labels('done[|', gizmo)).toEqual(['eq', 'is']);
    expect(complete('companyId[n|')).toEqual([
      expect.objectContaining({ label: 'neq', insertText: 'neq]:', kind: 'operator' }),
    ]);
    // Inside an existing `[..]:` only the comparator is replaced.
    expect(complete('companyId[n|]:x')[0]!.insertText).toBe('neq');
  });

  it('offers option values, NULL and booleans', () => {
    expect(complete('stage[eq]:|', opportunity)).toEqual([
      expect.objectContaining({ label: 'NEW', insertText: 'NEW', kind: 'value', detail: 'new' }),
      expect.objectContaining({ label: 'MEETING' }),
      expect.objectContaining({ label: 'CUSTOMER' }),
    ]);
    expect(labels('stage[eq]:M|', opportunity)).toEqual(['MEETING']);
    expect(labels('city[is]:|')).toEqual(['NULL', 'NOT_NULL']);
    expect(labels('done[eq]:|', gizmo)).toEqual(['true', 'false']);
    expect(labels('stars[in]:[RATING_1,|', gizmo)).toEqual([
      'RATING_1',
      'RATING_2',
      'RATING_3',
      'RATING_4',
      'RATING_5',
    ]);
    expect(complete('tags[containsAny]:|', gizmo)[0]!.insertText).toBe('[RED]');
    expect(complete('createdBy.source[eq]:AP|I')).toEqual([
      expect.objectContaining({ label: 'API', replace: { start: 21, end: 24 } }),
      expect.objectContaining({ label: 'APPLICATION' }),
    ]);
  });

  it('offers nothing inside quotes or right after a closed group', () => {
    expect(complete('city[eq]:"Par|')).toEqual([]);
    expect(complete('or(city[eq]:x)|')).toEqual([]);
  });
});
