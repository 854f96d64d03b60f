import { describe, expect, it } from 'vitest';
import { compileMapping, convertRow, type Cells } from './convert-cell';
import { mappingDocumentSchema, type MappingDocumentInput, type TransformInput } from './mapping';
import { company, model, opportunity, person, pet } from './test-model';
import type { ModelObject } from '../contract/data-model';

const mappingOf = (input: Omit<MappingDocumentInput, 'version'>) =>
  mappingDocumentSchema.parse({ version: 1, ...input });

const one = (
  object: ModelObject,
  fields: MappingDocumentInput['fields'],
  cells: Cells,
  options: MappingDocumentInput['options'] = {},
) => convertRow(mappingOf({ object: object.nameSingular, fields, options }), object, model, cells);

type Source = MappingDocumentInput['fields'][string];

const col = (column: string, transforms: TransformInput[] = []) =>
  ({ kind: 'column', column, transforms }) satisfies Source;

describe('scalar fields', () => {
  it('converts text, numbers and booleans', () => {
    const row = one(
      pet,
      {
        name: col('Name'),
        weight: col('Weight', [{ type: 'number', locale: 'fr' }]),
        legs: col('Legs'),
        precise: col('Precise'),
        vaccinated: col('Vaccinated'),
      },
      {
        Name: ' Rex ',
        Weight: '12,5',
        Legs: '4',
        Precise: '0.1000000000000000001',
        Vaccinated: 'Oui',
      },
    );
    expect(row.problems).toEqual([]);
    expect(row.values).toEqual({
      name: ' Rex ',
      weight: 12.5,
      legs: 4,
      precise: '0.1000000000000000001',
      vaccinated: true,
    });
  });

  it('refuses decimals in integer fields and warns about display rounding', () => {
    const row = one(
      pet,
      { name: col('N'), legs: col('Legs'), weight: col('W') },
      {
        N: 'Rex',
        Legs: '3.5',
        W: '1.234',
      },
    );
    expect(row.problems).toEqual([
      {
        field: 'legs',
        column: 'Legs',
        value: '3.5',
        message: "'3.5' is not a whole number (Legs holds integers)",
        severity: 'error',
      },
      expect.objectContaining({ field: 'weight', severity: 'warning' }),
    ]);
    expect(row.hasErrors).toBe(true);
    expect(row.values).toEqual({ name: 'Rex', weight: 1.234 });
  });

  it('reads percentages as ratios', () => {
    expect(one(pet, { name: col('N'), share: col('S') }, { N: 'a', S: '12.5%' }).values.share).toBe(
      0.125,
    );
  });

  it('converts dates and date-times, naive times in the chosen zone', () => {
    const fields = {
      name: col('N'),
      birthday: col('Born', [{ type: 'date', format: 'DD/MM/YYYY' }]),
      lastVisit: col('Visit', [{ type: 'date', format: 'DD/MM/YYYY' }]),
    };
    const row = one(
      pet,
      fields,
      { N: 'a', Born: '05/03/2020', Visit: '05/03/2024 14:30' },
      { timeZone: 'Europe/Paris' },
    );
    expect(row.values).toEqual({
      name: 'a',
      birthday: '2020-03-05',
      lastVisit: '2024-03-05T13:30:00.000Z',
    });
    const bad = one(pet, fields, { N: 'a', Born: '31/02/2024', Visit: '' });
    expect(bad.problems[0]!.message).toBe(
      "'31/02/2024' is not a date (format DD/MM/YYYY, optionally with a time)",
    );
    expect(
      one(pet, { name: col('N'), lastVisit: col('V') }, { N: 'a', V: '2024-03-05T10:00:00+02:00' })
        .values.lastVisit,
    ).toBe('2024-03-05T08:00:00.000Z');
  });

  it('matches select options by value or label, case-insensitively', () => {
    const fields = { name: col('N'), species: col('S'), traits: col('T') };
    expect(one(pet, fields, { N: 'a', S: 'guinea pig', T: 'calm; PLAYFUL ;calm' }).values).toEqual({
      name: 'a',
      species: 'GUINEA_PIG',
      traits: ['CALM', 'PLAYFUL'],
    });
    const bad = one(pet, fields, { N: 'a', S: 'Parrot', T: '' });
    expect(bad.problems[0]!.message).toBe(
      "'Parrot' is not an option of Species (DOG, CAT, GUINEA_PIG)",
    );
  });

  it('maps values and flags options that will be created', () => {
    const mapping = mappingOf({
      object: 'pet',
      fields: {
        name: col('N'),
        species: col('S', [
          {
            type: 'valueMap',
            map: { chien: 'Dog', perroquet: 'Parrot' },
            createMissingOptions: true,
          },
        ]),
      },
    });
    const convert = compileMapping(mapping, pet, model);
    expect(convert({ N: 'a', S: 'Chien' }).values.species).toBe('DOG');
    const row = convert({ N: 'a', S: 'Perroquet' });
    expect(row.values.species).toBe('PARROT');
    expect(row.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: "'Perroquet' is not an option of Species; it will be created (PARROT)",
      }),
    ]);
    expect(convert({ N: 'a', S: 'Hamster' }).values.species).toBe('HAMSTER');
    expect([...convert.newOptions.get('species')!]).toEqual([
      ['PARROT', 'Parrot'],
      ['HAMSTER', 'Hamster'],
    ]);
  });

  it('reads ratings from numbers and stars', () => {
    const fields = { name: col('N'), rating: col('R') };
    expect(one(pet, fields, { N: 'a', R: '4' }).values.rating).toBe('RATING_4');
    expect(one(pet, fields, { N: 'a', R: '★★★' }).values.rating).toBe('RATING_3');
    expect(one(pet, fields, { N: 'a', R: '2/5' }).values.rating).toBe('RATING_2');
    expect(one(pet, fields, { N: 'a', R: 'RATING_5' }).values.rating).toBe('RATING_5');
    expect(one(pet, fields, { N: 'a', R: '6' }).problems[0]!.message).toBe(
      "'6' is not a rating from 1 to 5",
    );
  });

  it('reads JSON, arrays, UUIDs and rich text', () => {
    const row = one(
      pet,
      {
        name: col('N'),
        extra: col('J'),
        tags: col('T'),
        chipId: col('U'),
        notes: col('M'),
      },
      {
        N: 'a',
        J: '{"a":1}',
        T: 'x, y',
        U: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
        M: '# Hello',
      },
    );
    expect(row.values).toEqual({
      name: 'a',
      extra: { a: 1 },
      tags: ['x', 'y'],
      chipId: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      notes: { markdown: '# Hello' },
    });
    expect(
      one(pet, { name: col('N'), extra: col('J') }, { N: 'a', J: '{a' }).problems[0]!.message,
    ).toBe("'{a' is not valid JSON");
    expect(
      one(pet, { name: col('N'), tags: col('T') }, { N: 'a', T: '["x", 2]' }).values.tags,
    ).toEqual(['x', '2']);
  });

  it('uses boolean words and what an empty cell means', () => {
    const fields = {
      name: col('N'),
      vaccinated: col('V', [{ type: 'boolean', true: ['x'], false: [], empty: false }]),
    };
    expect(one(pet, fields, { N: 'a', V: 'X' }).values.vaccinated).toBe(true);
    expect(one(pet, fields, { N: 'a', V: '' }).values.vaccinated).toBe(false);
    expect(one(pet, fields, { N: 'a', V: 'maybe' }).problems[0]!.message).toBe(
      "'maybe' is not a yes/no value",
    );
  });
});

