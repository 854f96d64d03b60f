import {
  Metadata,
  getCountries,
  parsePhoneNumberWithError,
  type CountryCode,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';
import { ownString } from './own-string';

/**
 * Phone numbers read as Twenty's server reads them (transform-phones-value.util.ts): libphonenumber
 * `parsePhoneNumberWithError(number, { defaultCallingCode, defaultCountry })` with the default
 * ("min") metadata, then the national number, the country and the calling code are stored. A
 * parse error is a refusal ("Provided phone number is invalid"), so a national number without a
 * country is refused too.
 *
 * Speed: libphonenumber compiles its regular expressions on every call (~4–8 µs a number), too
 * slow for a million rows. Results are memoised, and numbers written with digits and separators
 * only go through a template learnt from an earlier number of the same shape (same context, first
 * digits and length): its decisions (calling code, prefixes stripped, country) hold for the new
 * number when the same national-number patterns and national prefixes match at the same offsets
 * and, for calling codes shared by several countries, the country libphonenumber would pick
 * (emulated with compiled patterns) is the same. A shape keeps up to eight templates (numbers of
 * one shape differ in what their later digits fit, e.g. GB mobiles); a number that a prefix with
 * a transform rule or a capture group matches never makes or uses one. Anything else takes the
 * full parse. phone-numbers.test.ts compares both paths on thousands of numbers.
 */
export interface ParsedPhone {
  /** National significant number, as Twenty stores `primaryPhoneNumber`. */
  nationalNumber: string;
  /** ISO 3166 alpha-2, or '' when libphonenumber cannot tell (e.g. an invalid +1 number). */
  country: string;
  /** Digits only, without '+'. */
  callingCode: string;
}

export type PhoneParseError = 'NOT_A_NUMBER' | 'INVALID_COUNTRY' | 'TOO_SHORT' | 'TOO_LONG';

export type PhoneParse = { ok: true; phone: ParsedPhone } | { ok: false; error: PhoneParseError };

export interface PhoneContext {
  defaultCountry?: string;
  /** Digits, without '+'. */
  defaultCallingCode?: string;
}

const META = new Metadata(metadata);

interface PlanLike {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | number | undefined;
  nationalPrefixTransformRule(): string | number | undefined;
  leadingDigits(): string | number | undefined;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
interface MetadataLike {
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan: PlanLike & { callingCode(): string };
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  hasCountry(country: string): boolean;
  hasCallingCode(callingCode: string): boolean;
}
const meta = META as unknown as MetadataLike;

export const SUPPORTED_COUNTRIES: ReadonlySet<string> = new Set(getCountries(metadata));

export const isSupportedCountry = (code: string): boolean => SUPPORTED_COUNTRIES.has(code);

/** Countries sharing a calling code ('1' → US, CA, …), main country first; [] when unknown. */
export const countriesForCallingCode = (callingCode: string): readonly string[] =>
  meta.getCountryCodesForCallingCode(callingCode) ?? [];

export const callingCodeOf = (country: string): string | undefined => {
  if (!meta.hasCountry(country)) return undefined;
  meta.selectNumberingPlan(country);
  return meta.numberingPlan.callingCode();
};

/** Compiled patterns of one numbering plan (country or calling code), built once. */
interface CompiledPlan {
  national: RegExp;
  /** The national pattern matched from `lastIndex` to the end (no substring per test). */
  sticky: RegExp;
  /** The national prefix for parsing, matched at `lastIndex` (what libphonenumber strips). */
  prefix: RegExp | null;
  /**
   * The prefix rewrites the number when it matches: a transform rule builds it from later
   * digits (AR, BR, JP, NANP islands, GG/JE/IM…), a capture group takes a carrier code after
   * which libphonenumber may read an international prefix (CN '12843 00 1…' is a +1 number). A
   * template never stands for a number such a prefix matches.
   */
  rewrites: boolean;
  leading: RegExp | null;
  types: Array<{ pattern: RegExp; lengths: number[] | undefined }>;
}
const TYPE_NAMES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];
const plans = new Map<string, CompiledPlan>();
const planOf = (countryOrCallingCode: string): CompiledPlan => {
  let plan = plans.get(countryOrCallingCode);
  if (plan) return plan;
  // A calling code selects its main country's plan: share the compiled one.
  const main = countriesForCallingCode(countryOrCallingCode)[0];
  if (main && main !== '001' && main !== countryOrCallingCode) {
    plan = planOf(main);
    plans.set(countryOrCallingCode, plan);
    return plan;
  }
  meta.selectNumberingPlan(countryOrCallingCode);
  const numbering = meta.numberingPlan;
  const leading = numbering.leadingDigits();
  const prefixForParsing = numbering.nationalPrefixForParsing();
  plan = {
    national: new RegExp(`^(?:${numbering.nationalNumberPattern()})$`),
    sticky: new RegExp(`(?:${numbering.nationalNumberPattern()})$`, 'y'),
    prefix:
      typeof prefixForParsing === 'string' && prefixForParsing
        ? new RegExp(`(?:${prefixForParsing})`, 'y')
        : null,
    rewrites:
      Boolean(numbering.nationalPrefixTransformRule()) ||
      (typeof prefixForParsing === 'string' && prefixForParsing.includes('(')),
    leading: typeof leading === 'string' && leading ? new RegExp(`^(?:${leading})`) : null,
    types: TYPE_NAMES.flatMap((name) => {
      const type = numbering.type(name);
      const pattern = type?.pattern();
      return pattern
        ? [{ pattern: new RegExp(`^(?:${pattern})$`), lengths: type!.possibleLengths() }]
        : [];
    }),
  };
  plans.set(countryOrCallingCode, plan);
  return plan;
};

const isOfType = (plan: CompiledPlan, national: string): boolean => {
  for (const type of plan.types)
    if ((!type.lengths || type.lengths.includes(national.length)) && type.pattern.test(national))
      return true;
  return false;
};

/** libphonenumber's getCountryByNationalNumber with compiled patterns. */
const countryByNationalNumber = (callingCode: string, national: string): string | undefined => {
  for (const country of countriesForCallingCode(callingCode)) {
    const plan = planOf(country);
    if (plan.leading) {
      if (plan.leading.test(national)) return country;
    } else if (plan.national.test(national) && isOfType(plan, national)) return country;
  }
  return undefined;
};

/** Whether the national number fits its country's plan (a warning, Twenty does not check it). */
export const isPlausible = (phone: ParsedPhone): boolean => {
  const plan = planOf(phone.country || phone.callingCode);
  return plan.national.test(phone.nationalNumber);
};

const fullParse = (raw: string, context: PhoneContext): PhoneParse => {
  try {
    const parsed = parsePhoneNumberWithError(
      raw,
      {
        defaultCountry: context.defaultCountry as CountryCode | undefined,
        defaultCallingCode: context.defaultCallingCode,
      },
      metadata,
    );
    return {
      ok: true,
      phone: {
        nationalNumber: parsed.nationalNumber,
        country: parsed.country ?? '',
        callingCode: parsed.countryCallingCode,
      },
    };
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      error:
        message === 'INVALID_COUNTRY' || message === 'TOO_SHORT' || message === 'TOO_LONG'
          ? message
          : 'NOT_A_NUMBER',
    };
  }
};

