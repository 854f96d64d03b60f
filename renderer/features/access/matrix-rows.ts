import type { AccessObject } from '../../../shared/contract';

/** The objects the matrix lists: non-system unless asked, matching the filter, by label. */
export const matrixObjects = (
  objects: AccessObject[],
  showSystem: boolean,
  filter: string,
): AccessObject[] => {
  const needle = filter.trim().toLowerCase();
  return objects
    .filter((object) => showSystem || !object.isSystem)
    .filter(
      (object) =>
        needle === '' ||
        [object.labelPlural, object.labelSingular, object.nameSingular].some((text) =>
          text.toLowerCase().includes(needle),
        ),
    )
    .sort((a, b) => a.labelPlural.localeCompare(b.labelPlural));
};

export const visibleFields = (object: AccessObject, showSystem: boolean) =>
  object.fields.filter((field) => showSystem || !field.isSystem);
