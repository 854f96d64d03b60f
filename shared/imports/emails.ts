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

export const readEmail = (text: string): EmailRead => {
  if (text.length <= MAX_LENGTH && SIMPLE_EMAIL.test(text)) {
    const lower = text.toLowerCase();
    if (EMAIL.test(lower)) return { ok: true, email: lower };
  }
  const email = canonicalEmail(unwrap(text));
  if (email.length > MAX_LENGTH)
    return { ok: false, message: `${quote(text)} is too long for an e-mail address` };
  if (!EMAIL.test(email)) return { ok: false, message: `${quote(text)} is not an e-mail address` };
  return { ok: true, email };
};
