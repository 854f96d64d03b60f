import { quote } from './cell-problems';

/**
 * Links as Twenty accepts them (record-transformer remove-empty-links + twenty-shared
 * absoluteUrlSchema / isValidHostname): a scheme is optional ("example.com" is kept as written),
 * the host must look like a domain, an IPv4 address or localhost, and a host made of digits only
 * is refused. Stored with the origin lower-cased and the trailing slash removed
 * (normalizeUrlOrigin), or as the bare domain when the field's settings say `type: 'domain'`
 * (normalizeDomain).
 */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DIGITS_HOST = /^\d+(?:\/[a-zA-Z]*)?$/;
const HOSTNAME =
  /^(((?!-))(xn--|_)?[a-z0-9-]{0,61}[a-z0-9]{1,1}\.){1,10}(xn--)?([a-z0-9][a-z0-9-]{0,60}|[a-z0-9-]{1,30}\.[a-z]{2,})$/;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

const isValidHostname = (host: string): boolean =>
  HOSTNAME.test(host) || IPV4.test(host) || host === 'localhost';

/**
 * HOSTNAME's verdict for the hosts SIMPLE_URL lets through (labels of [a-z0-9-], a TLD of
 * letters), without its costly look-aheads: true when no label starts or ends with '-', none
 * exceeds 61 characters and there are at most 11; otherwise the regex decides.
 */
const isValidSimpleHost = (host: string): boolean => {
  let labels = 1;
  let start = 0;
  for (let i = 0; i <= host.length; i++) {
    if (i < host.length && host.charCodeAt(i) !== 46) continue;
    const length = i - start;
    if (length > 61 || host.charCodeAt(start) === 45 || host.charCodeAt(i - 1) === 45)
      return isValidHostname(host);
    if (i < host.length) labels++;
    start = i + 1;
  }
  return labels <= 11 || isValidHostname(host);
};

export type LinkVariant = 'url' | 'domain';
export type LinkRead = { ok: true; url: string } | { ok: false; message: string };

const normalizeOrigin = (raw: string): string => {
  if (!SCHEME.test(raw)) return raw;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return raw;
    return `${url.origin}${url.pathname}${url.search}${url.hash}`.replace(/\/$/, '');
  } catch {
    return raw;
  }
};

const SCHEME_PREFIX = /^[a-z][a-z0-9+.-]*:\/\//i;
const normalizeDomain = (raw: string): string => {
  const [pathless = ''] = raw
    .trim()
    .replace(SCHEME_PREFIX, '')
    .split(/[/\\?#]/);
  const labels = pathless.replace(/^.*@/, '').replace(/:\d+$/, '').toLowerCase().split('.');
  while (labels.length > 0 && labels[labels.length - 1] === '') labels.pop();
  while (labels[0] === 'www') labels.shift();
  const host = labels.join('.');
  try {
    return new URL(`https://${host}`).hostname;
  } catch {
    return host;
  }
};

/**
 * Plain ASCII URLs (the bulk of a file) whose WHATWG parse is known without running it: no
 * port, user, fragment, dot segments or characters URL would escape. Others take `new URL`.
 */
const SIMPLE_URL =
  /^(?:([A-Za-z]+):\/\/)?((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})((?:\/[A-Za-z0-9\-._~!$&()*+,;=:@%]*)*)(\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?$/;
const DOT_SEGMENT = /\/\.|\.\//;

const readSimpleLink = (raw: string, variant: LinkVariant): LinkRead | null => {
  const match = SIMPLE_URL.exec(raw);
  if (!match || DOT_SEGMENT.test(match[3] ?? '')) return null;
  const scheme = match[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return null;
  const host = match[2]!.toLowerCase();
  if (!isValidSimpleHost(host)) return { ok: false, message: `${quote(raw)} is not a web address` };
  if (variant === 'domain') {
    const labels = host.split('.');
    while (labels[0] === 'www') labels.shift();
    return { ok: true, url: labels.join('.') };
  }
  if (scheme === undefined) return { ok: true, url: raw };
  const query = match[4] ?? '';
  const path = match[3] || '/';
  const url = `${scheme}://${host}${path}${query}`;
  return { ok: true, url: url.endsWith('/') ? url.slice(0, -1) : url };
};

/** Validates and normalises one URL cell. */
export const readLink = (text: string, variant: LinkVariant = 'url'): LinkRead => {
  const raw = text.trim();
  const simple = readSimpleLink(raw, variant);
  if (simple) return simple;
  const absolute = SCHEME.test(raw) ? raw : `https://${raw}`;
  const withoutScheme = absolute.replace(SCHEME, '');
  let valid = !DIGITS_HOST.test(withoutScheme) && !/\s/.test(raw);
  if (valid) {
    try {
      valid = isValidHostname(new URL(absolute).hostname);
    } catch {
      valid = false;
    }
  }
  if (!valid) return { ok: false, message: `${quote(text)} is not a web address` };
  return { ok: true, url: variant === 'domain' ? normalizeDomain(raw) : normalizeOrigin(raw) };
};

/** The domain of a URL or e-mail-free website text, for lookups and dedupe keys. */
export const domainOf = (text: string): string => normalizeDomain(text);
