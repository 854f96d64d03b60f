import type { SchemaField } from './schema-document';

/**
 * The steps of a change plan: Twenty's metadata mutations, named instead of identified, and two
 * data steps that rewrite records through the core API (`copyFieldValues` for a type change,
 * `moveOptionValues` for an option merge).
 */
export type PlanOperation =
  | 'createOneObject'
  | 'updateOneObject'
  | 'deleteOneObject'
  | 'createOneField'
  | 'updateOneField'
  | 'deleteOneField'
  | 'copyFieldValues'
  | 'moveOptionValues'
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
  /**
   * The option's value before this plan when it is renamed: apply gives it the id of the option
   * holding that value, so Twenty moves the stored values with it (never sent to Twenty).
   */
  previousValue?: string;
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
  /** The full list, as Twenty wants it; apply keeps the ids (by `previousValue ?? value`). */
  options?: PlannedOption[] | null;
  settings?: Record<string, unknown> | null;
  /**
   * A ONE_TO_MANY field's many-to-many display: the junction field it lists through (null: none).
   * Apply sets `settings.junctionTargetFieldId` to that field's id over the field's live settings
   * (never sent as such).
   */
  junctionTarget?: { objectName: string; fieldName: string } | null;
}

/** A field as a type change migrates it: the old field, the temporary one, the final one. */
export interface TypeChangeRef {
  from: { name: string; type: SchemaField['type'] };
  temp: string;
  to: { name: string; type: SchemaField['type'] };
}

interface StepBase {
  /** Stable within a plan: `<verb>:<object>[.<field>]`. */
  id: string;
  /** The object's name when the step runs (after the plan's object renames, except name-freeing deletes). */
  objectName: string;
  destructive: boolean;
  description: string;
  /** Part of a type change: apply recognises the step as done when an earlier run did it. */
  typeChange?: TypeChangeRef;
}

export interface CopyFieldValuesInput {
  /** Field read (its name when the step runs). */
  from: string;
  /** Field written. */
  to: string;
  fromField: SchemaField;
  toField: SchemaField;
}

export interface MoveOptionValuesInput {
  /** Records holding `from` get `to` (an option value that exists when the step runs). */
  moves: Array<{ from: string; to: string }>;
  /** MULTI_SELECT: replaced within the arrays, duplicates dropped. */
  multi: boolean;
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
  | (StepBase & { operation: 'copyFieldValues'; fieldName: string; input: CopyFieldValuesInput })
  | (StepBase & {
      operation: 'moveOptionValues';
      fieldName: string;
      input: MoveOptionValuesInput;
    })
  | (StepBase & { operation: 'unsupported'; fieldName?: string; reason: string });

export interface SchemaPlan {
  steps: PlanStep[];
}
