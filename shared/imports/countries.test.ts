import { describe, expect, it } from 'vitest';
import { countryCodeOf, countryNameOf } from './countries';
import { currencyCodeOf } from './currencies';

describe('countries', () => {
  it('reads codes, names in several languages and aliases', () => {
    expect(countryCodeOf('fr')).toBe('FR');
    expect(countryCodeOf('France')).toBe('FR');
    expect(countryCodeOf('Allemagne')).toBe('DE');
    expect(countryCodeOf('Deutschland')).toBe('DE');
    expect(countryCodeOf('USA')).toBe('US');
    expect(countryCodeOf('United States of America')).toBe('US');
    expect(countryCodeOf('Côte d’Ivoire')).toBe('CI');
    expect(countryCodeOf('Atlantis')).toBeUndefined();
  });

  it('names countries as Twenty’s picker stores them', () => {
    expect(countryNameOf('US')).toBe('United States');
    expect(countryNameOf('GB')).toBe('United Kingdom');
  });
});

describe('currencies', () => {
  it('reads codes, symbols and words', () => {
    expect(currencyCodeOf('eur')).toBe('EUR');
    expect(currencyCodeOf('€')).toBe('EUR');
    expect(currencyCodeOf('US$')).toBe('USD');
    expect(currencyCodeOf('$', 'CAD')).toBe('CAD');
    expect(currencyCodeOf('$', 'EUR')).toBe('USD');
    expect(currencyCodeOf('Euro')).toBe('EUR');
    expect(currencyCodeOf('XYZ')).toBeUndefined();
  });
});
