/**
 * The import domain logic (issue 8), pure TypeScript: the mapping document, cell conversion to
 * Twenty's REST bodies with its refusals predicted, suggestions and source profiles, dedupe
 * keys. The engine (electron/services/imports) and the wizard (renderer) import from here.
 * docs/import-mapping.md describes the rules.
 */
export * from './mapping';
export type { CellProblem, MappingProblem, Severity } from './cell-problems';
export {
  compileMapping,
  convertRow,
  isRequiredField,
  type CellList,
  type Cells,
  type CompileOptions,
  type ImportMode,
  type LookupRequest,
  type RowConverter,
  type RowResult,
} from './convert-cell';
export {
  suggestMapping,
  type ColumnSuggestion,
  type MappingSuggestion,
  type SampleRow,
  type SuggestInput,
  type SuggestTarget,
} from './suggest-mapping';
export { inferFieldTypes, type InferredField, type InferredOption } from './infer-field-types';
export { sniffColumn, type ColumnSniff, type ValueKind } from './sniff-values';
export {
  detectSourceProfiles,
  profileById,
  SOURCE_PROFILES,
  type ProfileMatch,
  type SourceProfile,
} from './source-profiles';
export {
  DuplicateResolver,
  fieldTypesOf,
  keyOfText,
  keyOfValue,
  mergeRows,
  resolveKeyPath,
  rowKey,
  type DuplicateOutcome,
  type KeyTarget,
} from './dedupe-keys';
export { KeyIndex } from './key-index';
export { ownString } from './own-string';
