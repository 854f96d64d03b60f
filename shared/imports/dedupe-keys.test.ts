import { describe, expect, it } from 'vitest';
import {
  DuplicateResolver,
  fieldTypesOf,
  keyOfText,
  keyOfValue,
  mergeRows,
  resolveKeyPath,
  rowKey,
  type KeyTarget,
} from './dedupe-keys';
import { canonicalEmail } from './emails';
import { domainOf, readLink } from './links';
import { company, person, pet } from './test-model';

const target = (object: typeof person, path: string): KeyTarget => {
  const resolved = resolveKeyPath(object, path);
  if ('error' in resolved) throw new Error(resolved.error);
  return resolved;
};

describe('resolveKeyPath', () => {
  it('uses the unique sub-field of a composite named alone', () => {
    expect(target(person, 'emails').path).toBe('emails.primaryEmail');
    expect(target(company, 'domainName').path).toBe('domainName.primaryLinkUrl');
    expect(target(pet, 'externalId').path).toBe('externalId');
    expect(resolveKeyPath(person, 'company')).toEqual({
      error: 'company is a relation and cannot be a key',
    });
    expect(resolveKeyPath(person, 'nope')).toEqual({ error: 'person has no field nope' });
    expect(resolveKeyPath(company, 'address')).toEqual({
      error: 'Choose a part of address as the key (e.g. address.…)',
    });
  });
});

describe('keys', () => {
  it('normalises e-mails, domains, phones and names', () => {
    expect(keyOfValue(target(person, 'emails'), { primaryEmail: 'Ada@Example.com' })).toBe(
      'ada@example.com',
    );
    const domain = target(company, 'domainName');
    for (const url of ['https://www.Acme.com/', 'acme.com', 'http://acme.com/about'])
      expect(keyOfValue(domain, { primaryLinkUrl: url })).toBe('acme.com');
    expect(
      keyOfValue(target(person, 'linkedinLink'), {
        primaryLinkUrl: 'https://www.linkedin.com/in/ada/',
      }),
    ).toBe('linkedin.com/in/ada');
    expect(
      keyOfValue(target(person, 'phones'), {
        primaryPhoneNumber: '612345678',
        primaryPhoneCallingCode: '+33',
      }),
    ).toBe('33+612345678');
    expect(keyOfValue(target(company, 'name'), '  ACME   Inc ')).toBe('acme inc');
    expect(keyOfValue(target(pet, 'externalId'), ' 001Ab ')).toBe('001Ab');
    expect(keyOfValue(target(person, 'name'), { firstName: 'Ada', lastName: 'LOVELACE' })).toBe(
      'ada lovelace',
    );
    expect(keyOfValue(target(person, 'emails'), { primaryEmail: '' })).toBeNull();
  });

  it('reads lookup texts into the same keys', () => {
    expect(keyOfText(target(company, 'domainName'), 'WWW.acme.com/')).toEqual({ key: 'acme.com' });
    expect(keyOfText(target(person, 'emails'), ' Ada@Example.com ')).toEqual({
      key: 'ada@example.com',
    });
    expect(keyOfText(target(person, 'emails'), 'nope')).toEqual({
      error: "'nope' is not an e-mail address",
    });
    expect(keyOfText(target(person, 'phones'), '06 12 34 56 78', { defaultCountry: 'FR' })).toEqual(
      {
        key: '33+612345678',
      },
    );
  });
});

describe('keys of many spellings (fast paths agree with the general rules)', () => {
  it('keys e-mails as canonicalEmail does', () => {
    const emails = target(person, 'emails');
    const spellings = [
      'ada@example.com',
      'Ada@Example.com',
      ' ada@example.com ',
      'ada@example.com.',
      'ada@bücher.de',
      'a.b+c@sub.example.co.uk',
      "o'brien@example.ie",
      '@example.com',
      'ada@',
      'ada',
      'ada@example.com\t',
      'ADA@EXAMPLE.COM',
      'ada@ex_ample.com',
    ];
    for (const email of spellings)
      expect(keyOfValue(emails, { primaryEmail: email }), email).toBe(
        email.trim() === '' ? null : canonicalEmail(email),
      );
    expect(keyOfValue(emails, { primaryEmail: '   ' })).toBeNull();
    expect(keyOfValue(emails, null)).toBeNull();
    expect(keyOfValue(emails, 'ada@example.com')).toBeNull();
  });

  it('keys a website lookup as its domain (domainOf), refusing what readLink refuses', () => {
    const domain = target(company, 'domainName');
    const spellings = [
      'acme.com',
      'ACME.com',
      'www.acme.com',
      'www.www.acme.com',
      'https://www.acme.com/',
      'http://acme.com/about/team?x=1',
      'HTTPS://ACME.COM',
      'acme.com/a/../b',
      'https://acme.com:8443/x',
      'https://user@acme.com/',
      'ftp://acme.com',
      'bücher.de',
      'xn--bcher-kva.de',
      '-acme.com',
      'acme-.com',
      'sub.acme.co.uk',
      '12345',
      'not a url',
      'acme',
      'localhost',
      '192.168.0.1',
    ];
    for (const text of spellings) {
      const link = readLink(text);
      expect(keyOfText(domain, text), text).toEqual(
        link.ok ? { key: domainOf(text) } : { error: link.message },
      );
    }
  });
});

describe('duplicates in a file', () => {
  const key = target(person, 'emails');
  const rows = [
    { values: { emails: { primaryEmail: 'ada@x.com' }, jobTitle: 'Countess' } },
    { values: { emails: { primaryEmail: 'bob@x.com' } } },
    {
      values: {
        emails: { primaryEmail: 'ada@x.com' },
        jobTitle: 'Mathematician',
        city: 'London',
        phones: { primaryPhoneNumber: '7400123456', primaryPhoneCallingCode: '+44' },
      },
      lookups: [{ field: 'company' }],
    },
    { values: { jobTitle: 'No key' } },
  ];

  it('keeps the first row under "first"', () => {
    const resolver = new DuplicateResolver(key, 'first');
    expect(rows.map((row, index) => resolver.add(index, row))).toEqual([
      { status: 'kept', of: 0, key: 'ada@x.com' },
      { status: 'kept', of: 1, key: 'bob@x.com' },
      { status: 'duplicate', of: 0, key: 'ada@x.com' },
      { status: 'kept', of: 3, key: null },
    ]);
    expect(resolver.resolved('ada@x.com')).toBeUndefined();
    expect(resolver.distinctKeys).toBe(2);
  });

  it('keeps the last row under "last"', () => {
    const resolver = new DuplicateResolver(key, 'last');
    rows.forEach((row, index) => resolver.add(index, row));
    expect(resolver.resolved('ada@x.com')).toBe(rows[2]);
  });

  it('fills empty fields from later rows under "merge", never overwriting', () => {
    const resolver = new DuplicateResolver(key, 'merge', fieldTypesOf(person));
    rows.forEach((row, index) => resolver.add(index, row));
    expect(resolver.resolved('ada@x.com')).toEqual({
      values: {
        emails: { primaryEmail: 'ada@x.com' },
        jobTitle: 'Countess',
        city: 'London',
        phones: { primaryPhoneNumber: '7400123456', primaryPhoneCallingCode: '+44' },
      },
      lookups: [{ field: 'company' }],
    });
  });

  it('merges composites part by part', () => {
    const merged = mergeRows(
      { values: { name: { firstName: 'Ada', lastName: '' } } },
      { values: { name: { firstName: 'Augusta', lastName: 'Lovelace' } } },
    );
    expect(merged.values.name).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(rowKey(key, { jobTitle: 'x' })).toBeNull();
  });
});
