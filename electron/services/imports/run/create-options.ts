import type { ModelObject } from '../../../../shared/contract/data-model';
import { TAG_COLORS } from '../../../../shared/domain/field-type-catalog';
import type { TwentyClient } from '../../twenty-client';

/**
 * Options a value map with "create missing options" needs: added to their SELECT / MULTI_SELECT
 * field through Twenty's metadata API before the first record is written (Twenty refuses a value
 * that is not an option). Values already there are left alone, so a resumed run adds nothing
 * twice. A rollback does not remove them (records outside the import may use them by then).
 */
const UPDATE_FIELD = `mutation AtelierImportOptions($input: UpdateOneFieldMetadataInput!) { updateOneField(input: $input) { id } }`;

interface Option {
  id?: string;
  label: string;
  value: string;
  color: string;
  position: number;
}

export const createMissingOptions = async (
  client: TwentyClient,
  object: ModelObject,
  needed: ReadonlyMap<string, ReadonlyMap<string, string>>,
  signal?: AbortSignal,
): Promise<number> => {
  let added = 0;
  for (const [fieldName, values] of needed) {
    const field = object.fields.find((candidate) => candidate.name === fieldName);
    if (!field || values.size === 0) continue;
    const options = Array.isArray(field.options) ? [...(field.options as Option[])] : [];
    const known = new Set(options.map((option) => option.value));
    const fresh = [...values].filter(([value]) => !known.has(value));
    if (fresh.length === 0) continue;
    for (const [value, label] of fresh)
      options.push({
        label,
        value,
        color: TAG_COLORS[options.length % TAG_COLORS.length]!,
        position: options.length,
      });
    await client.metadataGraphql({
      query: UPDATE_FIELD,
      variables: { input: { id: field.id, update: { options } } },
      ...(signal ? { signal } : {}),
    });
    field.options = options;
    added += fresh.length;
  }
  return added;
};
