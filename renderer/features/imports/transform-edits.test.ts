import { describe, expect, it } from 'vitest';
import { transformSchema } from '../../../shared/imports';
import {
  TRANSFORM_TYPES,
  describeTransform,
  entriesToMap,
  move,
  newTransform,
  removeAt,
  replaceAt,
  splitWords,
  transformProblem,
} from './transform-edits';

describe('transform edits', () => {
  it('starts every transform type with a value the mapping schema accepts', () => {
    for (const { type } of TRANSFORM_TYPES) {
      const transform = newTransform(type);
      expect(transformSchema.safeParse(transform).success, type).toBe(true);
      expect(transformProblem(transform), type).toBeNull();
      expect(describeTransform(transform)).not.toBe('');
    }
  });

  it('says what is missing before the schema refuses it', () => {
    expect(transformProblem({ type: 'replace', find: '', with: 'x' })).toBe(
      'Give the text to find',
    );
    expect(transformProblem({ type: 'boolean', true: [], false: ['no'] })).toBe(
      'Give at least one word for yes',
    );
  });

  it('describes transforms in words', () => {
    expect(describeTransform({ type: 'number', locale: 'de' })).toBe('Numbers as 1.234,56');
    expect(
      describeTransform({ type: 'valueMap', map: { a: 'A', b: 'B' }, createMissingOptions: true }),
    ).toBe('2 values mapped, missing options created');
  });

  it('edits lists and word lists', () => {
    expect(splitWords(' N/A, -, ,none ')).toEqual(['N/A', '-', 'none']);
    expect(replaceAt([1, 2, 3], 1, 9)).toEqual([1, 9, 3]);
    expect(removeAt([1, 2, 3], 0)).toEqual([2, 3]);
    expect(move([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(
      entriesToMap([
        ['Won', 'CUSTOMER'],
        ['', 'x'],
      ]),
    ).toEqual({ Won: 'CUSTOMER' });
  });
});
