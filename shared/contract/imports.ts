import { z } from 'zod';
import { mappingDocumentSchema, parseMappingDocument } from '../imports/mapping';
import { connectionIdSchema } from './connections';

/**
 * The migration wizard (issue 8): an import is one or more files, each mapped onto one object,
 * kept on disk under an id so it survives restarts. Validation, the run and a rollback are jobs
 * (progress, cancel = pause); the run resumes from its journal without duplicates or gaps.
 * docs/imports.md describes the engine.
 */

/** An absolute path to a file on this machine (the main process reads it, never the renderer). */
export const localFilePathSchema = z
  .string()
  .trim()
  .min(2)
  .max(4096)
  .refine((path) => /^(\/|[A-Za-z]:[\\/])/.test(path), 'Give the full path of the file');

export const SOURCE_ENCODING_NAMES = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
] as const;

/** How to read a file; anything left out is detected. */
export const sourceOptionsSchema = z.object({
  encoding: z.enum(SOURCE_ENCODING_NAMES).optional(),
  delimiter: z.string().min(1).max(5).optional(),
  sheet: z.string().min(1).max(200).optional(),
  headerRow: z.number().int().min(1).max(1_000_000).optional(),
});
export type SourceOptionsInput = z.infer<typeof sourceOptionsSchema>;

export const inspectFileInputSchema = z.object({
  path: localFilePathSchema,
  source: sourceOptionsSchema.default({}),
});

export const sourceInfoSchema = z.object({
  kind: z.enum(['csv', 'xlsx']),
  encoding: z.enum(SOURCE_ENCODING_NAMES).nullable(),
  encodingConfidence: z.enum(['bom', 'valid-utf8', 'guess', 'chosen']).nullable(),
  delimiter: z.string().nullable(),
  delimiterConfidence: z.enum(['chosen', 'detected', 'default']).nullable(),
  sheets: z.array(z.string()),
  hiddenSheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  sampleLines: z.array(z.number()),
  sizeBytes: z.number(),
});
export type SourceInfoRead = z.infer<typeof sourceInfoSchema>;

/** A mapping document as data; main checks it again with `parseMappingDocument`. */
export const mappingInputSchema = z.unknown().transform((value, ctx) => {
  const parsed = parseMappingDocument(value);
  if (parsed.ok) return parsed.mapping;
  for (const message of parsed.problems) ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});

export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;

export const importStepInputSchema = z.object({
  path: localFilePathSchema,
  source: sourceOptionsSchema.default({}),
  mapping: mappingInputSchema,
  /** create: new records only (a key match is skipped); update: key matches only; upsert: both. */
  mode: z.enum(IMPORT_MODES).default('create'),
});

export const importNameSchema = z.string().trim().min(1).max(200);

export const createImportInputSchema = z.object({
  connectionId: connectionIdSchema,
  name: importNameSchema,
  /** In any order: the run orders them by their lookups (parents first). */
  steps: z.array(importStepInputSchema).min(1).max(20),
});

export const updateImportInputSchema = z.object({
  importId: z.string().min(1).max(100),
  name: importNameSchema.optional(),
  steps: z.array(importStepInputSchema).min(1).max(20).optional(),
});

export const importRefSchema = z.object({ importId: z.string().min(1).max(100) });

export const validateInputSchema = z.object({
  importId: z.string().min(1).max(100),
  /**
   * Check keys, unique values and lookups against the workspace (a request per 200 rows and key;
   * on a very large file under Twenty's 100-per-minute limit, minutes). Off: the file alone is
   * checked; the run still finds existing records batch by batch.
   */
  checkWorkspace: z.boolean().default(true),
});

export const readMappingFileInputSchema = z.object({ path: localFilePathSchema });
export const readMappingFileSchema = z.object({
  mapping: mappingDocumentSchema.nullable(),
  /** Why the file is not a mapping this Atelier reads (empty when it is). */
  problems: z.array(z.string()),
});