const PREFIX_DIGITS = 5;
const MIN_FAST_DIGITS = 6;
const CACHE_LIMIT = 200_000;
/** Templates per shape: numbers of one shape may differ in the patterns their later digits fit. */
const MAX_VARIANTS = 8;
/**
 * Without '+', libphonenumber may also try the default calling code at the start of the digits
 * (up to three) before deciding: the signature looks that far even when the head is shorter.
 */
const NATIONAL_SPAN = 3;

interface Template {
  /** The digits before the national number (IDD, calling code, national prefix), which must recur. */
  head: string;
  callingCode: string;
  /** Country for calling codes of one country; null when it depends on the number (shared codes). */
  country: string | null;
  /** Country when the shared-code emulation finds none ('' or the default country). */
  fallbackCountry: string;
  /** Plans whose patterns decide the parse (the initial one, then the calling code's). */
  plans: CompiledPlan[];
  /** Offsets 0…span of the digits where libphonenumber may try a prefix or the national pattern. */
  span: number;
  signature: Int8Array;
  emulated: string;
}

/** Per context (default country / calling code): templates by shape, full parses by text. */
interface ContextCache {
  templates: Map<number, Template[]>;
  memo: Map<string, PhoneParse>;
}
const caches = new Map<string, ContextCache>();
const cacheByContext = new WeakMap<PhoneContext, ContextCache>();

