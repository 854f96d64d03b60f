/**
 * Words people write for true and false in exports and hand-made sheets (English, French,
 * German, Spanish, Italian, checkmarks), compared case-insensitively after trimming. A boolean
 * transform replaces them for one field, e.g. { true: ['x'], false: [], empty: false } for a
 * column where a cross means yes and an empty cell no.
 */
export const TRUE_WORDS = [
  'true',
  't',
  'yes',
  'y',
  '1',
  'oui',
  'o',
  'vrai',
  'ja',
  'j',
  'si',
  'sí',
  'sì',
  'x',
  '✓',
  '✔',
  'checked',
  'on',
];
export const FALSE_WORDS = [
  'false',
  'f',
  'no',
  'n',
  '0',
  'non',
  'faux',
  'nein',
  'falso',
  'unchecked',
  'off',
];

export interface BooleanWords {
  true: readonly string[];
  false: readonly string[];
  /** What an empty cell means; undefined: no value. */
  empty?: boolean;
}

export const DEFAULT_BOOLEAN_WORDS: BooleanWords = { true: TRUE_WORDS, false: FALSE_WORDS };

/** A reader from a set of words: true, false, or null when the text is none of them. */
export const booleanReader = (words: BooleanWords): ((text: string) => boolean | null) => {
  const table = new Map<string, boolean>();
  for (const word of words.false) table.set(word.trim().toLowerCase(), false);
  for (const word of words.true) table.set(word.trim().toLowerCase(), true);
  return (text) => table.get(text.trim().toLowerCase()) ?? null;
};
