import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * A CRM export of people as admins bring them to Twenty, generated from a fixed seed (the same
 * file on every run): names from several countries, e-mails (some repeated in another case, as
 * duplicates are), phones with country codes in the spellings people type (a share national,
 * read with the file's phone country), the company's website, job titles and cities (some
 * holding commas, so quoted), two dates, an amount with its currency, a lead source, and a
 * description that is sometimes quoted over several lines with commas and doubled quotes. About
 * one row in 150 has a bad cell (an e-mail without domain, a phone too short, a day that does
 * not exist, an amount with letters, an unknown currency or lead source).
 */
export const PEOPLE_HEADERS = [
  'First Name',
  'Last Name',
  'Email',
  'Phone',
  'Company Website',
  'Job Title',
  'City',
  'Customer Since',
  'Last Contacted',
  'Lifetime Value',
  'Currency',
  'Lead Source',
  'Description',
] as const;

/** Deterministic 32-bit generator (mulberry32). */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const FIRST_NAMES = (
  'Ada Alan Grace Linus Margaret Tim Barbara Ken Dennis Radia Frances Guido Bjarne Anders ' +
  'Sophie Camille Léa Chloé Manon Louis Hugo Lucas Jules Gabriel Zoë Amélie Benoît Hélène ' +
  'Lukas Leon Finn Jonas Mia Emma Hannah Lena Jürgen Björn Søren Åsa Ingrid Lars Mikael ' +
  'Mateo Santiago Lucía Martina Valentina Sofía José María Pablo Diego Carmen Raúl Inés ' +
  'Olivia Amelia Isla Ava George Harry Oliver Jack Noah Charlie Freya Poppy Arthur ' +
  'James Mary Robert Patricia Michael Jennifer William Linda David Elizabeth Richard Susan ' +
  'Priya Arjun Ananya Rohan Aarav Diya Wei Li Jing Hiroshi Yuki Sakura Min-jun Ji-woo ' +
  'Fatima Omar Youssef Amina Kwame Ama Chidi Ngozi Ana João Beatriz Thiago Larissa Rafael'
).split(' ');
const LAST_NAMES = (
  'Lovelace Turing Hopper Torvalds Hamilton Berners-Lee Liskov Thompson Ritchie Perlman ' +
  'Allen van Rossum Stroustrup Hejlsberg Martin Bernard Dubois Thomas Robert Richard Petit ' +
  'Durand Leroy Moreau Simon Laurent Lefèvre Michel García Fernández González Rodríguez ' +
  'López Martínez Sánchez Pérez Gómez Müller Schmidt Schneider Fischer Weber Meyer Wagner ' +
  'Becker Schulz Hoffmann Smith Jones Williams Taylor Brown Davies Evans Wilson Johnson ' +
  'Miller Davis Anderson Jackson White Harris Clark Lewis Walker Hall Young King Wright ' +
  "Patel Sharma Singh Kumar Gupta Wang Zhang Liu Chen Sato Suzuki Takahashi Kim Park O'Brien " +
  "D'Angelo Nakamura Okafor Mensah Silva Santos Oliveira Costa Pereira Andersson Nielsen Jensen"
).split(' ');
const TITLES = [
  'CEO',
  'CTO',
  'CFO',
  'Founder',
  'Co-founder',
  'Head of Sales',
  'Account Executive',
  'Sales Development Representative',
  'Marketing Manager',
  'Product Manager',
  'Software Engineer',
  'Senior Software Engineer',
  'Data Analyst',
  'Customer Success Manager',
  'Operations Manager',
  'HR Business Partner',
  'Office Manager',
  'Procurement Lead',
  'Chief of Staff',
  'VP, Sales',
  'VP, Marketing',
  'Director, Partnerships',
  'Head of Growth, EMEA',
  'Consultant',
  'Freelance Designer',
  '',
];
const CITIES = [
  'Paris',
  'Lyon',
  'Marseille',
  'Berlin',
  'München',
  'Hamburg',
  'London',
  'Manchester',
  'Madrid',
  'Barcelona',
  'Amsterdam',
  'New York',
  'San Francisco',
  'Austin',
  'Chicago',
  'Toronto',
  'São Paulo',
  'Bangalore',
  'Tokyo',
  'Seoul',
  'Washington, D.C.',
  'Portland, OR',
  'Saint-Denis, La Réunion',
  '',
];
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.fr', 'gmx.de', 'icloud.com'];
const WORDS = (
  'acme globex initech umbrella hooli vehement stark wayne wonka tyrell cyberdyne soylent ' +
  'nakatomi oscorp dunder massive dynamic gringotts monarch vandelay pied piper sterling ' +
  'aperture blue sun zephyr nimbus quanta vertex lumen orbit harbor summit cedar atlas ' +
  'beacon cobalt delta ember fjord granite helix ion juniper kelp lattice meadow north'
).split(' ');
const TLDS = ['com', 'com', 'com', 'io', 'fr', 'de', 'co.uk', 'es', 'net', 'ai'];
const LEAD_SOURCES = ['Website', 'Referral', 'Event', 'Partner', 'Cold Call', 'Advertisement'];
const LEAD_SPELLINGS: Record<string, string[]> = {
  Website: ['Website', 'website', 'WEBSITE'],
  Referral: ['Referral', 'referral'],
  Event: ['Event', 'event'],
  Partner: ['Partner'],
  'Cold Call': ['Cold Call', 'cold call', 'COLD_CALL'],
  Advertisement: ['Advertisement'],
};
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'EUR', 'GBP', 'CAD', 'eur', 'usd'];
const US_AREAS = ['212', '415', '646', '312', '617', '206', '512', '303', '404', '305', '720'];
const CA_AREAS = ['416', '604', '514', '403'];
const DESCRIPTIONS = [
  'Met at the SaaS conference',
  'Prefers e-mail',
  'Renewal due next quarter',
  '',
  '',
  '',
];

