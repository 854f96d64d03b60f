import { z } from 'zod';
import { connectionIdSchema } from './connections';

/**
 * The workspace model as the diagram needs it: every object (standard, custom, system) with its
 * fields and, for relations, the other end by name. Read from Twenty's metadata API.
 */
export const modelFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  type: z.string(),
  description: z.string().nullable(),
  icon: z.string().nullable(),
  isCustom: z.boolean(),
  isSystem: z.boolean(),
  isActive: z.boolean(),
  isNullable: z.boolean(),
  isUnique: z.boolean(),
  isLabelSyncedWithName: z.boolean(),
  /** Twenty's JSON as stored: type-specific, read by the editor and the schema file. */
  defaultValue: z.unknown(),
  options: z.unknown(),
  settings: z.record(z.string(), z.unknown()).nullable(),
  relation: z
    .object({
      type: z.string(),
      targetObject: z.string(),
      targetField: z.string().nullable(),
      targetFieldId: z.string().nullable(),
    })
    .nullable(),
});
export type ModelField = z.infer<typeof modelFieldSchema>;

export const modelObjectSchema = z.object({
  id: z.string(),
  nameSingular: z.string(),
  namePlural: z.string(),
  labelSingular: z.string(),
  labelPlural: z.string(),
  description: z.string().nullable(),
  icon: z.string().nullable(),
  isCustom: z.boolean(),
  isSystem: z.boolean(),
  isActive: z.boolean(),
  isLabelSyncedWithName: z.boolean(),
  fields: z.array(modelFieldSchema),
});
export type ModelObject = z.infer<typeof modelObjectSchema>;

export const workspaceModelSchema = z.object({ objects: z.array(modelObjectSchema) });
export type WorkspaceModel = z.infer<typeof workspaceModelSchema>;

export const modelReadSchema = z.object({
  model: workspaceModelSchema,
  readAt: z.string(),
  /** 'cache': the workspace could not be read now; `problem` says why. */
  source: z.enum(['live', 'cache']),
  problem: z.string().nullable(),
});
export type ModelRead = z.infer<typeof modelReadSchema>;

export const getModelInputSchema = z.object({
  connectionId: connectionIdSchema,
  /** Read the workspace even if a cached copy exists. */
  refresh: z.boolean().default(false),
});

const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
export const diagramLayoutSchema = z.object({
  positions: z.record(z.string().max(200), positionSchema),
});
export type DiagramLayout = z.infer<typeof diagramLayoutSchema>;

export const saveLayoutInputSchema = z.object({
  connectionId: connectionIdSchema,
  layout: diagramLayoutSchema,
});
