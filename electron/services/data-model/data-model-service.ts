import { join } from 'node:path';
import type { z } from 'zod';
import {
  diagramLayoutSchema,
  modelReadSchema,
  type DiagramLayout,
  type ModelRead,
} from '../../../shared/contract/data-model';
import { isAppError } from '../../../shared/errors/app-error';
import { createJsonFileStore, type JsonFileStore } from '../../platform/settings/json-file-store';
import type { Logger } from '../../platform/logging/logger';
import type { JobRegistry } from '../jobs/job-registry';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { readModel } from './read-model';

/**
 * The data model of each connection: read live, kept on disk as the last-read copy so the
 * diagram opens offline, plus the positions the admin gave objects on the diagram.
 */
export interface DataModelDeps {
  dataDir: string;
  workspaces: Pick<WorkspacesService, 'client'>;
  jobs: JobRegistry;
  logger: Logger;
}

const cachedReadSchema = modelReadSchema.nullable();
// Connection ids are UUIDs or 'local'; anything else never becomes a file name.
const safeId = (id: string) => {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error(`Unexpected connection id ${id}`);
  return id;
};

export const createDataModelService = (deps: DataModelDeps) => {
  const stores = new Map<string, JsonFileStore<unknown>>();
  const store = <S extends z.ZodType>(
    kind: string,
    id: string,
    schema: S,
    empty: () => z.output<S>,
  ) => {
    const key = `${kind}:${id}`;
    if (!stores.has(key)) {
      stores.set(
        key,
        createJsonFileStore(
          join(deps.dataDir, kind, `${safeId(id)}.json`),
          schema,
          empty,
          (message) => deps.logger.warn(message),
        ) as JsonFileStore<unknown>,
      );
    }
    return stores.get(key) as JsonFileStore<z.output<S>>;
  };
  const modelCache = (id: string) => store('models', id, cachedReadSchema, () => null);
  const layoutStore = (id: string) =>
    store('layouts', id, diagramLayoutSchema, (): DiagramLayout => ({ positions: {} }));

  return {
    async getModel(connectionId: string, refresh: boolean): Promise<ModelRead> {
      const cached = await modelCache(connectionId).read();
      if (cached && !refresh) return cached;
      try {
        const model = await deps.jobs.run(
          { kind: 'read-model', title: 'Reading the data model', cancellable: true },
          async (job) => readModel(await deps.workspaces.client(connectionId), job.signal),
        );
        const read: ModelRead = {
          model,
          readAt: new Date().toISOString(),
          source: 'live',
          problem: null,
        };
        await modelCache(connectionId).write(read);
        return read;
      } catch (error) {
        // Offline or failing: the last copy is still worth showing, marked as such.
        if (!cached || (isAppError(error) && error.code === 'CANCELLED')) throw error;
        return { ...cached, source: 'cache', problem: (error as Error).message };
      }
    },
    getLayout: (connectionId: string) => layoutStore(connectionId).read(),
    async saveLayout(connectionId: string, layout: DiagramLayout) {
      await layoutStore(connectionId).write(layout);
      return { saved: true };
    },
  };
};
