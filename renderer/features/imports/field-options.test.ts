import { describe, expect, it } from 'vitest';
import { opportunity } from '../../../shared/imports/test-model';
import { distinctValues, hasOptions, optionsOf } from './field-options';

describe('field options', () => {
  it('reads the options of a select field', () => {
    const stage = opportunity.fields.find((field) => field.name === 'stage')!;
    expect(hasOptions(stage)).toBe(true);
    expect(optionsOf(stage)[0]).toEqual({ value: 'NEW', label: 'New' });
    expect(optionsOf(opportunity.fields.find((field) => field.name === 'name')!)).toEqual([]);
  });

  it('lists the distinct values of a column, most frequent first', () => {
    const rows = [['Won'], ['Lost'], ['Won'], [' '], ['Open']];
    expect(distinctValues(['Stage'], rows, 'Stage')).toEqual(['Won', 'Lost', 'Open']);
    expect(distinctValues(['Stage'], rows, 'Other')).toEqual([]);
  });
});
