import { SUPPORTED_COUNTRIES } from './phone-numbers';

/**
 * Countries as Twenty's address field stores them: the English name from Intl.DisplayNames for
 * the countries libphonenumber knows — the list Twenty's country picker shows (useCountries.ts)
 * and saves by name. Cells may hold a code (FR, FRA for common ones), an English, French,
 * German, Spanish or Italian name, or a usual alias.
 */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'u.s.a.': 'US',
  'u.s.': 'US',
  america: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'u.k.': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  holland: 'NL',
  'the netherlands': 'NL',
  'south korea': 'KR',
  korea: 'KR',
  'north korea': 'KP',
  russia: 'RU',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  uae: 'AE',
  vietnam: 'VN',
  gbr: 'GB',
  fra: 'FR',
  deu: 'DE',
  ger: 'DE',
  esp: 'ES',
  ita: 'IT',
  can: 'CA',
  aus: 'AU',
  nld: 'NL',
  bel: 'BE',
  che: 'CH',
  aut: 'AT',
  prt: 'PT',
  irl: 'IE',
  swe: 'SE',
  nor: 'NO',
  dnk: 'DK',
  fin: 'FI',
  pol: 'PL',
  bra: 'BR',
  mex: 'MX',
  arg: 'AR',
  jpn: 'JP',
  chn: 'CN',
  ind: 'IN',
  sgp: 'SG',
  zaf: 'ZA',
  nzl: 'NZ',
  isr: 'IL',
  lux: 'LU',
};

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

let names: Map<string, string> | null = null;
let byKey: Map<string, string> | null = null;

const tables = () => {
  if (names && byKey) return { names, byKey };
  names = new Map();
  byKey = new Map();
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const others = ['fr', 'de', 'es', 'it', 'pt', 'nl'].map(
    (locale) => new Intl.DisplayNames([locale], { type: 'region' }),
  );
  for (const code of SUPPORTED_COUNTRIES) {
    const name = english.of(code);
    if (!name || name === code) continue;
    names.set(code, name);
    byKey.set(code.toLowerCase(), code);
    byKey.set(fold(name), code);
    for (const display of others) {
      const local = display.of(code);
      if (local && !byKey.has(fold(local))) byKey.set(fold(local), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) byKey.set(alias, code);
  return { names, byKey };
};

/** ISO 3166 alpha-2 code of a country written as a code or a name, if known. */
export const countryCodeOf = (text: string): string | undefined => tables().byKey.get(fold(text));

/** The English name Twenty stores for a code ("FR" → "France"). */
export const countryNameOf = (code: string): string | undefined => tables().names.get(code);
