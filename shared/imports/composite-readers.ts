import { COMPOSITE_TYPES, type CompositeFieldType } from '../domain/composite-types';
import { INVALID, quote } from './cell-problems';
import { countryCodeOf, countryNameOf } from './countries';
import { currencyCodeOf as currencyCodeOfText } from './currencies';
import { readEmail } from './emails';
import { readLink, type LinkVariant } from './links';
import { decimalPlaces, parseDecimal, toMicros } from './numbers';
import {
  collectItems,
  first,
  maxValuesWarning,
  type CompositeReader,
  type PartTexts,
} from './part-texts';
import { ownString } from './own-string';
import { phonesReader } from './phone-reader';
import type { ReaderContext } from './scalar-readers';

export type { CompositeReader, PartTexts } from './part-texts';

/**
 * Readers of the composite types. A composite gets the texts of its parts keyed by sub-field
 * (one column per part, or one column split by `splitSingleColumn`); list sub-fields
 * (additionalEmails, additionalPhones, secondaryLinks) take several. Only sub-fields that have a
 * source are written, so an update never clears a part the mapping does not mention (Twenty
 * keeps sub-fields left out of the input). Shapes: shared/twenty-api/core-api.md §4.2.
 */
export const LIST_PARTS: ReadonlySet<string> = new Set([
  'additionalEmails',
  'additionalPhones',
  'secondaryLinks',
]);

/** Parts a mapping may give per composite type (CURRENCY amountMicros = the amount as written). */
export const IMPORTABLE_PARTS: Partial<Record<CompositeFieldType, readonly string[]>> = {
  FULL_NAME: ['firstName', 'lastName'],
  EMAILS: ['primaryEmail', 'additionalEmails'],
  PHONES: [
    'primaryPhoneNumber',
    'primaryPhoneCountryCode',
    'primaryPhoneCallingCode',
    'additionalPhones',
  ],
  LINKS: ['primaryLinkUrl', 'primaryLinkLabel', 'secondaryLinks'],
  CURRENCY: ['amountMicros', 'currencyCode'],
  ADDRESS: COMPOSITE_TYPES.ADDRESS.map((sub) => sub.name),
};

const EMAIL_SPLIT = /[\s,;]+/;
const EMAIL_MIGHT_SPLIT = /[\s,;]/;
const LINK_MIGHT_SPLIT = /[\s;|,]/;
/** Links split on spaces, ; and |, and on commas followed by a space (a URL may hold a comma). */
const LINK_SPLIT = /\s*[;|]\s*|,\s+|\s+/;

/** One column holding a whole composite, as parts. */
export const splitSingleColumn = (type: CompositeFieldType, text: string): PartTexts => {
  const value = text.trim();
  switch (type) {
    case 'FULL_NAME': {
      const comma = value.indexOf(',');
      if (comma > 0)
        return {
          firstName: [value.slice(comma + 1).trim()],
          lastName: [value.slice(0, comma).trim()],
        };
      const space = value.search(/\s/);
      return space < 0
        ? { firstName: [value], lastName: [''] }
        : { firstName: [value.slice(0, space)], lastName: [value.slice(space).trim()] };
    }
    // The readers split lists: the first item is the primary value, the others the additional ones.
    case 'EMAILS':
      return { primaryEmail: [value] };
    case 'PHONES':
      return { primaryPhoneNumber: [value] };
    case 'LINKS':
      return { primaryLinkUrl: [value] };
    case 'CURRENCY':
      return { amountMicros: [value] };
    case 'ADDRESS':
      return { addressStreet1: [value] };
    default:
      return {};
  }
};

/** Sub-fields a single column writes (others stay untouched on update). */
export const SINGLE_COLUMN_PARTS: Partial<Record<CompositeFieldType, readonly string[]>> = {
  FULL_NAME: ['firstName', 'lastName'],
  EMAILS: ['primaryEmail'],
  // The number's country and calling code are written with it.
  PHONES: ['primaryPhoneNumber'],
  LINKS: ['primaryLinkUrl'],
  CURRENCY: ['amountMicros', 'currencyCode'],
  ADDRESS: ['addressStreet1'],
};

/** "Ada <ada@example.com>" → the address, before lists are split on spaces. */
const NAMED_ADDRESS = /[^,;<>]*<([^<>\s]+@[^<>\s]+)>/g;
const unwrapNamed = (text: string): string =>
  text.includes('<') ? text.replace(NAMED_ADDRESS, ' $1 ') : text;

const EMAIL_KEYS = ['primaryEmail', 'additionalEmails'];

const onlyPrimary = (mapped: ReadonlySet<string>, primary: string): boolean =>
  mapped.size === 1 && mapped.has(primary);

