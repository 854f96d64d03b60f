import { describe, expect, it } from 'vitest';
import { canonicalEmail, readEmail } from './emails';

const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

describe('e-mails', () => {
  it('agrees with Twenty’s rule on thousands of generated addresses', () => {
    let seed = 3;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const alphabet = "aZ09._'+-@";
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = 3 + next(14);
      for (let j = 0; j < length; j++) text += alphabet[next(alphabet.length)];
      if (next(2))
        text = `${text.replace(/@/g, '')}@${'abc.de-fg.h1.'.slice(next(6))}${['com', 'IO', 'x', 'c0'][next(4)]}`;
      const expected = EMAIL.test(canonicalEmail(text)) && canonicalEmail(text).length <= 320;
      expect(readEmail(text).ok, text).toBe(expected);
      if (expected) expect(readEmail(text)).toEqual({ ok: true, email: canonicalEmail(text) });
    }
  });

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

  it('agrees with Twenty’s rule on addresses built from the characters that decide it', () => {
    // Local parts and domain labels of the characters the rule treats apart ('.', '-', "'",
    // digits, capitals), in every position.
    let seed = 21;
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
    };
    const pick = (alphabet: string, length: number) => {
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next(alphabet.length))];
      return text;
    };
    for (let i = 0; i < 20_000; i++) {
      const local = pick("aZ0._'+-", 1 + Math.floor(next(5)));
      const labels = Array.from({ length: 1 + Math.floor(next(3)) }, () =>
        pick('aZ0-', 1 + Math.floor(next(4))),
      );
      const text = `${local}@${labels.join('.')}.${pick('aZ0-', Math.floor(next(4)))}`;
      const canonical = canonicalEmail(text);
      const expected = EMAIL.test(canonical) && canonical.length <= 320;
      expect(readEmail(text), text).toEqual(
        expected
          ? { ok: true, email: canonical }
          : { ok: false, message: expect.stringMatching(/is not an e-mail address$/) },
      );
    }
  });
});