describe('empty cells and required fields', () => {
  it('leaves empty cells out, or clears them on request', () => {
    expect(one(pet, { name: col('N'), city: col('C') } as never, { N: 'a' }).values).toEqual({
      name: 'a',
    });
    expect(one(pet, { name: col('N'), weight: col('W') }, { N: 'a', W: '  ' }).values).toEqual({
      name: 'a',
    });
    expect(
      one(pet, { name: col('N'), weight: col('W') }, { N: 'a', W: '' }, { emptyCells: 'clear' })
        .values,
    ).toEqual({ name: 'a', weight: null });
  });

  it('reports a required field left empty or unmapped', () => {
    const row = one(pet, { name: col('N') }, { N: '' });
    expect(row.problems).toEqual([
      {
        field: 'name',
        column: 'N',
        value: '',
        message: 'Name is required; the cell is empty',
        severity: 'error',
      },
    ]);
    const convert = compileMapping(mappingOf({ object: 'pet', fields: {} }), pet, model);
    expect(convert.mappingProblems).toEqual([
      { field: 'name', message: 'Name is required and not mapped', severity: 'error' },
    ]);
    const update = compileMapping(mappingOf({ object: 'pet', fields: {} }), pet, model, {
      mode: 'update',
    });
    expect(update.mappingProblems).toEqual([]);
  });

  it('keeps a required select with a default optional', () => {
    const convert = compileMapping(
      mappingOf({ object: 'opportunity', fields: { name: col('Name') } }),
      opportunity,
      model,
    );
    expect(convert.mappingProblems).toEqual([]);
  });
});

