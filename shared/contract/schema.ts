import { z } from 'zod';
import { schemaDocumentSchema, schemaFieldSchema } from '../schema/schema-document';
import { connectionIdSchema } from './connections';

/**
 * The data-model editor's draft, its review as a plan and the plan's apply. A draft is the model
 * the admin wants (a schema document) next to the model it started from, plus the renames the
 * editor saw happen (a rename is not a remove + add: the data stays).
 */
const name = z.string().min(1).max(200);

export const schemaRenamesSchema = z.object({
  /** old nameSingular → new nameSingular */
  objects: z.record(name, name).default({}),
  /** `${oldObjectName}.${oldFieldName}` → new field name */
  fields: z.record(name, name).default({}),
  /** `${oldObjectName}.${oldFieldName}` → { old option value: new option value } (n:1 = merge) */
  options: z.record(name, z.record(name, name)).default({}),
});
export type SchemaRenamesInput = z.input<typeof schemaRenamesSchema>;

export const schemaDraftSchema = z.object({
  base: schemaDocumentSchema,
  target: schemaDocumentSchema,
  renames: schemaRenamesSchema,
  updatedAt: z.string(),
});
export type SchemaDraft = z.infer<typeof schemaDraftSchema>;

export const saveDraftInputSchema = z.object({
  connectionId: connectionIdSchema,
  draft: schemaDraftSchema,
});

export const readSchemaOutputSchema = z.object({
  document: schemaDocumentSchema,
  readAt: z.string(),
  /** 'cache': the workspace could not be read now; the last-read model was used. */
  source: z.enum(['live', 'cache']),
  problem: z.string().nullable(),
});
export type SchemaRead = z.infer<typeof readSchemaOutputSchema>;

export const reviewChangesInputSchema = z.object({
  connectionId: connectionIdSchema,
  target: schemaDocumentSchema,
  renames: schemaRenamesSchema.default({ objects: {}, fields: {}, options: {} }),
  /** What the draft started from: a different live schema means someone changed it since. */
  base: schemaDocumentSchema.nullable().default(null),
});

export const usageSchema = z.object({
  kind: z.string(),
  description: z.string(),
  id: z.string().optional(),
});
export type UsageView = z.infer<typeof usageSchema>;

export const reviewedStepSchema = z.object({
  id: z.string(),
  operation: z.string(),
  objectName: z.string(),
  fieldName: z.string().optional(),
  destructive: z.boolean(),
  description: z.string(),
  /** Why Twenty cannot do it (unsupported steps only): a plan holding one applies nothing. */
  reason: z.string().optional(),
  /** The exact metadata input sent (names resolved to ids when applied). */
  input: z.unknown().optional(),
  /** Records affected by a destructive step: all of the object's, or those holding a value. */
  affected: z
    .object({ records: z.number().int(), withValue: z.number().int().nullable() })
    .nullable(),
  usages: z.array(usageSchema),
});
export type ReviewedStep = z.infer<typeof reviewedStepSchema>;

export const changePlanReviewSchema = z.object({
  planId: z.string(),
  connectionId: connectionIdSchema,
  steps: z.array(reviewedStepSchema),
  /** The live schema differs from the draft's base: the plan was made from the live one. */
  drift: z.boolean(),
  readAt: z.string(),
  notes: z.array(z.string()),
});
export type ChangePlanReview = z.infer<typeof changePlanReviewSchema>;

export const stepStatusSchema = z.enum(['pending', 'running', 'applied', 'failed', 'skipped']);
export type StepStatusView = z.infer<typeof stepStatusSchema>;

export const applyProgressSchema = z.object({
  planId: z.string(),
  index: z.number().int(),
  status: stepStatusSchema,
  /** Data steps (value copies, option merges): records done so far. */
  done: z.number().int().optional(),
  total: z.number().int().optional(),
});
export type ApplyProgress = z.infer<typeof applyProgressSchema>;

export const applyReportSchema = z.object({
  planId: z.string(),
  applied: z.array(z.string()),
  skipped: z.array(z.string()),
  failed: z
    .object({
      step: z.string(),
      error: z.string(),
      code: z.string().optional(),
      userFriendlyMessage: z.string().optional(),
    })
    .nullable(),
  cancelled: z.boolean(),
});
export type ApplyReportView = z.infer<typeof applyReportSchema>;

export const planRefSchema = z.object({ planId: z.string().min(1).max(64) });

export const typeChangePreviewInputSchema = z.object({
  connectionId: connectionIdSchema,
  objectName: name,
  fieldName: name,
  /** The field as it will be after the change (type, options, settings). */
  to: schemaFieldSchema,
});

export const typeChangePreviewSchema = z.object({
  total: z.number().int(),
  empty: z.number().int(),
  converted: z.number().int(),
  lost: z.number().int(),
  samples: z.array(z.object({ recordId: z.string(), value: z.unknown(), reason: z.string() })),
});
export type TypeChangePreview = z.infer<typeof typeChangePreviewSchema>;

export const findUsagesInputSchema = z.object({
  connectionId: connectionIdSchema,
  objectName: name,
  fieldName: name.optional(),
  optionValues: z.array(name).max(500).optional(),
});

export const usagesSchema = z.object({ usages: z.array(usageSchema), notes: z.array(z.string()) });
