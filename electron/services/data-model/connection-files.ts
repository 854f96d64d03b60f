import { join } from 'node:path';
import type { z } from 'zod';
import { createJsonFileStore, type JsonFileStore } from '../../platform/settings/json-file-store';

/**
 * One JSON file per connection and kind (`<dataDir>/<kind>/<connectionId>.json`): the cached
 * model, diagram layouts, editor drafts. Stores are made once so writes to a file stay serialised.
 */
// Connection ids are UUIDs or 'local'; anything else never becomes a file name.
const safeId = (id: string) => {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error(`Unexpected connection id ${id}`);
  return id;
};

export const createConnectionFiles = (dataDir: string, warn: (message: string) => void) => {
  const stores = new Map<string, JsonFileStore<unknown>>();
  return <S extends z.ZodType>(
    kind: string,
    connectionId: string,
    schema: S,
    empty: () => z.output<S>,
  ): JsonFileStore<z.output<S>> => {
    const key = `${kind}:${connectionId}`;
    if (!stores.has(key))
      stores.set(
        key,
        createJsonFileStore(
          join(dataDir, kind, `${safeId(connectionId)}.json`),
          schema,
          empty,
          warn,
        ) as JsonFileStore<unknown>,
      );
    return stores.get(key) as JsonFileStore<z.output<S>>;
  };
};

export type ConnectionFiles = ReturnType<typeof createConnectionFiles>;
