import { quote } from './cell-problems';

/**
 * E-mail addresses as Twenty stores them (twenty-shared canonicalizeEmail, E3): trimmed, local
 * part lower-cased, domain NFKC-normalised, lower-cased, in punycode, without a trailing dot.
 * Validity follows Twenty's front-end check (zod `.email()`), applied after canonicalisation so
 * that internationalised domains pass; the server itself stores any text, so this is where bad
 * addresses are caught.
 */
const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const SIMPLE_ASCII = /^[\x21-\x7e]+$/;
const UNSAFE_DOMAIN = /[\s/\\?#@:[\]]/;
const MAX_LENGTH = 320;

const canonicalDomain = (domain: string): string => {
  // ASCII domains need no URL round trip (the common case on big files).
  if (SIMPLE_ASCII.test(domain) && !domain.endsWith('.')) return domain.toLowerCase();
  const normalized = domain
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[。．｡]/g, '.');
  if (UNSAFE_DOMAIN.test(normalized)) return normalized;
  try {
    return new URL(`https://${normalized}`).hostname.replace(/\.+$/, '');
  } catch {
    return normalized;
  }
};

export const canonicalEmail = (email: string): string => {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return trimmed.toLowerCase();
  return `${trimmed.slice(0, at).toLowerCase()}@${canonicalDomain(trimmed.slice(at + 1))}`;
};

/**
 * Whether `canonicalEmail` would return the text unchanged, decided without building strings:
 * printable ASCII only, no capitals, no trailing dot (a domain ending with '.' is rewritten).
 */
export const isCanonicalAsciiEmail = (text: string): boolean => {
  const length = text.length;
  if (length === 0 || text.charCodeAt(length - 1) === 46) return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || (code >= 65 && code <= 90)) return false;
  }
  return true;
};

/** Strips "Name <a@b.c>" and "mailto:" wrappers that exports and copy-pastes leave. */
const ANGLE = /<([^<>]+)>\s*$/;
const unwrap = (text: string): string => {
  let value = text;
  if (value.includes('<')) {
    const angle = ANGLE.exec(value);
    if (angle) value = angle[1]!;
  }
  const start = value.charCodeAt(0) | 0x20;
  if (start === 0x6d && value.slice(0, 7).toLowerCase() === 'mailto:') value = value.slice(7);
  return value;
};

export type EmailRead = { ok: true; email: string } | { ok: false; message: string };

/** ASCII addresses whose canonical form is just their lower case (the bulk of a file). */
const SIMPLE_EMAIL = /^[A-Za-z0-9_'+\-.]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/**
 * EMAIL's verdict on a text SIMPLE_EMAIL matched, with char codes: no leading dot, no '..', the
 * last character before '@' not '.' or an apostrophe, domain labels not starting with '-', a
 * last label of two letters or more. (EMAIL's look-ahead scans the text again; this does not.)
 */
const isValidSimpleEmail = (text: string): boolean => {
  if (text.charCodeAt(0) === 46) return false;
  const at = text.indexOf('@');
  const beforeAt = text.charCodeAt(at - 1);
  if (beforeAt === 46 || beforeAt === 39) return false;
  let previous = 0;
  let labelStart = at + 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 && previous === 46) return false;
    previous = code;
    if (i <= at) continue;
    if (i === labelStart && code === 45) return false;
    if (code === 46) labelStart = i + 1;
  }
  if (text.length - labelStart < 2) return false;
  for (let i = labelStart; i < text.length; i++) {
    const letter = text.charCodeAt(i) | 0x20;
    if (letter < 97 || letter > 122) return false;
  }
  return true;
};

export const readEmail = (text: string): EmailRead => {
  if (text.length <= MAX_LENGTH && SIMPLE_EMAIL.test(text)) {
    if (isValidSimpleEmail(text)) return { ok: true, email: text.toLowerCase() };
  }
  const email = canonicalEmail(unwrap(text));
  if (email.length > MAX_LENGTH)
    return { ok: false, message: `${quote(text)} is too long for an e-mail address` };
  if (!EMAIL.test(email)) return { ok: false, message: `${quote(text)} is not an e-mail address` };
  return { ok: true, email };
};