/** The spelling of a date cell: Customer Since is DD/MM/YYYY, Last Contacted ISO with a time. */
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export const generatePeopleCsv = async (path: string, rows: number, seed = 8): Promise<number> => {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const digits = (count: number): string => {
    let text = '';
    for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
    return text;
  };
  const domains = Array.from({ length: 5000 }, (_, i) => {
    const name = `${pick(WORDS)}${random() < 0.5 ? '-' : ''}${pick(WORDS)}${i % 7 === 0 ? i : ''}`;
    return `${name}.${pick(TLDS)}`;
  });
  const emails: string[] = [];

  const phone = (): string => {
    const kind = random();
    if (kind < 0.28) {
      const area = pick(US_AREAS);
      const exchange = 200 + Math.floor(random() * 790);
      const line = digits(4);
      return random() < 0.5 ? `+1 (${area}) ${exchange}-${line}` : `+1 ${area}-${exchange}-${line}`;
    }
    if (kind < 0.32) return `+1 ${pick(CA_AREAS)} ${200 + Math.floor(random() * 790)} ${digits(4)}`;
    if (kind < 0.47) {
      const mobile = random() < 0.7;
      const first = mobile ? (random() < 0.8 ? '6' : '7') : String(1 + Math.floor(random() * 5));
      const rest = digits(8).replace(/(..)(..)(..)(..)/, '$1 $2 $3 $4');
      return random() < 0.8 ? `+33 ${first} ${rest}` : `0${first} ${rest}`; // FR file country
    }
    if (kind < 0.59) return `+44 7${pick(['700', '911', '812', '400'])} ${digits(6)}`;
    if (kind < 0.69) return `+49 15${pick(['1', '2', '7', '9'])} ${digits(8)}`;
    if (kind < 0.76) return `+34 6${digits(2)} ${digits(3)} ${digits(3)}`;
    if (kind < 0.81) return `+31 6 ${digits(8)}`;
    if (kind < 0.86) return `+91 9${digits(4)} ${digits(5)}`;
    if (kind < 0.89) return `+55 11 9${digits(4)}-${digits(4)}`;
    if (kind < 0.92) return `+81 90-${digits(4)}-${digits(4)}`;
    if (kind < 0.95) return `+61 4${digits(2)} ${digits(3)} ${digits(3)}`;
    return '';
  };

  const quoted = (text: string): string =>
    /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

  const out = createWriteStream(path);
  out.write(`${PEOPLE_HEADERS.join(',')}\n`);
  let bytes = 0;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const domain = pick(domains);
    const bad = random() < 1 / 150 ? Math.floor(random() * 6) : -1;
    let email: string;
    if (emails.length > 100 && random() < 0.02) {
      // A duplicate: the same person exported twice, sometimes in another case.
      const earlier = emails[Math.floor(random() * emails.length)]!;
      email = random() < 0.5 ? earlier : earlier.toUpperCase();
    } else {
      const local = `${first}.${last}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z.-]/g, '')
        .toLowerCase();
      email = `${local}${i}@${random() < 0.7 ? domain : pick(FREE_MAIL)}`;
      if (i % 1000 === 0) emails.push(email);
      if (random() < 0.1) email = `${email.charAt(0).toUpperCase()}${email.slice(1)}`;
    }
    if (bad === 0) email = random() < 0.5 ? `${first.toLowerCase()}@` : 'n/a';
    let phoneText = phone();
    if (bad === 1) phoneText = random() < 0.5 ? '12' : 'call me';
    const site =
      random() < 0.15 ? '' : random() < 0.8 ? domain : `https://www.${domain}${pick(['', '/'])}`;
    const since =
      bad === 2
        ? '31/02/2023'
        : `${pad(1 + Math.floor(random() * 28))}/${pad(1 + Math.floor(random() * 12))}/${2015 + Math.floor(random() * 10)}`;
    const contacted =
      random() < 0.2
        ? ''
        : `2024-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))} ${pad(8 + Math.floor(random() * 10))}:${pad(Math.floor(random() * 60))}`;
    const amount =
      bad === 3
        ? '12abc'
        : random() < 0.1
          ? ''
          : (Math.floor(random() * 5_000_000) / 100).toFixed(random() < 0.5 ? 2 : 0);
    const currency = bad === 4 ? 'XYZ' : amount === '' ? '' : pick(CURRENCIES);
    const leadSource = bad === 5 ? 'Webinar' : pick(LEAD_SPELLINGS[pick(LEAD_SOURCES)]!);
    const description =
      i % 20 === 0
        ? `Spoke with ${first} on the phone, then "${last}" sent the brief.\nFollow up: pricing, onboarding, SSO`
        : pick(DESCRIPTIONS);
    chunk +=
      [
        quoted(first),
        quoted(last),
        email,
        phoneText,
        site,
        quoted(pick(TITLES)),
        quoted(pick(CITIES)),
        since,
        contacted,
        amount,
        currency,
        leadSource,
        quoted(description),
      ].join(',') + '\n';
    if (chunk.length > 1 << 16) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return bytes;
};
