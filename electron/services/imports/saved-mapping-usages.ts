import type { SavedMapping } from '../../../shared/contract/imports';
import type { ImpactSubject, Usage } from '../schema/impact';

/**
 * Saved import mappings that a data-model change would break: a mapping onto the object (or
 * filling the field), a dedupe key on the field, a lookup into the object (by the field). Shown
 * beside views and saved queries in the editor's impact list.
 */
const uses = (saved: SavedMapping, subject: ImpactSubject): string | null => {
  const { mapping } = saved;
  const root = (path: string) => path.split('.')[0];
  if (mapping.object === subject.objectName) {
    if (!subject.fieldName) return `imports into \`${subject.objectName}\``;
    if (subject.fieldName in mapping.fields) return `fills \`${subject.fieldName}\``;
    if (mapping.dedupe && root(mapping.dedupe.key) === subject.fieldName)
      return `finds records by \`${subject.fieldName}\``;
  }
  for (const [field, source] of Object.entries(mapping.fields)) {
    if (source.kind !== 'lookup' || source.object !== subject.objectName) continue;
    if (!subject.fieldName) return `looks up \`${subject.objectName}\` records (${field})`;
    if (root(source.by) === subject.fieldName)
      return `looks up \`${subject.objectName}\` by \`${subject.fieldName}\` (${field})`;
  }
  return null;
};

export const savedMappingUsages = (mappings: SavedMapping[], subject: ImpactSubject): Usage[] =>
  mappings.flatMap((saved) => {
    const what = uses(saved, subject);
    return what
      ? [
          {
            kind: 'savedMapping' as const,
            description: `Saved import mapping "${saved.name}" ${what}`,
          },
        ]
      : [];
  });
