/**
 * Node's fetch (undici) rejects with `TypeError('fetch failed')` whose `cause` (sometimes an
 * AggregateError, one per address tried) carries a system or undici code. We classify by that code
 * and decide whether the request can have reached the server: only failures to connect are proof
 * that nothing was sent. A reset or "other side closed" after connecting is NOT: the server may
 * have received and executed the request (see fault-proxy "reset-after-forward").
 */
export type NetworkFailureKind = 'DNS' | 'REFUSED' | 'TLS' | 'TIMEOUT' | 'RESET' | 'NETWORK';

export interface NetworkFailure {
  kind: NetworkFailureKind;
  code: string | null;
  /** True only when the request certainly never reached the server. */
  notSent: boolean;
  message: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const REFUSED_CODES = new Set(['ECONNREFUSED']);
const NOT_SENT_CODES = new Set([
  ...DNS_CODES,
  ...REFUSED_CODES,
  'UND_ERR_CONNECT_TIMEOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
]);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export const isTlsCode = (code: string): boolean =>
  code.startsWith('CERT_') ||
  code.startsWith('ERR_TLS_') ||
  code.startsWith('ERR_SSL_') ||
  code.startsWith('UNABLE_TO_') ||
  [
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'HOSTNAME_MISMATCH',
    'ERR_SSL_WRONG_VERSION_NUMBER',
  ].includes(code);

/** Every error in the cause chain (and inside AggregateErrors), outermost first. */
const causeChain = (error: unknown): Array<Error & { code?: unknown }> => {
  const seen: Array<Error & { code?: unknown }> = [];
  // Duck-typed: errors raised inside undici may come from another realm than ours.
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 6) return;
    const error = value as Error & { code?: unknown; errors?: unknown; cause?: unknown };
    if (seen.includes(error)) return;
    seen.push(error);
    if (Array.isArray(error.errors)) error.errors.forEach((inner) => visit(inner, depth + 1));
    visit(error.cause, depth + 1);
  };
  visit(error, 0);
  return seen;
};

export const classifyNetworkError = (error: unknown): NetworkFailure => {
  const chain = causeChain(error);
  const codes = chain
    .map((item) => (typeof item.code === 'string' ? item.code : null))
    .filter((code): code is string => code !== null);
  const code = codes[0] ?? null;
  const innermost = chain[chain.length - 1];
  const message = innermost?.message || (error instanceof Error ? error.message : String(error));
  const notSent = codes.some((c) => NOT_SENT_CODES.has(c));
  const has = (set: Set<string>) => codes.find((c) => set.has(c));
  const found =
    has(DNS_CODES) ??
    has(REFUSED_CODES) ??
    codes.find(isTlsCode) ??
    has(TIMEOUT_CODES) ??
    has(RESET_CODES) ??
    null;
  const kind: NetworkFailureKind = !found
    ? /certificate|self[- ]signed|ssl|tls/i.test(message)
      ? 'TLS'
      : 'NETWORK'
    : DNS_CODES.has(found)
      ? 'DNS'
      : REFUSED_CODES.has(found)
        ? 'REFUSED'
        : isTlsCode(found)
          ? 'TLS'
          : TIMEOUT_CODES.has(found)
            ? 'TIMEOUT'
            : 'RESET';
  return { kind, code: found ?? code, notSent, message };
};
