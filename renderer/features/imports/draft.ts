import type { Import, SourceOptionsInput } from '../../../shared/contract';
import {
  parseMappingDocument,
  type ImportMode,
  type MappingDocument,
} from '../../../shared/imports';
import { baseName } from './format';

/**
 * The wizard's draft: what the admin has chosen before it is kept as an import in main (files,
 * how to read them, target object, mode, mapping). An existing import opens as a draft of itself;
 * saving sends it back whole (`imports.createImport` / `imports.updateImport`).
 */
export interface DraftFile {
  /** Stable within the page (React keys, the selected tab). */
  key: string;
  path: string;
  source: SourceOptionsInput;
  object: string | null;
  mode: ImportMode;
  mapping: MappingDocument | null;
}

export interface Draft {
  importId: string | null;
  /** The workspace the import writes into. */
  connectionId: string;
  name: string;
  files: DraftFile[];
}

let counter = 0;
export const fileKey = (): string => `file-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const emptyDraft = (connectionId: string): Draft => ({
  importId: null,
  connectionId,
  name: '',
  files: [],
});

export const newDraftFile = (path: string): DraftFile => ({
  key: fileKey(),
  path: path.trim(),
  source: {},
  object: null,
  mode: 'create',
  mapping: null,
});

export const draftFromImport = (imported: Import): Draft => ({
  importId: imported.id,
  connectionId: imported.connectionId,
  name: imported.name,
  files: imported.steps.map((step) => ({
    key: step.id,
    path: step.path,
    source: step.source,
    object: step.mapping.object,
    mode: step.mode,
    mapping: step.mapping,
  })),
});

/** "people.csv", "people.csv + 2 more". */
export const defaultImportName = (files: readonly DraftFile[]): string => {
  const first = files[0];
  if (!first) return 'New import';
  const name = baseName(first.path);
  return files.length > 1 ? `${name} + ${files.length - 1} more` : name;
};

/** Why the files step cannot go on yet (empty when it can). */
export const filesProblems = (draft: Draft): string[] => {
  const problems: string[] = [];
  if (draft.files.length === 0) problems.push('Add at least one file');
  for (const file of draft.files)
    if (!file.object) problems.push(`Choose the object ${baseName(file.path)} goes into`);
  const paths = draft.files.map((file) => file.path);
  if (new Set(paths).size !== paths.length) problems.push('The same file is added twice');
  return problems;
};

/** Why the draft cannot be kept yet: a file without a mapping, a mapping the schema refuses. */
export const mappingProblems = (draft: Draft): string[] => {
  const problems = filesProblems(draft);
  for (const file of draft.files) {
    if (!file.mapping) {
      if (file.object) problems.push(`${baseName(file.path)} has no mapping yet`);
      continue;
    }
    if (Object.keys(file.mapping.fields).length === 0)
      problems.push(`${baseName(file.path)}: map at least one field`);
    if (file.mode !== 'create' && !file.mapping.dedupe)
      problems.push(
        `${baseName(file.path)}: ${file.mode} needs a key to find records (Key and duplicates)`,
      );
    const parsed = parseMappingDocument(file.mapping);
    if (!parsed.ok)
      for (const problem of parsed.problems) problems.push(`${baseName(file.path)}: ${problem}`);
  }
  return problems;
};

/** The steps of `imports.createImport` / `imports.updateImport`. */
export const stepsInput = (draft: Draft) =>
  draft.files
    .filter((file): file is DraftFile & { mapping: MappingDocument } => file.mapping !== null)
    .map((file) => ({
      path: file.path,
      source: file.source,
      mapping: file.mapping,
      mode: file.mode,
    }));

/** Whether an import has written records (its files and mappings can no longer change). */
export const hasRun = (imported: Import): boolean =>
  ['running', 'paused', 'done', 'rolling-back', 'rolled-back'].includes(imported.state) ||
  imported.steps.some((step) => step.counts.created + step.counts.updated + step.counts.failed > 0);
