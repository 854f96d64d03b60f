import { describe, expect, it } from 'vitest';
import { decimalPlaces, parseDecimal, toMicros } from './numbers';

describe('parseDecimal', () => {
  it('reads plain numbers in every locale', () => {
    expect(parseDecimal('1234.50')).toBe('1234.5');
    expect(parseDecimal('-0007')).toBe('-7');
    expect(parseDecimal('+3')).toBe('3');
    expect(parseDecimal('-0')).toBe('0');
    expect(parseDecimal('1.5E+06')).toBe('1500000');
  });

  it('reads each locale’s separators', () => {
    expect(parseDecimal('1,234.56', 'en')).toBe('1234.56');
    expect(parseDecimal('1 234,56', 'fr')).toBe('1234.56');
    expect(parseDecimal('1\u202f234,56', 'fr')).toBe('1234.56');
    expect(parseDecimal('1.234,56', 'de')).toBe('1234.56');
    expect(parseDecimal('1234,5', 'de')).toBe('1234.5');
    expect(parseDecimal('1.234', 'de')).toBe('1234');
    expect(parseDecimal('12', 'de')).toBe('12');
    expect(parseDecimal('(1,200)', 'en')).toBe('-1200');
    expect(parseDecimal('− 12,5', 'fr')).toBe('-12.5');
  });

  it('refuses what a locale does not write', () => {
    expect(parseDecimal('1,234.56', 'de')).toBeNull();
    expect(parseDecimal('1.234,56', 'en')).toBeNull();
    expect(parseDecimal('1.5', 'fr')).toBeNull();
    expect(parseDecimal('12abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('-')).toBeNull();
    expect(parseDecimal('1,2,3', 'en')).toBeNull();
  });

  it('guesses without a locale only when unambiguous enough', () => {
    expect(parseDecimal('1,234,567')).toBe('1234567');
    expect(parseDecimal('3,5')).toBe('3.5');
  });

  it('counts decimals', () => {
    expect(decimalPlaces('12')).toBe(0);
    expect(decimalPlaces('-1.250')).toBe(3);
  });
});

describe('toMicros', () => {
  it('multiplies by a million exactly', () => {
    expect(toMicros('1234.56')).toEqual({ micros: 1_234_560_000, rounded: false });
    expect(toMicros('0.1')).toEqual({ micros: 100_000, rounded: false });
    expect(toMicros('-19.99')).toEqual({ micros: -19_990_000, rounded: false });
  });

  it('rounds beyond six decimals and says so', () => {
    expect(toMicros('0.0000005')).toEqual({ micros: 1, rounded: true });
    expect(toMicros('1.1234564')).toEqual({ micros: 1_123_456, rounded: true });
  });

  it('answers a string beyond safe integers', () => {
    expect(toMicros('123456789012345')).toEqual({
      micros: '123456789012345000000',
      rounded: false,
    });
  });
});