let lastContext: PhoneContext | null = null;
let lastCache: ContextCache | null = null;

const cacheOf = (context: PhoneContext): ContextCache => {
  // A reader passes the same context for every row: skip the WeakMap then.
  if (context === lastContext) return lastCache!;
  let cache = cacheByContext.get(context);
  if (cache) {
    lastContext = context;
    lastCache = cache;
    return cache;
  }
  const key = `${context.defaultCountry ?? ''}#${context.defaultCallingCode ?? ''}`;
  cache = caches.get(key);
  if (!cache) caches.set(key, (cache = { templates: new Map(), memo: new Map() }));
  cacheByContext.set(context, cache);
  lastContext = context;
  lastCache = cache;
  return cache;
};

/** Reused: fromCharCode.apply on a plain array costs less than on a typed array's view. */
const DIGIT_CODES: number[] = [];
/** The separators people type between digits: space ( ) - . / */
const SEPARATOR = new Uint8Array(128);
for (const separator of ' ()-./') SEPARATOR[separator.charCodeAt(0)] = 1;

/**
 * The digits of a number written with digits, separators and a leading +, in one pass; null for
 * anything else (letters, "ext.", other scripts' digits take the full parse). Char codes and
 * fromCharCode: a regex replace costs twice as much.
 */
const simpleDigits = (raw: string): string | null => {
  if (raw.length > 64) return null;
  let count = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 48 && code <= 57) DIGIT_CODES[count++] = code;
    else if (!(code < 128 && SEPARATOR[code] === 1) && !(code === 43 && i === 0)) return null;
  }
  // Shrinking one element at a time keeps the array's backing store (no reallocation).
  while (DIGIT_CODES.length > count) DIGIT_CODES.pop();
  return String.fromCharCode.apply(null, DIGIT_CODES);
};
const NO_CONTEXT: PhoneContext = {};

/** Three entries per plan and offset (see signatureOf); digits are at most 64. */
const SIGNATURE = new Int8Array(3 * 2 * 65);
const TRANSFORMED = -1;

/**
 * What libphonenumber's choices (strip a calling code? a national prefix? keep it?) test beyond
 * the first digits, for each plan and each offset up to `span`: whether the national pattern
 * matches the digits from there, the length of the national prefix it would strip there (-1:
 * none), and whether the national pattern matches after that prefix. Written into SIGNATURE;
 * returns its length, or TRANSFORMED when a prefix that rewrites the number matches.
 */
const signatureOf = (plans: CompiledPlan[], digits: string, span: number): number => {
  let n = 0;
  for (const plan of plans)
    for (let k = 0; k <= span; k++) {
      plan.sticky.lastIndex = k;
      SIGNATURE[n++] = plan.sticky.test(digits) ? 1 : 0;
      let length = -1;
      if (plan.prefix) {
        plan.prefix.lastIndex = k;
        if (plan.prefix.test(digits)) {
          if (plan.rewrites) return TRANSFORMED;
          length = plan.prefix.lastIndex - k;
        }
      }
      SIGNATURE[n++] = length;
      if (length > 0) plan.sticky.lastIndex = k + length;
      SIGNATURE[n++] = length > 0 && plan.sticky.test(digits) ? 1 : 0;
    }
  return n;
};

/** signatureOf compared with a template's as it goes: stops at the first difference. */
const sameSignature = (template: Template, digits: string): boolean => {
  const expected = template.signature;
  const span = template.span;
  let n = 0;
  for (const plan of template.plans)
    for (let k = 0; k <= span; k++) {
      plan.sticky.lastIndex = k;
      if ((plan.sticky.test(digits) ? 1 : 0) !== expected[n++]) return false;
      let length = -1;
      if (plan.prefix) {
        plan.prefix.lastIndex = k;
        if (plan.prefix.test(digits)) length = plan.prefix.lastIndex - k;
      }
      if (length !== expected[n++]) return false;
      if (length > 0) {
        plan.sticky.lastIndex = k + length;
        if ((plan.sticky.test(digits) ? 1 : 0) !== expected[n]) return false;
      }
      n++;
    }
  return true;
};

