import { z } from 'zod';
import {
  IMPORT_MODES,
  IMPORT_STATES,
  sourceOptionsSchema,
  stepCountsSchema,
  type StepCounts,
} from '../../../shared/contract/imports';
import { mappingDocumentSchema } from '../../../shared/imports/mapping';

/**
 * What is kept of an import in `<dataDir>/imports/<id>/import.json`: its files, mappings, modes,
 * state and counts. The rows themselves are never copied here: validation and the run read the
 * source file again (staging freezes what a run writes, see run/stage-step.ts).
 */
export const storedStepSchema = z.object({
  id: z.string(),
  path: z.string(),
  source: sourceOptionsSchema,
  mapping: mappingDocumentSchema,
  mode: z.enum(IMPORT_MODES),
  counts: stepCountsSchema,
  /** The mapping's warnings against the model when it was kept (errors are refused). */
  mappingProblems: z
    .array(
      z.object({
        field: z.string().nullable(),
        message: z.string(),
        severity: z.enum(['error', 'warning']),
      }),
    )
    .default([]),
});
export type StoredStep = z.infer<typeof storedStepSchema>;

export const storedImportSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  name: z.string(),
  connectionId: z.string(),
  dryRunOf: z.string().nullable().default(null),
  state: z.enum(IMPORT_STATES),
  message: z.string(),
  steps: z.array(storedStepSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set when a run has begun: its steps can no longer change (roll back or make a new import). */
  ranAt: z.string().nullable().default(null),
  resultPath: z.string().nullable().default(null),
});
export type StoredImport = z.infer<typeof storedImportSchema>;

export const emptyCounts = (): StepCounts => ({
  rows: 0,
  errorRows: 0,
  warningRows: 0,
  duplicateRows: 0,
  excludedRows: 0,
  existingRows: null,
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  parentsCreated: 0,
});

/** The admin's changes to rows, per step: cells by line, excluded lines. */
export const stepFixesSchema = z.object({
  cells: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  excluded: z.array(z.number()).default([]),
});
export type StepFixes = z.infer<typeof stepFixesSchema>;

export const fixesFileSchema = z.object({
  version: z.literal(1),
  steps: z.record(z.string(), stepFixesSchema),
});
export type FixesFile = z.infer<typeof fixesFileSchema>;
