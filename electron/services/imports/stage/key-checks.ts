import type { ModelObject } from '../../../../shared/contract/data-model';
import {
  DuplicateResolver,
  ownString,
  fieldTypesOf,
  resolveKeyPath,
  rowKey,
  type KeyTarget,
  type RowResult,
} from '../../../../shared/imports';
import type { MappingDocument } from '../../../../shared/imports/mapping';

/**
 * The keys a file is checked by: the mapping's dedupe key (duplicates resolved by its rule) and
 * every unique field the mapping fills (a second row with the same value is an error, as Twenty
 * would refuse it).
 */
export interface StepKeys {
  dedupe: KeyTarget | null;
  unique: KeyTarget[];
}

export const stepKeys = (mapping: MappingDocument, object: ModelObject): StepKeys => {
  const resolved = mapping.dedupe ? resolveKeyPath(object, mapping.dedupe.key) : null;
  const dedupe = resolved && !('error' in resolved) ? resolved : null;
  const unique: KeyTarget[] = [];
  for (const field of object.fields) {
    if (
      !field.isUnique ||
      !field.isActive ||
      field.name === 'id' ||
      !(field.name in mapping.fields)
    )
      continue;
    if (dedupe && dedupe.field.name === field.name) continue;
    const target = resolveKeyPath(object, field.name);
    if (!('error' in target)) unique.push(target);
  }
  return { dedupe, unique };
};

export const dedupeKeyError = (mapping: MappingDocument, object: ModelObject): string | null => {
  if (!mapping.dedupe) return null;
  const resolved = resolveKeyPath(object, mapping.dedupe.key);
  return 'error' in resolved ? resolved.error : null;
};

const labelOf = (target: KeyTarget) => target.field.label || target.field.name;

/** In-file checks, row by row in file order (memory grows with distinct keys). */
export const inFileChecks = (mapping: MappingDocument, object: ModelObject, keys: StepKeys) => {
  const resolver = keys.dedupe
    ? new DuplicateResolver<RowResult>(
        keys.dedupe,
        mapping.dedupe!.duplicates,
        fieldTypesOf(object),
      )
    : null;
  const seen = keys.unique.map(() => new Map<string, number>());
  return {
    resolver,
    /** The line of the earlier row with the same dedupe key, or null; unique clashes become errors. */
    check(line: number, result: RowResult): number | null {
      keys.unique.forEach((target, i) => {
        const key = rowKey(target, result.values);
        if (key === null) return;
        const first = seen[i]!.get(key);
        // A copy: the key may be a slice of the file's chunk, which it would keep alive.
        if (first === undefined) seen[i]!.set(ownString(key), line);
        else {
          result.problems.push({
            field: target.path,
            column: null,
            value: key,
            message: `${labelOf(target)} must be unique: line ${first} has the same value`,
            severity: 'error',
          });
          result.hasErrors = true;
        }
      });
      if (!resolver || result.hasErrors) return null;
      const outcome = resolver.add(line, result);
      return outcome.status === 'duplicate' ? outcome.of : null;
    },
  };
};