const plansFor = (context: PhoneContext, plus: boolean, callingCode: string): CompiledPlan[] => {
  const initial = plus
    ? callingCode
    : (context.defaultCountry ?? context.defaultCallingCode ?? callingCode);
  const first = planOf(initial);
  const second = planOf(callingCode);
  return first === second ? [first] : [first, second];
};

const learn = (
  cache: ContextCache,
  key: number,
  context: PhoneContext,
  plus: boolean,
  digits: string,
  result: PhoneParse,
) => {
  const { templates } = cache;
  if (!result.ok || !digits.endsWith(result.phone.nationalNumber)) return;
  let variants = templates.get(key);
  if (variants && variants.length >= MAX_VARIANTS) return;
  const { callingCode, nationalNumber, country } = result.phone;
  const plans = plansFor(context, plus, callingCode);
  const headLength = digits.length - nationalNumber.length;
  const span = plus ? headLength : Math.max(headLength, NATIONAL_SPAN);
  const length = signatureOf(plans, digits, span);
  if (length === TRANSFORMED) return;
  const shared = countriesForCallingCode(callingCode).length > 1;
  if (shared) {
    // A prefix stripped elsewhere than before the national number: libphonenumber checks that
    // number's length against the country its digits suggest, which the template does not see.
    for (let i = 1; i < length; i += 3) {
      const at = ((i - 1) / 3) % (span + 1);
      if (SIGNATURE[i]! > 0 && at + SIGNATURE[i]! !== headLength) return;
    }
  }
  const emulated = shared ? (countryByNationalNumber(callingCode, nationalNumber) ?? '') : '';
  if (shared && emulated !== '' && emulated !== country) return;
  if (templates.size >= CACHE_LIMIT) templates.clear();
  if (!variants) templates.set(key, (variants = []));
  variants.push({
    head: digits.slice(0, headLength),
    callingCode,
    country: shared ? null : country,
    fallbackCountry: shared && emulated === '' ? country : '',
    plans,
    span,
    signature: SIGNATURE.slice(0, length),
    emulated,
  });
};

const fromTemplate = (template: Template, digits: string): PhoneParse | null => {
  if (!digits.startsWith(template.head)) return null;
  const nationalNumber = digits.slice(template.head.length);
  const emulated =
    template.country === null
      ? (countryByNationalNumber(template.callingCode, nationalNumber) ?? '')
      : '';
  if (emulated !== template.emulated) return null;
  if (!sameSignature(template, digits)) return null;
  return {
    ok: true,
    phone: {
      nationalNumber,
      country: template.country ?? (emulated || template.fallbackCountry),
      callingCode: template.callingCode,
    },
  };
};

/** Parses one number as Twenty's server would, from the caches when it can. */
export const parsePhone = (text: string, context: PhoneContext = NO_CONTEXT): PhoneParse => {
  const raw = text.trim();
  const cache = cacheOf(context);
  let templateKey = -1;
  let digits = '';
  let plus = false;
  const simple = simpleDigits(raw);
  if (simple !== null) {
    digits = simple;
    if (digits.length >= MIN_FAST_DIGITS && digits.length < 100) {
      plus = raw.charCodeAt(0) === 43;
      // Shape: '+' or not, the first five digits, the digit count — as one number, no string.
      let prefix = 0;
      for (let i = 0; i < PREFIX_DIGITS; i++) prefix = prefix * 10 + digits.charCodeAt(i) - 48;
      templateKey = ((plus ? 100_000 : 0) + prefix) * 100 + digits.length;
      const variants = cache.templates.get(templateKey);
      if (variants)
        for (let i = 0; i < variants.length; i++) {
          const fast = fromTemplate(variants[i]!, digits);
          if (fast) return fast;
        }
    }
  }
  // Only full parses are memoised: they are the expensive ones, and repeated values are common.
  let result = cache.memo.get(raw);
  if (!result) {
    result = fullParse(raw, context);
    if (cache.memo.size >= CACHE_LIMIT) cache.memo.clear();
    cache.memo.set(ownString(raw), result);
  }
  if (templateKey >= 0) learn(cache, templateKey, context, plus, digits, result);
  return result;
};

/** Only for tests: the full libphonenumber parse, bypassing every cache. */
export const parsePhoneUncached = (text: string, context: PhoneContext = {}): PhoneParse =>
  fullParse(text.trim(), context);