describe('composite fields', () => {
  it('builds a full name from one column or two', () => {
    expect(one(person, { name: col('Name') }, { Name: 'Ada King Lovelace' }).values).toEqual({
      name: { firstName: 'Ada', lastName: 'King Lovelace' },
    });
    expect(one(person, { name: col('Name') }, { Name: 'Lovelace, Ada' }).values.name).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const parts = {
      kind: 'columns',
      parts: { firstName: { column: 'First' }, lastName: { column: 'Last' } },
    } satisfies Source;
    expect(one(person, { name: parts }, { First: 'Ada', Last: '' }).values.name).toEqual({
      firstName: 'Ada',
      lastName: '',
    });
  });

  it('canonicalises e-mails from several columns', () => {
    const emails = {
      kind: 'columns',
      parts: {
        primaryEmail: { column: 'Email' },
        additionalEmails: [{ column: 'Email 2' }, { column: 'Email 3' }],
      },
    } satisfies Source;
    const row = one(
      person,
      { emails },
      { Email: 'Ada@Example.COM', 'Email 2': 'ada@example.com; b@x.org', 'Email 3': '' },
    );
    expect(row.values.emails).toEqual({
      primaryEmail: 'ada@example.com',
      additionalEmails: ['b@x.org'],
    });
    const bad = one(person, { emails }, { Email: 'ada(at)example.com' });
    expect(bad.problems).toEqual([
      {
        field: 'emails.primaryEmail',
        column: 'Email',
        value: 'ada(at)example.com',
        message: "'ada(at)example.com' is not an e-mail address",
        severity: 'error',
      },
    ]);
    expect(one(person, { emails: col('E') }, { E: 'Ada <ada@bücher.de>' }).values.emails).toEqual({
      primaryEmail: 'ada@xn--bcher-kva.de',
    });
  });

  it('reads phones as Twenty stores them', () => {
    const row = one(person, { phones: col('Phone') }, { Phone: '+33 6 12 34 56 78' });
    expect(row.values.phones).toEqual({
      primaryPhoneNumber: '612345678',
      primaryPhoneCountryCode: 'FR',
      primaryPhoneCallingCode: '+33',
    });
    expect(
      one(person, { phones: col('Phone') }, { Phone: '06 12 34 56 78' }).problems[0]!.message,
    ).toBe(
      "'06 12 34 56 78' has no country code: write it as +33… or choose the phone country of the file",
    );
    expect(
      one(person, { phones: col('Phone') }, { Phone: '06 12 34 56 78' }, { phoneCountry: 'FR' })
        .values.phones,
    ).toMatchObject({ primaryPhoneNumber: '612345678', primaryPhoneCountryCode: 'FR' });
  });

  it('takes the country of a phone from its own column and refuses contradictions', () => {
    const phones = {
      kind: 'columns',
      parts: {
        primaryPhoneNumber: { column: 'Phone' },
        primaryPhoneCountryCode: { column: 'Country' },
        additionalPhones: [{ column: 'Mobile' }],
      },
    } satisfies Source;
    const row = one(
      person,
      { phones },
      { Phone: '020 7946 0000', Country: 'United Kingdom', Mobile: '07400 123456' },
    );
    expect(row.problems).toEqual([]);
    expect(row.values.phones).toEqual({
      primaryPhoneNumber: '2079460000',
      primaryPhoneCountryCode: 'GB',
      primaryPhoneCallingCode: '+44',
      additionalPhones: [{ number: '7400123456', countryCode: 'GB', callingCode: '+44' }],
    });
    const conflict = one(person, { phones }, { Phone: '+33 6 12 34 56 78', Country: 'DE' });
    expect(conflict.problems[0]).toMatchObject({
      field: 'phones.primaryPhoneNumber',
      column: 'Phone',
      message: "'+33 6 12 34 56 78' is a FR number, not DE",
    });
    expect(
      one(person, { phones }, { Phone: '123', Country: 'Atlantis' }).problems[0],
    ).toMatchObject({
      field: 'phones.primaryPhoneCountryCode',
      column: 'Country',
      message: "'Atlantis' is not a country (e.g. FR or France)",
    });
  });

  it('validates links as Twenty does, with or without a scheme', () => {
    const row = one(
      company,
      { name: col('N'), domainName: col('Web') },
      { N: 'a', Web: 'HTTPS://Acme.COM/' },
    );
    expect(row.values.domainName).toEqual({ primaryLinkUrl: 'https://acme.com' });
    expect(
      one(company, { name: col('N'), domainName: col('Web') }, { N: 'a', Web: 'acme.com' }).values
        .domainName,
    ).toEqual({
      primaryLinkUrl: 'acme.com',
    });
    expect(
      one(company, { name: col('N'), domainName: col('Web') }, { N: 'a', Web: 'lydia,com' })
        .problems[0]!.message,
    ).toBe("'lydia,com' is not a web address");
    expect(
      one(pet, { name: col('N'), domain: col('D') }, { N: 'a', D: 'https://www.Acme.com/about' })
        .values.domain,
    ).toEqual({
      primaryLinkUrl: 'acme.com',
    });
    const links = {
      kind: 'columns',
      parts: {
        primaryLinkUrl: { column: 'Site' },
        primaryLinkLabel: { constant: 'Website' },
        secondaryLinks: [{ column: 'Blog' }],
      },
    } satisfies Source;
    expect(
      one(
        pet,
        { name: col('N'), site: links },
        { N: 'a', Site: 'a.com', Blog: 'https://blog.a.com' },
      ).values.site,
    ).toEqual({
      primaryLinkUrl: 'a.com',
      primaryLinkLabel: 'Website',
      secondaryLinks: [{ url: 'https://blog.a.com', label: '' }],
    });
  });

  it('turns amounts into micros with their currency', () => {
    const amount = {
      kind: 'columns',
      parts: {
        amountMicros: { column: 'Amount', transforms: [{ type: 'number', locale: 'de' }] },
        currencyCode: { column: 'Currency' },
      },
    } satisfies Source;
    expect(
      one(opportunity, { name: col('N'), amount }, { N: 'a', Amount: '1.234,56', Currency: 'eur' })
        .values.amount,
    ).toEqual({
      amountMicros: 1_234_560_000,
      currencyCode: 'EUR',
    });
    expect(
      one(opportunity, { name: col('N'), amount: col('A') }, { N: 'a', A: '$1,200.50' }).values
        .amount,
    ).toEqual({
      amountMicros: 1_200_500_000,
      currencyCode: 'USD',
    });
    expect(
      one(opportunity, { name: col('N'), amount: col('A') }, { N: 'a', A: '1 200 €' }).values
        .amount,
    ).toEqual({
      amountMicros: 1_200_000_000,
      currencyCode: 'EUR',
    });
    expect(one(pet, { name: col('N'), price: col('P') }, { N: 'a', P: '12' }).values.price).toEqual(
      {
        amountMicros: 12_000_000,
        currencyCode: 'EUR',
      },
    );
    expect(
      one(opportunity, { name: col('N'), amount }, { N: 'a', Amount: '12', Currency: 'XYZ' })
        .problems[0],
    ).toMatchObject({
      field: 'amount.currencyCode',
      column: 'Currency',
      message: "'XYZ' is not a currency code (e.g. USD, EUR)",
    });
    expect(
      one(opportunity, { name: col('N'), amount }, { N: 'a', Amount: '', Currency: 'EUR' }).values,
    ).toEqual({
      name: 'a',
    });
  });

  it('warns when an amount has no currency anywhere', () => {
    const convert = compileMapping(
      mappingOf({
        object: 'opportunity',
        fields: { amount: { kind: 'columns', parts: { amountMicros: { column: 'A' } } } },
      }),
      opportunity,
      model,
    );
    expect(convert.mappingProblems).toEqual([
      expect.objectContaining({ field: 'amount', severity: 'warning' }),
    ]);
  });

  it('builds addresses with country names as Twenty stores them', () => {
    const address = {
      kind: 'columns',
      parts: {
        addressStreet1: { column: 'Street' },
        addressCity: { column: 'City' },
        addressPostcode: { column: 'Zip' },
        addressCountry: { column: 'Country' },
        addressLat: { column: 'Lat' },
      },
    } satisfies Source;
    const row = one(
      company,
      { name: col('N'), address },
      {
        N: 'a',
        Street: '1 Main St\nSuite 4',
        City: 'Paris',
        Zip: '75001',
        Country: 'fr',
        Lat: '48.86',
      },
    );
    expect(row.values.address).toEqual({
      addressStreet1: '1 Main St',
      addressStreet2: 'Suite 4',
      addressCity: 'Paris',
      addressPostcode: '75001',
      addressCountry: 'France',
      addressLat: 48.86,
    });
    expect(
      one(company, { name: col('N'), address }, { N: 'a', City: 'X', Country: 'Allemagne' }).values
        .address,
    ).toMatchObject({
      addressCountry: 'Germany',
    });
    expect(
      one(company, { name: col('N'), address }, { N: 'a', City: 'X', Lat: '123' }).problems[0]!
        .message,
    ).toBe("'123' is not a latitude");
  });
});

