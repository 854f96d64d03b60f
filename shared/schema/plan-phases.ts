import type { PlanStep } from './plan-step';

/**
 * The phases of a plan, in order (docs/schema-file.md, "Plan"). Unsupported steps come first so a
 * plan holding one applies nothing; renames come before creations that may take the old names;
 * data is moved before the options update that drops the merged options; a type change copies
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
  moveOptionValues: 7,
  updateFields: 8,
  createRelations: 9,
  copyValues: 10,
  deactivateObjects: 11,
  swapFields: 12,
  deleteRelations: 13,
  deleteFields: 14,
  deleteObjects: 15,
} as const;

export type AddStep = (phase: number, step: PlanStep) => void;

export const code = (name: string) => `\`${name}\``;
export const at = (objectName: string, fieldName: string) =>
  `${code(fieldName)} on ${code(objectName)}`;

export const describeValue = (value: unknown): string =>
  value === null ? 'none' : typeof value === 'string' ? value : JSON.stringify(value);
