import { EXCEL_SERIAL, type Transform } from '../../../shared/imports';

/**
 * The transforms editor's vocabulary: a label and a fresh value per transform type, a one-line
 * description, and the small list edits (add, change, remove, move).
 */
export type TransformType = Transform['type'];

export const TRANSFORM_TYPES: ReadonlyArray<{ type: TransformType; label: string; hint: string }> =
  [
    { type: 'trim', label: 'Trim spaces', hint: 'Spaces at both ends removed' },
    { type: 'case', label: 'Change case', hint: 'lower, UPPER or Title Case' },
    { type: 'split', label: 'Take a piece', hint: 'Cut at a separator and keep one piece' },
    { type: 'replace', label: 'Replace text', hint: 'Every occurrence, literally' },
    { type: 'empty', label: 'Treat as empty', hint: 'Texts meaning “no value” (N/A, -)' },
    { type: 'date', label: 'Date format', hint: 'How the file writes dates' },
    { type: 'number', label: 'Number format', hint: '1,234.56 · 1 234,56 · 1.234,56' },
    { type: 'boolean', label: 'Yes/no words', hint: 'Words meaning true and false' },
    { type: 'valueMap', label: 'Value map', hint: 'File values → options' },
    { type: 'list', label: 'List separator', hint: 'Several values in one cell' },
  ];

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'D/M/YYYY',
  'M/D/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'YYYY/MM/DD',
  'DD MMM YYYY',
  'MMM D, YYYY',
  'MM/DD/YYYY hh:mm A',
  'DD/MM/YYYY HH:mm',
  'YYYY-MM-DD HH:mm:ss',
  EXCEL_SERIAL,
];

export const newTransform = (type: TransformType): Transform => {
  switch (type) {
    case 'trim':
      return { type };
    case 'case':
      return { type, to: 'title' };
    case 'split':
      return { type, separator: ' ', index: 0 };
    case 'replace':
      return { type, find: ' ', with: '' };
    case 'empty':
      return { type, values: ['N/A', '-'] };
    case 'date':
      return { type, format: 'DD/MM/YYYY' };
    case 'number':
      return { type, locale: 'fr' };
    case 'boolean':
      return { type, true: ['yes', 'y', 'x', '1'], false: ['no', 'n', '0'] };
    case 'valueMap':
      return { type, map: {}, createMissingOptions: false };
    case 'list':
      return { type, separator: ';' };
  }
};

const quoted = (text: string) => `“${text}”`;

export const describeTransform = (transform: Transform): string => {
  switch (transform.type) {
    case 'trim':
      return 'Trim spaces';
    case 'case':
      return `Case: ${transform.to}`;
    case 'split':
      return `Piece ${transform.index} of the text cut at ${quoted(transform.separator)}`;
    case 'replace':
      return `Replace ${quoted(transform.find)} with ${quoted(transform.with)}`;
    case 'empty':
      return `Empty: ${transform.values.map(quoted).join(', ')}`;
    case 'date':
      return `Dates as ${transform.format}${transform.timeZone ? ` (${transform.timeZone})` : ''}`;
    case 'number':
      return `Numbers as ${{ en: '1,234.56', fr: '1 234,56', de: '1.234,56' }[transform.locale]}`;
    case 'boolean':
      return `Yes: ${transform.true.join(', ')} · No: ${transform.false.join(', ') || '—'}`;
    case 'valueMap': {
      const count = Object.keys(transform.map).length;
      return `${count} value${count === 1 ? '' : 's'} mapped${transform.createMissingOptions ? ', missing options created' : ''}`;
    }
    case 'list':
      return `Items separated by ${quoted(transform.separator)}`;
  }
};

/** "N/A, -, none" → ["N/A", "-", "none"]; empty pieces dropped. */
export const splitWords = (text: string): string[] =>
  text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');

export const joinWords = (words: readonly string[]): string => words.join(', ');

export const replaceAt = <T>(list: readonly T[], index: number, value: T): T[] =>
  list.map((item, at) => (at === index ? value : item));

export const removeAt = <T>(list: readonly T[], index: number): T[] =>
  list.filter((_, at) => at !== index);

export const move = <T>(list: readonly T[], index: number, by: -1 | 1): T[] => {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
};

/** A transform's problem, shown before the document is refused (empty find, no true word…). */
export const transformProblem = (transform: Transform): string | null => {
  switch (transform.type) {
    case 'split':
      return transform.separator === '' ? 'Give a separator' : null;
    case 'replace':
      return transform.find === '' ? 'Give the text to find' : null;
    case 'empty':
      return transform.values.length === 0 ? 'Give at least one text' : null;
    case 'date':
      return transform.format.trim() === '' ? 'Give a format' : null;
    case 'boolean':
      return transform.true.length === 0 ? 'Give at least one word for yes' : null;
    case 'list':
      return transform.separator === '' ? 'Give a separator' : null;
    default:
      return null;
  }
};

/** Value-map entries as rows to edit: [source text, option]. */
export const mapEntries = (map: Record<string, string>): Array<[string, string]> =>
  Object.entries(map);

export const entriesToMap = (entries: ReadonlyArray<[string, string]>): Record<string, string> =>
  Object.fromEntries(entries.filter(([from]) => from !== ''));
