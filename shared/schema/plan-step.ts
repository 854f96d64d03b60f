import type { SchemaField } from './schema-document';

/** The steps of a change plan: Twenty's metadata mutations, named instead of identified. */
export type PlanOperation =
  | 'createOneObject'
  | 'updateOneObject'
  | 'deleteOneObject'
  | 'createOneField'
  | 'updateOneField'
  | 'deleteOneField'
  | 'unsupported';

export interface CreateObjectInput {
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  description?: string | null;
  icon?: string | null;
  isLabelSyncedWithName?: boolean | null;
}

export interface UpdateObjectPayload {
  nameSingular?: string | null;
  namePlural?: string | null;
  labelSingular?: string | null;
  labelPlural?: string | null;
  description?: string | null;
  icon?: string | null;
  isActive?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
}

/** `relationCreationPayload` with the target named instead of identified. */
export interface PlannedRelationPayload {
  type: 'MANY_TO_ONE' | 'ONE_TO_MANY';
  targetObjectName: string;
  targetFieldLabel: string;
  targetFieldIcon: string;
}

export interface PlannedOption {
  label: string;
  value: string;
  color?: string | null;
  position: number;
}

export interface CreateFieldInput {
  type: SchemaField['type'];
  name: string;
  label: string;
  description?: string | null;
  icon?: string | null;
  isActive?: boolean | null;
  isNullable?: boolean | null;
  isUnique?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
  defaultValue?: unknown;
  options?: PlannedOption[] | null;
  settings?: Record<string, unknown> | null;
  relationCreationPayload?: PlannedRelationPayload | null;
}

export interface UpdateFieldInput {
  name?: string | null;
  label?: string | null;
  description?: string | null;
  icon?: string | null;
  isActive?: boolean | null;
  isUnique?: boolean | null;
  isLabelSyncedWithName?: boolean | null;
  defaultValue?: unknown;
  /** The full list, as Twenty wants it; apply keeps the ids of options that stay (by value). */
  options?: PlannedOption[] | null;
  settings?: Record<string, unknown> | null;
}

interface StepBase {
  /** Stable within a plan: `<verb>:<object>[.<field>]`. */
  id: string;
  objectName: string;
  destructive: boolean;
  description: string;
}

export type PlanStep =
  | (StepBase & { operation: 'createOneObject'; input: { object: CreateObjectInput } })
  | (StepBase & { operation: 'updateOneObject'; input: { update: UpdateObjectPayload } })
  | (StepBase & { operation: 'deleteOneObject' })
  | (StepBase & {
      operation: 'createOneField';
      fieldName: string;
      input: { field: CreateFieldInput };
      /** RELATION: the inverse field's name wanted on the target object. */
      inverseName?: string;
    })
  | (StepBase & {
      operation: 'updateOneField';
      fieldName: string;
      input: { update: UpdateFieldInput };
    })
  | (StepBase & { operation: 'deleteOneField'; fieldName: string })
  | (StepBase & { operation: 'unsupported'; fieldName?: string; reason: string });

export interface SchemaPlan {
  steps: PlanStep[];
}
