import { INVALID, quote, type Issues } from './cell-problems';
import { countryCodeOf } from './countries';
import { collectItems, first, maxValuesWarning, type CompositeReader } from './part-texts';
import {
  callingCodeOf,
  countriesForCallingCode,
  isPlausible,
  isSupportedCountry,
  parsePhone,
  type ParsedPhone,
  type PhoneContext,
} from './phone-numbers';
import type { ReaderContext } from './scalar-readers';

/**
 * PHONES from a number column, optionally a country (code, name or calling code) column and
 * further numbers. As Twenty's server: the given country or calling code is the default of the
 * parse, and an inferred country or calling code that contradicts it is refused; numbers
 * without + need a country (the row's, else the mapping's phone country).
 */
const PHONE_MIGHT_SPLIT = /[;,|\n]/;
const PHONE_SPLIT = /\s*[;,|\n]\s*/;

/** A country cell: ISO code, name, or calling code ("+33"), as Twenty's two sub-fields want. */
const readCountryCell = (
  text: string,
): { country?: string; callingCode?: string } | { error: string } => {
  const value = text.trim();
  const digits = /^(?:\+|00)?(\d{1,4})$/.exec(value);
  if (digits) {
    const callingCode = digits[1]!;
    return countriesForCallingCode(callingCode).length
      ? { callingCode }
      : { error: `${quote(text)} is not a calling code` };
  }
  const upper = value.toUpperCase();
  const country = isSupportedCountry(upper) ? upper : countryCodeOf(value);
  return country ? { country } : { error: `${quote(text)} is not a country (e.g. FR or France)` };
};

const PHONE_ERRORS: Record<string, string> = {
  NOT_A_NUMBER: 'is not a phone number',
  TOO_SHORT: 'is too short for a phone number',
  TOO_LONG: 'is too long for a phone number',
  INVALID_COUNTRY: 'has no country code: write it as +33… or choose the phone country of the file',
};

const warnImplausible = (issues: Issues, text: string, phone: ParsedPhone, part?: string) =>
  issues.warn(
    `${quote(text)} does not look like a valid ${phone.country || `+${phone.callingCode}`} number; it is kept as written`,
    part,
  );

const PHONE_KEYS = ['primaryPhoneNumber', 'additionalPhones'];
const COUNTRY_KEYS = ['primaryPhoneCountryCode', 'primaryPhoneCallingCode'];

export const phonesReader = (ctx: ReaderContext, mapped: ReadonlySet<string>): CompositeReader => {
  const separator = ctx.hints.listSeparator;
  const defaultContext: PhoneContext = { defaultCountry: ctx.options.phoneCountry };
  const countryMapped = COUNTRY_KEYS.some((key) => mapped.has(key));
  const one: CompositeReader['one'] =
    mapped.has('primaryPhoneNumber') && !countryMapped && !mapped.has('additionalPhones')
      ? (text, issues) => {
          if (separator === undefined ? PHONE_MIGHT_SPLIT.test(text) : text.includes(separator))
            return null;
          const parsed = parsePhone(text, defaultContext);
          if (!parsed.ok) {
            issues.error(`${quote(text)} ${PHONE_ERRORS[parsed.error]}`, 'primaryPhoneNumber');
            return INVALID;
          }
          const { phone } = parsed;
          if (!isPlausible(phone)) warnImplausible(issues, text, phone, 'primaryPhoneNumber');
          return {
            primaryPhoneNumber: phone.nationalNumber,
            primaryPhoneCountryCode: phone.country,
            primaryPhoneCallingCode: `+${phone.callingCode}`,
          };
        }
      : undefined;
  const read: CompositeReader = (parts, issues) => {
    let givenCountry: string | undefined;
    let givenCalling: string | undefined;
    for (const part of countryMapped ? COUNTRY_KEYS : []) {
      const text = first(parts, part);
      if (!text) continue;
      const read = readCountryCell(text);
      if ('error' in read) {
        issues.error(read.error, part);
        return INVALID;
      }
      givenCountry ??= read.country;
      givenCalling ??= read.callingCode;
    }
    if (givenCountry && givenCalling && callingCodeOf(givenCountry) !== givenCalling) {
      // Twenty: "Provided country code and calling code are conflicting".
      issues.error(
        `Country ${givenCountry} does not use calling code +${givenCalling}`,
        'primaryPhoneCountryCode',
      );
      return INVALID;
    }
    const context: PhoneContext = givenCalling
      ? { defaultCountry: givenCountry, defaultCallingCode: givenCalling }
      : givenCountry
        ? { defaultCountry: givenCountry }
        : defaultContext;
    const items: string[] = [];
    const itemParts: string[] = [];
    collectItems(parts, PHONE_KEYS, PHONE_MIGHT_SPLIT, PHONE_SPLIT, separator, items, itemParts);
    const phones: Array<{ number: string; countryCode: string; callingCode: string }> = [];
    let failed = false;
    for (let index = 0; index < items.length; index++) {
      const text = items[index]!;
      const part = itemParts[index];
      const parsed = parsePhone(text, context);
      if (!parsed.ok) {
        issues.error(`${quote(text)} ${PHONE_ERRORS[parsed.error]}`, part);
        failed = true;
        continue;
      }
      const { phone } = parsed;
      // Twenty refuses a number whose inferred country or calling code contradicts the given one.
      if (index === 0 && givenCountry && phone.country && phone.country !== givenCountry) {
        issues.error(`${quote(text)} is a ${phone.country} number, not ${givenCountry}`, part);
        failed = true;
        continue;
      }
      if (index === 0 && givenCalling && phone.callingCode !== givenCalling) {
        issues.error(`${quote(text)} does not have calling code +${givenCalling}`, part);
        failed = true;
        continue;
      }
      if (!isPlausible(phone)) warnImplausible(issues, text, phone, part);
      const callingCode = `+${phone.callingCode}`;
      let known = false;
      for (const other of phones)
        if (other.number === phone.nationalNumber && other.callingCode === callingCode)
          known = true;
      if (known) continue;
      phones.push({
        number: phone.nationalNumber,
        countryCode: (index === 0 ? givenCountry : undefined) ?? phone.country,
        callingCode,
      });
    }
    if (failed) return INVALID;
    maxValuesWarning(ctx, phones.length, issues, 'primaryPhoneNumber');
    const primary = phones[0];
    const value: Record<string, unknown> = {};
    if (primary || mapped.has('primaryPhoneNumber')) {
      value.primaryPhoneNumber = primary?.number ?? '';
      value.primaryPhoneCountryCode = primary?.countryCode ?? '';
      value.primaryPhoneCallingCode = primary?.callingCode ?? '';
    }
    if (mapped.has('additionalPhones') || phones.length > 1)
      value.additionalPhones = phones.slice(1);
    return value;
  };
  return Object.assign(read, { one });
};