const emailsReader = (ctx: ReaderContext, mapped: ReadonlySet<string>): CompositeReader => {
  const separator = ctx.hints.listSeparator;
  const one: CompositeReader['one'] = onlyPrimary(mapped, 'primaryEmail')
    ? (text, issues) => {
        if (separator === undefined ? EMAIL_MIGHT_SPLIT.test(text) : text.includes(separator))
          return null;
        const email = readEmail(text);
        if (email.ok) return { primaryEmail: email.email };
        issues.error(email.message, 'primaryEmail');
        return INVALID;
      }
    : undefined;
  const read: CompositeReader = (parts, issues) => {
    const items: string[] = [];
    const itemParts: string[] = [];
    collectItems(
      parts,
      EMAIL_KEYS,
      EMAIL_MIGHT_SPLIT,
      EMAIL_SPLIT,
      separator,
      items,
      itemParts,
      unwrapNamed,
    );
    const emails: string[] = [];
    let failed = false;
    for (let i = 0; i < items.length; i++) {
      const email = readEmail(items[i]!);
      if (!email.ok) {
        issues.error(email.message, itemParts[i]);
        failed = true;
      } else if (!emails.includes(email.email)) emails.push(email.email);
    }
    if (failed) return INVALID;
    maxValuesWarning(ctx, emails.length, issues, 'primaryEmail');
    const value: Record<string, unknown> = {};
    if (mapped.has('primaryEmail') || emails.length > 0) value.primaryEmail = emails[0] ?? null;
    if (mapped.has('additionalEmails') || emails.length > 1)
      value.additionalEmails = emails.slice(1);
    return value;
  };
  return Object.assign(read, { one });
};

const LINK_KEYS = ['primaryLinkUrl', 'secondaryLinks'];

const linksReader = (ctx: ReaderContext, mapped: ReadonlySet<string>): CompositeReader => {
  const variant: LinkVariant = ctx.field.settings?.type === 'domain' ? 'domain' : 'url';
  const separator = ctx.hints.listSeparator;
  const one: CompositeReader['one'] = onlyPrimary(mapped, 'primaryLinkUrl')
    ? (text, issues) => {
        if (separator === undefined ? LINK_MIGHT_SPLIT.test(text) : text.includes(separator))
          return null;
        const link = readLink(text, variant);
        if (link.ok) return { primaryLinkUrl: link.url };
        issues.error(link.message, 'primaryLinkUrl');
        return INVALID;
      }
    : undefined;
  const read: CompositeReader = (parts, issues) => {
    const items: string[] = [];
    const itemParts: string[] = [];
    collectItems(parts, LINK_KEYS, LINK_MIGHT_SPLIT, LINK_SPLIT, separator, items, itemParts);
    const urls: string[] = [];
    let failed = false;
    for (let i = 0; i < items.length; i++) {
      const link = readLink(items[i]!, variant);
      if (!link.ok) {
        issues.error(link.message, itemParts[i]);
        failed = true;
      } else if (!urls.includes(link.url)) urls.push(link.url);
    }
    if (failed) return INVALID;
    maxValuesWarning(ctx, urls.length, issues, 'primaryLinkUrl');
    const value: Record<string, unknown> = {};
    if (urls.length || mapped.has('primaryLinkUrl')) value.primaryLinkUrl = urls[0] ?? null;
    if (mapped.has('primaryLinkLabel')) value.primaryLinkLabel = first(parts, 'primaryLinkLabel');
    if (mapped.has('secondaryLinks') || urls.length > 1) {
      const secondary: Array<{ url: string; label: string }> = [];
      for (let i = 1; i < urls.length; i++) secondary.push({ url: urls[i]!, label: '' });
      value.secondaryLinks = secondary;
    }
    return value;
  };
  return Object.assign(read, { one });
};

const PLAIN_AMOUNT = /^-?\d+(?:\.\d+)?$/;
const AMOUNT = /^([+\-−]?)\s*([^\d\s+\-−().,]+)?\s*(.*?)\s*([^\d\s+\-−().,%]+)?$/u;

