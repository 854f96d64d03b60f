import { createHash } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ObjectChoice, ReplicaRun, SnapshotFile } from '../../../shared/contract/replica';
import { AppError } from '../../../shared/errors/app-error';
import type { Logger } from '../../platform/logging/logger';
import type { JobRegistry } from '../jobs/job-registry';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { findConnection, writableConnection } from '../workspaces/writable-connection';
import { copyWorkspace } from './copy-workspace';
import { progressReporter, runSummary } from './replica-progress';
import { exportSnapshot, importSnapshot } from './snapshot';
import type { SchemaMode } from './sync-schema';

/**
 * A workspace to a snapshot file and back, and one workspace into another (cloud ↔ self-hosted):
 * the replica engine between any two connections, as jobs with progress and a journal per
 * (source, target) so a stopped run resumes. Writing anywhere but an embedded workspace needs the
 * admin's confirmation naming it, and a read-only connection is never written.
 */
export const SNAPSHOT_EXTENSION = '.atelier-snapshot.jsonl.gz';

export interface TransferServiceDeps {
  dataDir: string;
  logger: Logger;
  jobs: JobRegistry;
  workspaces: WorkspacesService;
}

const slug = (text: string) =>
  text
    .replace(/[^\w.()-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'workspace';

const stamp = (date: Date) => date.toISOString().slice(0, 16).replace(/[:T]/g, '-');

export const createTransferService = (deps: TransferServiceDeps) => {
  const { dataDir, jobs, workspaces, logger } = deps;
  const snapshotsDir = join(dataDir, 'snapshots');
  const journal = (kind: string, key: string) =>
    join(
      dataDir,
      'journals',
      `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`,
    );

  const connection = (id: string) => findConnection(workspaces, id);
  const writable = (targetId: string, confirm: boolean) =>
    writableConnection(workspaces, targetId, confirm, 'This writes schema and records into');

  const choices = (objects: ObjectChoice[] | null) =>
    objects?.map((choice) => ({ name: choice.name, recordCap: choice.recordCap ?? undefined }));

  return {
    async listSnapshots(): Promise<SnapshotFile[]> {
      const names = await readdir(snapshotsDir).catch(() => [] as string[]);
      const files = await Promise.all(
        names
          .filter((name) => name.endsWith(SNAPSHOT_EXTENSION))
          .map(async (name) => {
            const path = join(snapshotsDir, name);
            const info = await stat(path);
            return {
              name: name.slice(0, -SNAPSHOT_EXTENSION.length),
              path,
              sizeBytes: info.size,
              createdAt: info.mtime.toISOString(),
            };
          }),
      );
      return files.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    async exportSnapshot(connectionId: string, name: string | null) {
      const source = await connection(connectionId);
      const file = join(
        snapshotsDir,
        `${slug(name ?? `${source.name} ${stamp(new Date())}`)}${SNAPSHOT_EXTENSION}`,
      );
      await mkdir(snapshotsDir, { recursive: true });
      return jobs.run(
        { kind: 'snapshot', title: `Exporting ${source.name} to a snapshot`, cancellable: true },
        async (job) => {
          // Written to a temp file and renamed when whole: a cancelled export leaves nothing.
          const { counts } = await exportSnapshot(await workspaces.client(connectionId), file, {
            signal: job.signal,
            onProgress: ({ object, done }) =>
              job.progress(done, null, `${object}: ${done} records`),
          });
          const info = await stat(file);
          const records = Object.values(counts).reduce((sum, count) => sum + count, 0);
          logger.info('Snapshot exported', { connectionId, records });
          return { path: file, sizeBytes: info.size, records };
        },
      );
    },

    async importSnapshot(path: string, targetId: string, confirm: boolean): Promise<ReplicaRun> {
      const target = await writable(targetId, confirm);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw new AppError('NOT_FOUND', `No snapshot file at ${path}`, { path });
      return jobs.run(
        { kind: 'snapshot', title: `Importing a snapshot into ${target.name}`, cancellable: true },
        async (job) =>
          runSummary(
            await importSnapshot(path, await workspaces.client(targetId), {
              journalPath: journal('import', `${targetId}\n${path}`),
              onProgress: progressReporter(job),
              signal: job.signal,
            }),
          ),
      );
    },

    async copyWorkspace(input: {
      sourceConnectionId: string;
      targetConnectionId: string;
      objects: ObjectChoice[] | null;
      schema: SchemaMode;
      confirm: boolean;
    }): Promise<ReplicaRun> {
      if (input.sourceConnectionId === input.targetConnectionId)
        throw new AppError('INVALID_INPUT', 'Choose two different workspaces');
      const source = await connection(input.sourceConnectionId);
      const target = await writable(input.targetConnectionId, input.confirm);
      return jobs.run(
        { kind: 'copy', title: `Copying ${source.name} into ${target.name}`, cancellable: true },
        async (job) =>
          runSummary(
            await copyWorkspace(
              await workspaces.client(source.id),
              await workspaces.client(target.id),
              {
                journalPath: journal('copy', `${source.id}\n${target.id}`),
                objects: choices(input.objects),
                schema: input.schema,
                onProgress: progressReporter(job),
                signal: job.signal,
              },
            ),
          ),
      );
    },
  };
};