export const IMPORT_STATES = [
  /** Mapped, not validated since the last change. */
  'draft',
  'validating',
  'validated',
  'running',
  /** Stopped by the admin or by a crash: `imports.run` resumes from the journal. */
  'paused',
  'done',
  'failed',
  'rolling-back',
  'rolled-back',
] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export const stepCountsSchema = z.object({
  /** Data rows read from the file. */
  rows: z.number(),
  /** Rows with at least one error (not counting excluded ones). */
  errorRows: z.number(),
  warningRows: z.number(),
  /** Rows with the same key as an earlier row (resolved by the mapping's duplicate rule). */
  duplicateRows: z.number(),
  excludedRows: z.number(),
  /** Validation against the workspace: rows whose key matches a record there. */
  existingRows: z.number().nullable(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  failed: z.number(),
  /** Records of other objects created for lookups ("create missing"). */
  parentsCreated: z.number(),
});
export type StepCounts = z.infer<typeof stepCountsSchema>;

export const importStepSchema = z.object({
  id: z.string(),
  path: z.string(),
  fileName: z.string(),
  source: sourceOptionsSchema,
  mapping: mappingDocumentSchema,
  mode: z.enum(IMPORT_MODES),
  /** Position in the run (parents first). */
  order: z.number(),
  counts: stepCountsSchema,
  /** Problems of the mapping itself (from compiling it against the target's model). */
  mappingProblems: z.array(
    z.object({
      field: z.string().nullable(),
      message: z.string(),
      severity: z.enum(['error', 'warning']),
    }),
  ),
});
export type ImportStep = z.infer<typeof importStepSchema>;

export const importProgressSchema = z.object({
  /** Rows finished in the current phase, over every step. */
  done: z.number(),
  total: z.number().nullable(),
  /** Rows per second over the last moments. */
  rate: z.number().nullable(),
  /** Seconds left at that rate. */
  etaSeconds: z.number().nullable(),
  phase: z.string(),
});

export const importSchema = z.object({
  id: z.string(),
  name: z.string(),
  connectionId: z.string(),
  /** Set for a dry run: the import it is a copy of (`connectionId` is the workspace it ran on). */
  dryRunOf: z.string().nullable(),
  state: z.enum(IMPORT_STATES),
  message: z.string(),
  steps: z.array(importStepSchema),
  progress: importProgressSchema.nullable(),
  jobId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The per-row result file of the last run (CSV), once there is one. */
  resultPath: z.string().nullable(),
});
export type Import = z.infer<typeof importSchema>;

export const importListSchema = z.object({ imports: z.array(importSchema) });

export const ROW_FILTERS = ['errors', 'warnings', 'duplicates', 'excluded', 'problems'] as const;

export const problemRowsInputSchema = z.object({
  importId: z.string().min(1).max(100),
  stepId: z.string().min(1).max(100),
  /** problems = errors, warnings, duplicates and excluded rows together. */
  filter: z.enum(ROW_FILTERS).default('problems'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const rowProblemSchema = z.object({
  field: z.string(),
  column: z.string().nullable(),
  value: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const problemRowSchema = z.object({
  /** Row number in the file as a spreadsheet shows it. */
  line: z.number(),
  /** Cells by column name, fixes applied. */
  cells: z.record(z.string(), z.string()),
  /** Columns the admin changed. */
  fixed: z.array(z.string()),
  excluded: z.boolean(),
  problems: z.array(rowProblemSchema),
  /** Line of the earlier row with the same key. */
  duplicateOf: z.number().nullable(),
});
export type ProblemRow = z.infer<typeof problemRowSchema>;

export const problemRowsSchema = z.object({
  headers: z.array(z.string()),
  total: z.number(),
  rows: z.array(problemRowSchema),
});

export const fixRowInputSchema = z.object({
  importId: z.string().min(1).max(100),
  stepId: z.string().min(1).max(100),
  line: z.number().int().min(1),
  /** Column → new text; a column set back to its original text is no longer a fix. */
  cells: z.record(z.string().max(1000), z.string().max(100_000)).optional(),
  excluded: z.boolean().optional(),
});

export const reportInputSchema = z.object({
  importId: z.string().min(1).max(100),
  stepId: z.string().min(1).max(100).optional(),
});

/** A CSV file made in main for the admin to download. */
export const reportFileSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  rows: z.number(),
  /** The file's text, for the renderer to offer as a download (at most 20 MB; else only `path`). */
  csv: z.string().nullable(),
});

export const runImportInputSchema = z.object({
  importId: z.string().min(1).max(100),
  /** Required on any workspace but the local one: the admin confirmed writing there. */
  confirm: z.boolean().default(false),
  /** Rows with errors are written as failed in the result file (true) or stop the start (false). */
  skipErrorRows: z.boolean().default(true),
});

export const dryRunInputSchema = z.object({
  importId: z.string().min(1).max(100),
  /** The local workspace or a replica; default: the connection's replica, else the local workspace. */
  targetConnectionId: connectionIdSchema.optional(),
});

export const resultRowsInputSchema = z.object({
  importId: z.string().min(1).max(100),
  status: z.enum(['created', 'updated', 'skipped', 'failed']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const resultRowSchema = z.object({
  step: z.string(),
  line: z.number(),
  status: z.enum(['created', 'updated', 'skipped', 'failed']),
  id: z.string().nullable(),
  reason: z.string(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const resultRowsSchema = z.object({ total: z.number(), rows: z.array(resultRowSchema) });

export const savedMappingNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[\w .()-]+$/, 'Use letters, digits, spaces, dots, dashes and underscores');

export const savedMappingSchema = z.object({
  name: z.string(),
  object: z.string(),
  mapping: mappingDocumentSchema,
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

export const saveMappingInputSchema = z.object({
  name: savedMappingNameSchema,
  mapping: mappingInputSchema,
});