/** The field's own default currency (`"'EUR'"` as Twenty stores defaults). */
export const defaultCurrencyOf = (ctx: ReaderContext): string | undefined => {
  const code = (ctx.field.defaultValue as { currencyCode?: unknown } | null)?.currencyCode;
  const unquoted = typeof code === 'string' ? code.replace(/'/g, '') : '';
  return unquoted || undefined;
};

const currencyReader = (ctx: ReaderContext): CompositeReader => {
  const fallback = ctx.options.currency ?? defaultCurrencyOf(ctx) ?? 'USD';
  // Currency cells repeat a few codes: remember them.
  const codes = new Map<string, string | undefined>();
  const currencyCodeOf = (text: string): string | undefined => {
    if (codes.has(text)) return codes.get(text);
    const code = currencyCodeOfText(text, fallback);
    if (codes.size < 1000) codes.set(ownString(text), code);
    return code;
  };
  return (parts, issues) => {
    const amountText = first(parts, 'amountMicros');
    const codeText = first(parts, 'currencyCode');
    if (PLAIN_AMOUNT.test(amountText)) {
      // The common cell: a bare number, its currency (if any) in its own column.
      const code = codeText ? currencyCodeOf(codeText) : fallback;
      const decimal = code ? parseDecimal(amountText, ctx.hints.number) : null;
      if (code && decimal !== null) {
        const { micros, rounded } = toMicros(decimal);
        if (!rounded) return { amountMicros: micros, currencyCode: code };
      }
    }
    const match = AMOUNT.exec(amountText);
    const mark = match?.[2] ?? match?.[4];
    const markCode = mark ? currencyCodeOf(mark) : undefined;
    if (mark && !markCode) {
      issues.error(`${quote(amountText)} is not an amount`, 'amountMicros');
      return INVALID;
    }
    const code = codeText ? currencyCodeOf(codeText) : (markCode ?? fallback);
    if (!code) {
      issues.error(`${quote(codeText)} is not a currency code (e.g. USD, EUR)`, 'currencyCode');
      return INVALID;
    }
    if (markCode && code !== markCode) {
      issues.error(
        `${quote(amountText)} is in ${markCode}, but the currency given is ${code}`,
        'amountMicros',
      );
      return INVALID;
    }
    const decimal = match ? parseDecimal(`${match[1]}${match[3]}`, ctx.hints.number) : null;
    if (decimal === null) {
      issues.error(`${quote(amountText)} is not an amount`, 'amountMicros');
      return INVALID;
    }
    const { micros, rounded } = toMicros(decimal);
    if (rounded)
      issues.warn(
        `${quote(amountText)} is rounded to 6 decimals (${decimalPlaces(decimal)} given)`,
        'amountMicros',
      );
    return { amountMicros: micros, currencyCode: code };
  };
};

const fullNameReader =
  (mapped: ReadonlySet<string>): CompositeReader =>
  (parts) => {
    const value: Record<string, unknown> = {};
    if (mapped.has('firstName')) value.firstName = first(parts, 'firstName');
    if (mapped.has('lastName')) value.lastName = first(parts, 'lastName');
    return value;
  };

const addressReader = (ctx: ReaderContext, mapped: ReadonlySet<string>): CompositeReader => {
  const textParts = IMPORTABLE_PARTS.ADDRESS!.filter(
    (part) => part !== 'addressLat' && part !== 'addressLng' && mapped.has(part),
  );
  return (parts, issues) => {
    const value: Record<string, unknown> = {};
    for (const part of textParts) value[part] = first(parts, part);
    // A multi-line street (Salesforce "Mailing Street") fills the second line when unmapped.
    const street = value.addressStreet1;
    if (typeof street === 'string' && street.includes('\n') && !mapped.has('addressStreet2')) {
      const [line1 = '', ...rest] = street.split(/\r?\n/);
      value.addressStreet1 = line1.trim();
      value.addressStreet2 = rest.join(', ').trim();
    }
    const country = value.addressCountry;
    if (typeof country === 'string' && country !== '') {
      const code = countryCodeOf(country);
      const name = code ? countryNameOf(code) : undefined;
      if (name) value.addressCountry = name;
      else
        issues.warn(
          `${quote(country)} is not a country Twenty lists; it is kept as written`,
          'addressCountry',
        );
    }
    let failed = false;
    for (const [part, limit] of [
      ['addressLat', 90],
      ['addressLng', 180],
    ] as const) {
      if (!mapped.has(part)) continue;
      const text = first(parts, part);
      if (text === '') {
        value[part] = null;
        continue;
      }
      const decimal = parseDecimal(text, ctx.hints.number);
      const number = decimal === null ? NaN : Number(decimal);
      if (!(Math.abs(number) <= limit)) {
        issues.error(
          `${quote(text)} is not a ${part === 'addressLat' ? 'latitude' : 'longitude'}`,
          part,
        );
        failed = true;
      } else value[part] = number;
    }
    return failed ? INVALID : value;
  };
};

/** Sub-fields whose text makes a composite non-empty (a lone currency or country is not a value). */
export const SIGNIFICANT_PARTS: Partial<Record<CompositeFieldType, readonly string[]>> = {
  CURRENCY: ['amountMicros'],
  EMAILS: ['primaryEmail', 'additionalEmails'],
  PHONES: ['primaryPhoneNumber', 'additionalPhones'],
  LINKS: ['primaryLinkUrl', 'secondaryLinks'],
};

export const compositeReader = (
  ctx: ReaderContext,
  type: CompositeFieldType,
  mapped: ReadonlySet<string>,
): CompositeReader | { unsupported: string } => {
  switch (type) {
    case 'EMAILS':
      return emailsReader(ctx, mapped);
    case 'PHONES':
      return phonesReader(ctx, mapped);
    case 'LINKS':
      return linksReader(ctx, mapped);
    case 'CURRENCY':
      return currencyReader(ctx);
    case 'FULL_NAME':
      return fullNameReader(mapped);
    case 'ADDRESS':
      return addressReader(ctx, mapped);
    default:
      return { unsupported: `${type} fields cannot be imported from a file` };
  }
};
