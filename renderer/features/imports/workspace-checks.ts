import type { ModelObject, SourceInfoRead } from '../../../shared/contract';
import { resolveKeyPath, type MappingDocument } from '../../../shared/imports';
import { formatCount } from './format';

/**
 * What checking an import against the workspace costs (`imports.validate` with
 * `checkWorkspace`): per 200 rows, one request for each key — the dedupe key, every unique field
 * the mapping fills — and for each lookup that does not create what it misses. On a huge file
 * under Twenty's 100-per-minute limit that is minutes, so the admin may skip it.
 */
export const WORKSPACE_BATCH = 200;

export const workspaceKeyCount = (mapping: MappingDocument, object: ModelObject): number => {
  let keys = 0;
  let dedupeField: string | null = null;
  if (mapping.dedupe) {
    const resolved = resolveKeyPath(object, mapping.dedupe.key);
    if (!('error' in resolved)) {
      keys++;
      dedupeField = resolved.field.name;
    }
  }
  for (const field of object.fields)
    if (
      field.isUnique &&
      field.isActive &&
      field.name !== 'id' &&
      field.name !== dedupeField &&
      field.name in mapping.fields &&
      !('error' in resolveKeyPath(object, field.name))
    )
      keys++;
  const lookups = new Set(
    Object.values(mapping.fields)
      .filter((source) => source.kind === 'lookup' && !source.createMissing)
      .map((source) => (source.kind === 'lookup' ? `${source.object}|${source.by}` : '')),
  );
  return keys + lookups.size;
};

const bytes = (text: string): number => new TextEncoder().encode(text).length;

/** Rows of a CSV from its size and the start main read (null for XLSX: its size says little). */
export const estimateRows = (info: SourceInfoRead): number | null => {
  if (info.kind !== 'csv' || info.sample.length === 0) return null;
  const delimiter = info.delimiter ?? ',';
  const perRow =
    info.sample.reduce((sum, row) => sum + bytes(row.join(delimiter)) + 1, 0) / info.sample.length;
  const data = info.sizeBytes - bytes(info.headers.join(delimiter)) - 1;
  return Math.max(info.sample.length, Math.round(data / Math.max(perRow, 1)));
};

export interface FileChecks {
  /** Rows counted by a validation, or estimated; null when unknown. */
  rows: number | null;
  estimated: boolean;
  keys: number;
}

/** Requests of the whole import (null when a file with keys has rows unknown). */
export const workspaceRequests = (
  files: readonly FileChecks[],
): { requests: number; estimated: boolean } | null => {
  let requests = 0;
  let estimated = false;
  for (const file of files) {
    if (file.keys === 0) continue;
    if (file.rows === null) return null;
    requests += Math.ceil(file.rows / WORKSPACE_BATCH) * file.keys;
    estimated ||= file.estimated;
  }
  return { requests, estimated };
};

export const checkWorkspaceLabel = (
  cost: { requests: number; estimated: boolean } | null,
): string => {
  const what = 'Check keys and lookups against the workspace';
  if (!cost) return `${what} (a request per ${WORKSPACE_BATCH} rows and key)`;
  const count = `${cost.estimated ? 'about ' : ''}${formatCount(cost.requests)}`;
  return `${what} (${count} request${cost.requests === 1 ? '' : 's'})`;
};
