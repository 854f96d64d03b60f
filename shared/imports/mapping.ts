import { z } from 'zod';

/**
 * The mapping document: how the columns of a file become the fields of one Twenty object. It is
 * saved beside an import and reused by later imports and by the command line, so it is versioned
 * and validated as data. Field values are always built from the text of cells: transforms reshape
 * that text (trim, case, split…) or tell the converter how to read it (date format, number
 * locale, boolean words, value map). docs/import-mapping.md describes every rule.
 */
export const MAPPING_VERSION = 1;

const columnSchema = z.string().min(1).max(1000);

/** IANA zone the runtime knows ("UTC", "Europe/Paris"); Intl throws on unknown ones. */
export const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const timeZoneSchema = z.string().refine(isValidTimeZone, {
  message: 'Unknown time zone (use an IANA name such as Europe/Paris)',
});

export const NUMBER_LOCALES = ['en', 'fr', 'de'] as const;
export type NumberLocale = (typeof NUMBER_LOCALES)[number];

/** `format` of a date transform that reads spreadsheet serial numbers (days since 1899-12-30). */
export const EXCEL_SERIAL = 'excel-serial';

export const transformSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('trim') }),
  z.object({ type: z.literal('case'), to: z.enum(['lower', 'upper', 'title']) }),
  /** The `index`-th piece of the text cut at `separator` (negative counts from the end). */
  z.object({ type: z.literal('split'), separator: z.string().min(1), index: z.number().int() }),
  /** Every occurrence of `find` replaced (literal text, not a pattern). */
  z.object({ type: z.literal('replace'), find: z.string().min(1), with: z.string() }),
  /** Texts that mean "no value" in this file ("N/A", "-", "null"), compared case-insensitively. */
  z.object({ type: z.literal('empty'), values: z.array(z.string()).min(1) }),
  /**
   * How dates are written: a pattern of YYYY YY MM M MMM MMMM DD D HH H hh h mm ss SSS A (AM/PM)
   * and literal separators, e.g. 'DD/MM/YYYY', 'MM/DD/YYYY HH:mm', or 'excel-serial'. A time may
   * follow a date-only pattern. Times without a zone are read in `timeZone` (else the document's).
   */
  z.object({
    type: z.literal('date'),
    format: z.string().min(1).max(60),
    timeZone: timeZoneSchema.optional(),
  }),
  /** Thousands and decimal separators: en 1,234.56 · fr 1 234,56 · de 1.234,56. */
  z.object({ type: z.literal('number'), locale: z.enum(NUMBER_LOCALES) }),
  /** Words meaning true / false (case-insensitive); `empty` is what an empty cell means. */
  z.object({
    type: z.literal('boolean'),
    true: z.array(z.string()).min(1),
    false: z.array(z.string()),
    empty: z.boolean().optional(),
  }),
  /**
   * Source text → option value or label of a SELECT / MULTI_SELECT / RATING field (keys compared
   * case-insensitively). With `createMissingOptions`, values matching no option are reported as
   * options to create instead of errors.
   */
  z.object({
    type: z.literal('valueMap'),
    map: z.record(z.string(), z.string()),
    createMissingOptions: z.boolean().default(false),
  }),
  /** Separator between the items of one cell (MULTI_SELECT, ARRAY, several emails/phones/links). */
  z.object({ type: z.literal('list'), separator: z.string().min(1) }),
]);
export type Transform = z.output<typeof transformSchema>;
export type TransformInput = z.input<typeof transformSchema>;

const columnPartSchema = z.object({
  column: columnSchema,
  transforms: z.array(transformSchema).default([]),
});
/** A fixed text for one sub-field, e.g. the currency of an amount column. */
const constantPartSchema = z.object({ constant: z.string() });
export const partSchema = z.union([columnPartSchema, constantPartSchema]);
export type Part = z.output<typeof partSchema>;
export type ColumnPart = z.output<typeof columnPartSchema>;

