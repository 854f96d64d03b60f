import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Phones as Twenty stores them (E3): the national number without its trunk prefix, with the
 * country and calling code filled in when the number can be parsed ("01234567890" in FR →
 * "1234567890", "+33"). Numbers that cannot be parsed are kept as given.
 */
export interface PhoneParts {
  number?: unknown;
  countryCode?: unknown;
  callingCode?: unknown;
}

export const canonicalisePhone = ({
  number,
  countryCode,
  callingCode,
}: PhoneParts): { number: unknown; countryCode: unknown; callingCode: unknown } => {
  if (typeof number !== 'string' || number.trim() === '')
    return { number, countryCode, callingCode };
  const raw = number.trim();
  const country =
    typeof countryCode === 'string' && countryCode
      ? (countryCode.toUpperCase() as CountryCode)
      : undefined;
  const parsed =
    (raw.startsWith('+') ? parsePhoneNumberFromString(raw) : undefined) ??
    (country ? parsePhoneNumberFromString(raw, country) : undefined) ??
    (typeof callingCode === 'string' && callingCode
      ? parsePhoneNumberFromString(`${callingCode}${raw.replace(/^0+/, '')}`)
      : undefined);
  if (!parsed) return { number, countryCode, callingCode };
  return {
    number: parsed.nationalNumber,
    countryCode: country ?? parsed.country ?? countryCode ?? '',
    callingCode: `+${parsed.countryCallingCode}`,
  };
};
