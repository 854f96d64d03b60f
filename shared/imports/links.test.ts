import { describe, expect, it } from 'vitest';
import { domainOf, readLink } from './links';

/** Twenty's normalizeUrlOrigin on a URL with a scheme, as a reference for the fast path. */
const reference = (raw: string): string => {
  const url = new URL(raw);
  return `${url.origin}${url.pathname}${url.search}${url.hash}`.replace(/\/$/, '');
};

describe('readLink', () => {
  it('accepts what Twenty accepts, with or without a scheme', () => {
    for (const url of [
      'https://www.example.com',
      'http://192.168.2.0:3000',
      'http://localhost',
      'example.com',
      'www.sub.example.com',
      '3.com',
      'https://example.com/path/x?query=123',
    ])
      expect(readLink(url).ok, url).toBe(true);
    for (const url of [
      '?o',
      '\\',
      'wwwexamplecom',
      'lydia,com',
      '2/toto',
      '2',
      'https://2',
      'a b.com',
    ])
      expect(readLink(url).ok, url).toBe(false);
  });

  it('stores the origin lower-cased without the trailing slash, scheme-less links as written', () => {
    expect(readLink('HTTPS://EXAMPLE.COM/')).toEqual({ ok: true, url: 'https://example.com' });
    expect(readLink('https://Example.com/Path/?Q=A')).toEqual({
      ok: true,
      url: 'https://example.com/Path/?Q=A',
    });
    expect(readLink('Example.com/')).toEqual({ ok: true, url: 'Example.com/' });
  });

  it('reduces domain-typed links to the bare domain', () => {
    for (const url of [
      'example.com',
      'www.example.com',
      'HTTPS://WWW.EXAMPLE.COM/',
      'http://example.com/careers?utm=1',
    ])
      expect(readLink(url, 'domain')).toEqual({ ok: true, url: 'example.com' });
    expect(domainOf('https://www.bücher.de/x')).toBe('xn--bcher-kva.de');
  });

  it('normalises like URL on every kind of URL (fast path and full parse agree)', () => {
    const urls = [
      'https://www.acme.com',
      'https://acme.com/a/b/',
      'http://acme.com/a.html?x=1&y=2',
      'https://acme.com?x=1',
      'https://acme.com:443/x',
      'https://acme.com/a/../b',
      'https://acme.com/%7Euser',
      'https://acme.com/#top',
      'https://user@acme.com/',
      'https://bücher.de/x',
      'https://sub-domain.acme.co.uk/Path',
    ];
    for (const url of urls) expect(readLink(url), url).toEqual({ ok: true, url: reference(url) });
  });
});