describe('constants and relations', () => {
  it('sets constants, read like cells', () => {
    const row = one(
      opportunity,
      { name: col('N'), stage: { kind: 'constant', value: 'meeting' } },
      { N: 'a' },
    );
    expect(row.values).toEqual({ name: 'a', stage: 'MEETING' });
    const bad = compileMapping(
      mappingOf({ object: 'opportunity', fields: { stage: { kind: 'constant', value: 'Lost' } } }),
      opportunity,
      model,
    );
    expect(bad.mappingProblems[0]!.message).toMatch(/^Constant: 'Lost' is not an option of Stage/);
  });

  it('turns lookups into requests the engine resolves', () => {
    const row = one(
      person,
      {
        name: col('Name'),
        company: {
          kind: 'lookup',
          column: 'Website',
          object: 'company',
          by: 'domainName',
          createMissing: true,
        },
      },
      { Name: 'Ada L', Website: 'https://www.Acme.com/' },
    );
    expect(row.values).toEqual({ name: { firstName: 'Ada', lastName: 'L' } });
    expect(row.lookups).toEqual([
      {
        field: 'company',
        joinColumn: 'companyId',
        column: 'Website',
        object: 'company',
        by: 'domainName.primaryLinkUrl',
        value: 'acme.com',
        createMissing: true,
      },
    ]);
  });

  it('warns on lookups by a non-unique field and refuses unknown ones', () => {
    const byName = compileMapping(
      mappingOf({
        object: 'opportunity',
        fields: {
          name: col('N'),
          company: { kind: 'lookup', column: 'Account', object: 'company', by: 'name' },
        },
      }),
      opportunity,
      model,
    );
    expect(byName.mappingProblems).toEqual([
      expect.objectContaining({ field: 'company', severity: 'warning' }),
    ]);
    expect(byName({ N: 'a', Account: '  ACME  inc ' }).lookups[0]!.value).toBe('acme inc');
    const wrong = compileMapping(
      mappingOf({
        object: 'opportunity',
        fields: { company: { kind: 'lookup', column: 'A', object: 'company', by: 'nope' } },
      }),
      opportunity,
      model,
    );
    expect(wrong.mappingProblems[0]!.message).toBe('company has no field nope');
  });

  it('writes a column of ids to the join column', () => {
    const row = one(
      pet,
      { name: col('N'), company: col('Company id') },
      {
        N: 'a',
        'Company id': 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      },
    );
    expect(row.values).toEqual({ name: 'a', companyId: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' });
  });
});

describe('mapping checks', () => {
  it('reports fields that cannot be imported and columns not in the file', () => {
    const convert = compileMapping(
      mappingOf({
        object: 'pet',
        fields: {
          name: col('Name'),
          nope: col('X'),
          retired: col('R'),
          position: col('P'),
          owner: { kind: 'columns', parts: { middleName: { column: 'M' } } },
        },
      }),
      pet,
      model,
      { headers: ['Name', 'X'] },
    );
    expect(convert.mappingProblems.map((problem) => problem.message)).toEqual([
      "Column 'R' is not in the file",
      "Column 'P' is not in the file",
      "Column 'M' is not in the file",
      'Pet has no active field nope',
      'Pet has no active field retired',
      'Position is set by Twenty and cannot be imported',
      'Owner has no part middleName (firstName, lastName)',
    ]);
  });

  it('applies text transforms before reading', () => {
    const row = one(
      person,
      {
        jobTitle: col('Title', [{ type: 'trim' }, { type: 'case', to: 'title' }]),
        city: col('Location', [{ type: 'split', separator: ',', index: 0 }]),
        emails: col('Email', [{ type: 'empty', values: ['n/a'] }]),
      },
      { Title: '  head of SALES ', Location: 'Paris, France', Email: 'N/A' },
    );
    expect(row.values).toEqual({ jobTitle: 'Head Of Sales', city: 'Paris' });
  });
});

describe('positional cells', () => {
  it('converts cells in header order exactly as cells keyed by column', () => {
    const mapping = mappingOf({
      object: 'pet',
      options: { phoneCountry: 'FR', timeZone: 'Europe/Paris' },
      fields: {
        name: col('Name', [{ type: 'trim' }]),
        weight: col('Weight'),
        birthday: col('Born', [{ type: 'date', format: 'DD/MM/YYYY' }]),
        lastVisit: col('Visit'),
        species: col('Species'),
        owner: {
          kind: 'columns',
          parts: { firstName: { column: 'First' }, lastName: { column: 'Last' } },
        },
        vetEmails: col('Email'),
        vetPhones: col('Phone'),
        price: {
          kind: 'columns',
          parts: { amountMicros: { column: 'Price' }, currencyCode: { constant: 'EUR' } },
        },
        site: col('Missing column'),
        vaccinated: { kind: 'constant', value: 'yes' },
        company: { kind: 'lookup', column: 'Company', object: 'company', by: 'domainName' },
      },
    });
    // 'Last' twice: the later column wins, as in an object built from the row.
    const headers = [
      'Name',
      'Weight',
      'Born',
      'Visit',
      'Species',
      'First',
      'Last',
      'Email',
      'Phone',
      'Price',
      'Last',
      'Company',
    ];
    const pools = [
      [' Rex ', '', 'Felix'],
      ['12.5', 'x', ''],
      ['05/03/2024', '31/02/2024', ''],
      ['2024-03-05 10:30', 'soon', ''],
      ['dog', 'Cat', 'Parrot', ''],
      ['Ada', ''],
      ['Lovelace', ''],
      ['a@b.co', 'nope', ''],
      ['+33 6 12 34 56 78', '06 12 34 56 78', '12', ''],
      ['12', '€3', 'abc', ''],
      ['King', ''],
      ['acme.com', 'https://www.acme.com/', 'bad url', ''],
    ];
    const byName = compileMapping(mapping, pet, model, { headers });
    const byPosition = compileMapping(mapping, pet, model, { headers, positional: true });
    expect(byPosition.mappingProblems).toEqual(byName.mappingProblems);
    let seed = 1;
    for (let i = 0; i < 2000; i++) {
      const cells = pools.map((pool) => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return pool[seed % pool.length]!;
      });
      const record: Record<string, string> = {};
      headers.forEach((header, index) => (record[header] = cells[index]!));
      expect(byPosition(cells), cells.join('|')).toEqual(byName(record));
    }
    // A short row reads its missing cells as empty.
    expect(byPosition(['Rex'])).toEqual(byName({ Name: 'Rex' }));
  });
});
