import { AppError } from '../../../shared/errors/app-error';
import type { MappingDocument } from '../../../shared/imports/mapping';

/**
 * The order a multi-file import runs in: a file whose rows look up records of another file's
 * object runs after it (companies, then people, then opportunities…), otherwise in the order
 * given. A cycle (companies look up people who look up companies) cannot be ordered.
 */
export const orderSteps = <T extends { mapping: MappingDocument }>(steps: T[]): T[] => {
  const objectOf = (step: T) => step.mapping.object;
  const dependsOn = (step: T): Set<string> =>
    new Set(
      Object.values(step.mapping.fields).flatMap((source) =>
        source.kind === 'lookup' && source.object !== objectOf(step) ? [source.object] : [],
      ),
    );
  const ordered: T[] = [];
  const placed = new Set<T>();
  const visiting = new Set<T>();
  const visit = (step: T) => {
    if (placed.has(step)) return;
    if (visiting.has(step))
      throw new AppError(
        'INVALID_INPUT',
        `The files look each other up in a circle (${[...visiting].map(objectOf).join(' → ')}): import one of them without its lookup first`,
      );
    visiting.add(step);
    const needs = dependsOn(step);
    for (const other of steps) if (other !== step && needs.has(objectOf(other))) visit(other);
    visiting.delete(step);
    placed.add(step);
    ordered.push(step);
  };
  for (const step of steps) visit(step);
  return ordered;
};