export const fieldSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('column'),
    column: columnSchema,
    transforms: z.array(transformSchema).default([]),
  }),
  /**
   * A composite field built from several columns, keyed by sub-field (FULL_NAME firstName /
   * lastName, CURRENCY amountMicros (the amount as written) / currencyCode, ADDRESS parts,
   * EMAILS primaryEmail / additionalEmails, PHONES primaryPhoneNumber / primaryPhoneCountryCode /
   * primaryPhoneCallingCode / additionalPhones, LINKS primaryLinkUrl / primaryLinkLabel /
   * secondaryLinks). The list sub-fields take several parts.
   */
  z.object({
    kind: z.literal('columns'),
    parts: z.record(z.string(), z.union([partSchema, z.array(partSchema).min(1)])),
  }),
  /** The same value on every row: text is read like a cell, other JSON is sent as given. */
  z.object({ kind: z.literal('constant'), value: z.unknown() }),
  /**
   * A many-to-one relation found by a value of the other object (company by domainName, person
   * by emails…). Kept as data: the engine resolves it, creating missing records when asked.
   */
  z.object({
    kind: z.literal('lookup'),
    column: columnSchema,
    transforms: z.array(transformSchema).default([]),
    object: z.string().min(1),
    by: z.string().min(1),
    createMissing: z.boolean().default(false),
  }),
]);
export type FieldSource = z.output<typeof fieldSourceSchema>;
export type LookupSource = Extract<FieldSource, { kind: 'lookup' }>;

export const DUPLICATE_RULES = ['first', 'last', 'merge'] as const;
export type DuplicateRule = (typeof DUPLICATE_RULES)[number];

export const mappingOptionsSchema = z.object({
  /** Zone of date-times written without one. */
  timeZone: timeZoneSchema.default('UTC'),
  /** Country of phone numbers written without +code (ISO 3166 alpha-2). */
  phoneCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** Currency of amounts written without one (ISO 4217). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** What an empty cell does: leave the field out of the body, or send null (clears on update). */
  emptyCells: z.enum(['omit', 'clear']).default('omit'),
});
export type MappingOptions = z.output<typeof mappingOptionsSchema>;

export const mappingDocumentSchema = z.object({
  version: z.literal(MAPPING_VERSION),
  /** Target object, by `nameSingular`. */
  object: z.string().min(1),
  name: z.string().max(200).optional(),
  /** The source profile the mapping started from (source-profiles.ts), if any. */
  profile: z.string().optional(),
  options: mappingOptionsSchema.prefault({}),
  /** Target field name → where its value comes from. */
  fields: z.record(z.string(), fieldSourceSchema),
  /** How rows of the file are recognised as the same record (dedupe-keys.ts). */
  dedupe: z
    .object({
      /** A field name or a composite sub-field path (`emails.primaryEmail`). */
      key: z.string().min(1),
      duplicates: z.enum(DUPLICATE_RULES).default('first'),
    })
    .optional(),
});
export type MappingDocument = z.output<typeof mappingDocumentSchema>;
export type MappingDocumentInput = z.input<typeof mappingDocumentSchema>;

export type ParsedMapping =
  { ok: true; mapping: MappingDocument } | { ok: false; problems: string[] };

/** Reads a saved document (JSON already parsed), saying what is wrong in plain words. */
export const parseMappingDocument = (json: unknown): ParsedMapping => {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > MAPPING_VERSION)
    return {
      ok: false,
      problems: [
        `This mapping is version ${version}; this Atelier reads version ${MAPPING_VERSION} — update Atelier.`,
      ],
    };
  const parsed = mappingDocumentSchema.safeParse(json);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
    ),
  };
};

/** A new, empty document for an object. */
export const emptyMapping = (object: string): MappingDocument =>
  mappingDocumentSchema.parse({ version: MAPPING_VERSION, object, fields: {} });

export const isColumnPart = (part: Part): part is ColumnPart => 'column' in part;

/** Every column a mapping reads, in first-use order. */
export const mappedColumns = (mapping: MappingDocument): string[] => {
  const columns = new Set<string>();
  for (const source of Object.values(mapping.fields)) {
    if (source.kind === 'column' || source.kind === 'lookup') columns.add(source.column);
    if (source.kind === 'columns')
      for (const part of Object.values(source.parts).flat())
        if (isColumnPart(part)) columns.add(part.column);
  }
  return [...columns];
};
