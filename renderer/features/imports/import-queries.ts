import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Import, SourceOptionsInput } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useContractEvent } from '../../api/use-contract-event';

/**
 * Server state of the wizard (React Query): imports, one import, a file's inspection, saved
 * mappings, the workspace model. `imports.onImportChanged` writes every change into the cache,
 * so progress, counts and states follow main without polling.
 */
export const IMPORTS_KEY = ['imports', 'list'] as const;
export const MAPPINGS_KEY = ['imports', 'mappings'] as const;
export const importKey = (id: string | null) => ['imports', 'one', id] as const;
export const problemsKey = (importId: string) => ['imports', 'problems', importId] as const;
export const resultsKey = (importId: string) => ['imports', 'results', importId] as const;
export const inspectKey = (path: string, source: SourceOptionsInput) =>
  ['imports', 'inspect', path, source] as const;

/** Puts an import main answered with into both caches. */
export const storeImport = (client: QueryClient, imported: Import): void => {
  const previous =
    client.getQueryData<Import>(importKey(imported.id)) ??
    client
      .getQueryData<{ imports: Import[] }>(IMPORTS_KEY)
      ?.imports.find((candidate) => candidate.id === imported.id);
  client.setQueryData(importKey(imported.id), imported);
  client.setQueryData<{ imports: Import[] }>(IMPORTS_KEY, (list) => {
    if (!list) return list;
    const known = list.imports.some((candidate) => candidate.id === imported.id);
    return {
      imports: known
        ? list.imports.map((candidate) => (candidate.id === imported.id ? imported : candidate))
        : [imported, ...list.imports],
    };
  });
  // A finished validation or run has new rows to show.
  if (previous && previous.state !== imported.state) {
    if (previous.state === 'validating')
      void client.invalidateQueries({ queryKey: problemsKey(imported.id) });
    void client.invalidateQueries({ queryKey: resultsKey(imported.id) });
  }
};

export const forgetImport = (client: QueryClient, id: string): void => {
  client.removeQueries({ queryKey: importKey(id) });
  client.setQueryData<{ imports: Import[] }>(IMPORTS_KEY, (list) =>
    list ? { imports: list.imports.filter((candidate) => candidate.id !== id) } : list,
  );
};

/** Mounted once by the page: every change main announces lands in the cache. */
export const useImportEvents = (): void => {
  const client = useQueryClient();
  useContractEvent('imports.onImportChanged', (imported) => storeImport(client, imported));
};

export const useImports = () =>
  useQuery({
    queryKey: IMPORTS_KEY,
    queryFn: () => rpc.call('imports.listImports', {}),
    // Events keep it current while the tool is open; read again when it opens.
    staleTime: Infinity,
    refetchOnMount: 'always',
  });

export const useImport = (id: string | null) =>
  useQuery({
    queryKey: importKey(id),
    queryFn: () => rpc.call('imports.getImport', { importId: id! }),
    enabled: id !== null,
    staleTime: Infinity,
    refetchOnMount: 'always',
  });

/** The start of a file as main reads it; a changed reading option reads it again. */
export const useInspection = (path: string, source: SourceOptionsInput) =>
  useQuery({
    queryKey: inspectKey(path, source),
    queryFn: () => rpc.call('imports.inspectFile', { path, source }),
    enabled: path.length > 1,
    staleTime: 60_000,
  });

export const useSavedMappings = () =>
  useQuery({ queryKey: MAPPINGS_KEY, queryFn: () => rpc.call('imports.listMappings', {}) });

/** The workspace model under the key the data-model editor and the playground use. */
export const useWorkspaceModel = (connectionId: string | null) =>
  useQuery({
    queryKey: ['dataModel', connectionId],
    queryFn: () => rpc.call('dataModel.getModel', { connectionId: connectionId! }),
    enabled: connectionId !== null,
    staleTime: 60_000,
  });
