import { describe, expect, it } from 'vitest';
import {
  computeMetadataNameFromLabel,
  passesDtoNameCheck,
  validateMetadataName,
} from './metadata-names';

describe('metadata names', () => {
  it.each([
    ['Invoice line', 'invoiceLine'],
    ['Événement', 'evenement'],
    ['2nd address', 'n2NdAddress'],
    ['User', 'userCustom'],
    ['  Spaced   out  ', 'spacedOut'],
  ])('computes %j → %j as Twenty does', (label, name) => {
    expect(computeMetadataNameFromLabel(label)).toBe(name);
  });

  it('refuses labels with no usable character', () => {
    expect(() => computeMetadataNameFromLabel('!!!')).toThrow('Invalid label: "!!!"');
  });

  it('reports every failing rule', () => {
    expect(validateMetadataName('Foo bar', 'X').map((e) => e.message)).toEqual([
      'Name should be in camelCase',
      'Name is not valid: it must start with lowercase letter and contain only alphanumeric letters',
    ]);
    expect(validateMetadataName('fooBar', 'X')).toEqual([]);
    expect(validateMetadataName('foo1bar', 'X').map((e) => e.message)).toEqual([
      'Name should be in camelCase',
    ]);
  });

  it('blocks GraphQL keywords and identifier-breaking characters at the DTO', () => {
    expect(passesDtoNameCheck('and')).toBe(false);
    expect(passesDtoNameCheck('a;drop')).toBe(false);
    expect(passesDtoNameCheck('name"')).toBe(false);
    expect(passesDtoNameCheck('fine')).toBe(true);
  });
});
