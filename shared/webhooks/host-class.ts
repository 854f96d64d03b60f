/**
 * Whether a URL's host is this computer, the local network or the internet, by the ranges
 * Twenty's outbound safe mode refuses (secure-http-client `is-private-ip.util.ts`): 0.0.0.0/8,
 * 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16, ::1, ::, fc00::/7, fe80::/10, IPv4-mapped IPv6.
 * Names are not resolved (pure): `localhost` is loopback, `*.local` (mDNS) the local network.
 */
export type HostClass = 'loopback' | 'private' | 'public';

const ipv4 = (host: string): number[] | null => {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
};

const classifyIpv4 = ([a, b]: number[]): HostClass => {
  if (a === 127 || a === 0) return 'loopback';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'private';
  return 'public';
};

/** The eight hextets of an IPv6 address (`::` expanded), or null. */
const hextets = (host: string): number[] | null => {
  if (!/^[0-9a-f:]+$/.test(host)) return null;
  const [head, tail, extra] = host.split('::');
  if (extra !== undefined) return null;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  return all.every((part) => /^[0-9a-f]{1,4}$/.test(part))
    ? all.map((part) => parseInt(part, 16))
    : null;
};

const classifyIpv6 = (groups: number[]): HostClass => {
  const first = groups[0]!;
  const zeroUntil = (n: number) => groups.slice(0, n).every((group) => group === 0);
  if (zeroUntil(7) && (groups[7] === 1 || groups[7] === 0)) return 'loopback';
  // ::ffff:a.b.c.d (the URL parser writes it as ::ffff:7f00:1).
  if (zeroUntil(5) && groups[5] === 0xffff)
    return classifyIpv4([groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff]);
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return 'private';
  return 'public';
};

export const classifyHost = (hostname: string): HostClass => {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (host.endsWith('.local')) return 'private';
  const v4 = ipv4(host);
  if (v4) return classifyIpv4(v4);
  const v6 = host.includes(':') ? hextets(host) : null;
  return v6 ? classifyIpv6(v6) : 'public';
};

/** A parsed http(s) URL, or null. */
export const parseHttpUrl = (value: string): URL | null => {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};
