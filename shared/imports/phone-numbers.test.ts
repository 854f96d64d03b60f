import { describe, expect, it } from 'vitest';
import examples from 'libphonenumber-js/examples.mobile.json';
import {
  callingCodeOf,
  countriesForCallingCode,
  isPlausible,
  parsePhone,
  parsePhoneUncached,
  SUPPORTED_COUNTRIES,
  type PhoneContext,
} from './phone-numbers';

/** A small deterministic generator (mulberry32), so failures reproduce. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const spellings = (country: string, national: string, next: () => number): string[] => {
  const code = callingCodeOf(country)!;
  const mutated = national
    .split('')
    .map((digit, i) => (i >= 3 && next() < 0.5 ? String(Math.floor(next() * 10)) : digit))
    .join('');
  const grouped = mutated.replace(/(\d{2})(?=\d)/g, '$1 ');
  return [
    `+${code}${mutated}`,
    `+${code} ${grouped}`,
    `0${mutated}`,
    `00${code} ${mutated}`,
    `(0${mutated.slice(0, 2)}) ${mutated.slice(2)}`,
    mutated,
    `${code}${mutated}`,
    `+${code}-${mutated.slice(0, 3)}-${mutated.slice(3)}`,
  ];
};

describe('parsePhone', () => {
  it('reads numbers as Twenty does: national number, country, calling code', () => {
    expect(parsePhone('+33 6 12 34 56 78')).toEqual({
      ok: true,
      phone: { nationalNumber: '612345678', country: 'FR', callingCode: '33' },
    });
    expect(parsePhone('06 12 34 56 78', { defaultCountry: 'FR' })).toEqual({
      ok: true,
      phone: { nationalNumber: '612345678', country: 'FR', callingCode: '33' },
    });
    expect(parsePhone('(416) 555-1234', { defaultCountry: 'US' })).toMatchObject({
      ok: true,
      phone: { country: 'CA', callingCode: '1' },
    });
  });

  it('refuses what libphonenumber refuses', () => {
    expect(parsePhone('06 12 34 56 78')).toEqual({ ok: false, error: 'INVALID_COUNTRY' });
    expect(parsePhone('call me')).toEqual({ ok: false, error: 'NOT_A_NUMBER' });
    expect(parsePhone('+33 1').ok).toBe(false);
  });

  it('gives the same answers from its caches as a full parse, on thousands of numbers', () => {
    const next = random(42);
    const contexts: PhoneContext[] = [
      {},
      { defaultCountry: 'FR' },
      { defaultCountry: 'US' },
      { defaultCountry: 'GB' },
      { defaultCallingCode: '49' },
    ];
    const countries = Object.keys(examples).filter((country) => SUPPORTED_COUNTRIES.has(country));
    const inputs: string[] = [];
    for (let round = 0; round < 4; round++)
      for (const country of countries)
        inputs.push(...spellings(country, (examples as Record<string, string>)[country]!, next));
    let compared = 0;
    for (const context of contexts)
      for (let pass = 0; pass < 2; pass++)
        for (const input of inputs) {
          expect(parsePhone(input, context), `${input} in ${JSON.stringify(context)}`).toEqual(
            parsePhoneUncached(input, context),
          );
          compared++;
        }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('agrees with a full parse on many numbers of one shape (templates and their variants)', () => {
    // Same first digits and length, later digits random: the numbers a template is reused for,
    // including plans that strip or rewrite prefixes (AR, AU, BR, CN, GB, JP, NANP, RU…).
    const next = random(7);
    const contexts: PhoneContext[] = [
      {},
      { defaultCountry: 'FR' },
      { defaultCountry: 'AU' },
      { defaultCountry: 'CN' },
    ];
    const countries = Object.keys(examples).filter((country) => SUPPORTED_COUNTRIES.has(country));
    const inputs: string[] = [];
    for (const country of countries) {
      const code = callingCodeOf(country)!;
      const national = (examples as Record<string, string>)[country]!;
      for (let n = 0; n < 24; n++) {
        const digits = national
          .split('')
          .map((digit, i) => (i >= 2 ? String(Math.floor(next() * 10)) : digit))
          .join('');
        inputs.push(
          `+${code} ${digits}`,
          `+${code} 0${digits}`,
          `0${digits}`,
          `00${code}${digits}`,
        );
      }
    }
    // CN strips a carrier code ('12843'), and what follows may be an international prefix.
    for (let n = 0; n < 40; n++)
      inputs.push(`12843${n % 2 ? '00' : '61'}${String(1000 + n * 7)}`, `12843${n % 3}1234567`);
    for (const number of ['+44 7911 123456', '+61 412 345 678', '+81 90-1234-5678'])
      for (let n = 0; n < 50; n++)
        inputs.push(number.slice(0, -4) + String(Math.floor(next() * 10_000)).padStart(4, '0'));
    for (const context of contexts)
      for (const input of inputs)
        expect(parsePhone(input, context), `${input} in ${JSON.stringify(context)}`).toEqual(
          parsePhoneUncached(input, context),
        );
  });

  it('knows calling codes shared by several countries', () => {
    expect(countriesForCallingCode('1')).toContain('CA');
    expect(countriesForCallingCode('999')).toEqual([]);
    expect(callingCodeOf('FR')).toBe('33');
  });

  it('tells plausible numbers from unlikely ones', () => {
    const good = parsePhone('+33 6 12 34 56 78');
    const odd = parsePhone('+33 0 00 00 00 00');
    expect(good.ok && isPlausible(good.phone)).toBe(true);
    expect(odd.ok && isPlausible(odd.phone)).toBe(false);
  });
});
