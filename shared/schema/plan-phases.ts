import type { PlanStep, TypeChangeRef } from './plan-step';

/**
 * The phases of a plan, in order (docs/schema-file.md, "Plan"). Unsupported steps come first so a
 * plan holding one applies nothing; renames come before creations that may take the old names;
 * an inactive object or field is activated for the data steps that read it (and deactivated after
 * them); data is moved before the options update that drops the merged options; a type change copies
 * its values before any field is deleted; destructive steps come last.
 */
export const PHASE = {
  unsupported: 0,
  freeNames: 1,
  renameObjects: 2,
  createObjects: 3,
  updateObjects: 4,
  renameFields: 5,
  createFields: 6,
  activateForData: 7,
  moveOptionValues: 8,
  updateFields: 9,
  createRelations: 10,
  /** After the relations they name exist, before any of them is deleted. */
  junctionTargets: 11,
  copyValues: 12,
  deactivateObjects: 13,
  swapFields: 14,
  deleteRelations: 15,
  deleteFields: 16,
  deleteObjects: 17,
} as const;

export type AddStep = (phase: number, step: PlanStep) => void;

export const code = (name: string) => `\`${name}\``;
export const at = (objectName: string, fieldName: string) =>
  `${code(fieldName)} on ${code(objectName)}`;

export const describeValue = (value: unknown): string =>
  value === null ? 'none' : typeof value === 'string' ? value : JSON.stringify(value);

/** `updateOneField { isActive }`: `activate-field:` / `deactivate-field:<object>.<field>`. */
export const fieldActivationStep = (
  objectName: string,
  fieldName: string,
  isActive: boolean,
  description: string,
  typeChange?: TypeChangeRef,
): PlanStep => ({
  id: `${isActive ? 'activate' : 'deactivate'}-field:${objectName}.${fieldName}`,
  operation: 'updateOneField',
  objectName,
  fieldName,
  input: { update: { isActive } },
  destructive: false,
  ...(typeChange ? { typeChange } : {}),
  description,
});
