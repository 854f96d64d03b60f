import { describe, expect, it } from 'vitest';
import { canonicalEmail, readEmail } from './emails';

describe('e-mails', () => {
  it('canonicalises as Twenty stores them', () => {
    expect(canonicalEmail(' Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
    expect(canonicalEmail('ada@bücher.de.')).toBe('ada@xn--bcher-kva.de');
    expect(canonicalEmail('ada@example．com')).toBe('ada@example.com');
  });

  it('validates with Twenty’s rule and unwraps names and mailto', () => {
    expect(readEmail('Ada <ada@example.com>')).toEqual({ ok: true, email: 'ada@example.com' });
    expect(readEmail('mailto:ADA@example.com')).toEqual({ ok: true, email: 'ada@example.com' });
    expect(readEmail("o'brien+tag@example.ie")).toEqual({
      ok: true,
      email: "o'brien+tag@example.ie",
    });
    for (const bad of [
      'ada',
      'ada@',
      '@example.com',
      'ada@example',
      'a..b@example.com',
      '.a@example.com',
      'ada@exa mple.com',
    ])
      expect(readEmail(bad).ok, bad).toBe(false);
    expect(readEmail(`${'a'.repeat(320)}@b.com`)).toEqual({
      ok: false,
      message: expect.stringMatching(/is too long for an e-mail address$/),
    });
  });
});
