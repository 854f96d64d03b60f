import { describe, expect, it } from 'vitest';
import { fieldOptions, foldOptionKey, optionMatcher } from './select-options';
import { opportunity } from './test-model';

describe('option matching', () => {
  const options = fieldOptions(opportunity.fields.find((field) => field.name === 'stage')!);

  it('matches values and labels ignoring case, accents and punctuation', () => {
    const matcher = optionMatcher(options);
    expect(matcher.match('meeting')).toEqual({ kind: 'option', value: 'MEETING' });
    expect(matcher.match('SCREENING')).toEqual({ kind: 'option', value: 'SCREENING' });
    expect(matcher.match('Lost')).toEqual({ kind: 'unknown' });
    expect(foldOptionKey('Clôturé - gagné')).toBe('cloturegagne');
  });

  it('maps other spellings and proposes new options', () => {
    const matcher = optionMatcher(options, { 'Closed Won': 'Customer', Lost: 'Closed lost' }, true);
    expect(matcher.match('closed won')).toEqual({ kind: 'option', value: 'CUSTOMER' });
    expect(matcher.match('Lost')).toEqual({
      kind: 'new',
      value: 'CLOSED_LOST',
      label: 'Closed lost',
    });
    expect(matcher.match('2024 Q1')).toEqual({
      kind: 'new',
      value: 'OPT2024_Q1',
      label: '2024 Q1',
    });
    expect(matcher.newOptionProblem('a, b')).toBe('an option label cannot contain a comma');
  });
});
