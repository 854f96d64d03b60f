import type { ReplicaRun } from '../../../shared/contract';

/** One line about a finished run: records copied, what was left out. */
export const runFigures = (run: ReplicaRun): string => {
  const written = run.objects.reduce(
    (sum, object) => sum + object.written + object.writtenTrashed,
    0,
  );
  const removed = run.objects.reduce((sum, object) => sum + object.trashed + object.destroyed, 0);
  const parts = [
    `${written.toLocaleString()} record${written === 1 ? '' : 's'} ${run.kind === 'refresh' ? 'updated' : 'copied'}`,
  ];
  if (run.kind === 'refresh') parts.push(`${removed.toLocaleString()} removed`);
  if (run.schemaSteps > 0)
    parts.push(`${run.schemaSteps} schema change${run.schemaSteps === 1 ? '' : 's'}`);
  if (run.skipped.length > 0) parts.push(`${run.skipped.length} object(s) left out`);
  return parts.join(' · ');
};

export const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

export const ago = (iso: string, now = Date.now()): string => {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
};
