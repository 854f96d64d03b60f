/**
 * ISO 4217 currency codes (the active list, as ICU ships it) and the symbols and names that
 * exports write instead. Twenty stores `currencyCode` as text and its app offers ISO codes, so a
 * value outside this list is refused here rather than saved as an unusable code.
 */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  [
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF',
    'BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC',
    'CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL',
    'GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR',
    'ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR',
    'LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR',
    'MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR',
    'RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP',
    'STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD',
    'UYU UZS VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU YER ZAR ZMW',
    'ZWG ZWL',
  ]
    .join(' ')
    .split(' '),
);

/** Symbols and words → code. '$' is the US dollar unless the default currency is another dollar. */
const SYMBOLS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  usd$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  円: 'JPY',
  元: 'CNY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₫': 'VND',
  '₱': 'PHP',
  '฿': 'THB',
  '₴': 'UAH',
  '₦': 'NGN',
  r$: 'BRL',
  c$: 'CAD',
  ca$: 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  nz$: 'NZD',
  hk$: 'HKD',
  s$: 'SGD',
  mx$: 'MXN',
  chf: 'CHF',
  'fr.': 'CHF',
  zł: 'PLN',
  kč: 'CZK',
  ft: 'HUF',
  euro: 'EUR',
  euros: 'EUR',
  dollar: 'USD',
  dollars: 'USD',
  'us dollar': 'USD',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
};

/** The ISO code of a currency cell ("eur", "€", "US$", "Euro"), if it is one. */
export const currencyCodeOf = (text: string, defaultCode?: string): string | undefined => {
  const value = text.trim();
  const upper = value.toUpperCase();
  if (CURRENCY_CODES.has(upper)) return upper;
  const symbol = SYMBOLS[value.toLowerCase()];
  if (symbol === 'USD' && value === '$' && defaultCode && CURRENCY_DOLLARS.has(defaultCode))
    return defaultCode;
  return symbol;
};

const CURRENCY_DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'TWD']);
