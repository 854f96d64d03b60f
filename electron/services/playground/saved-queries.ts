import { mkdir, readdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildClientSchema,
  parse,
  validate,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { WorkspaceModel } from '../../../shared/contract/data-model';
import type { PlaygroundRequest, SavedQuery } from '../../../shared/contract/playground';
import { AppError } from '../../../shared/errors/app-error';
import { checkFilter, checkOrderBy, parseRestUrl } from '../../../shared/playground/rest-query';
import {
  graphqlFileText,
  httpFileText,
  parseGraphqlFile,
  parseHttpFile,
} from './saved-query-files';

/**
 * Saved queries of a connection, one plain file each in `<dataDir>/queries/<connectionId>/`
 * (saved-query-files.ts), read back with what no longer matches the workspace's schema.
 */
export interface SchemaSources {
  /** The introspected schema last read for the API, if any. */
  introspection(api: 'core' | 'metadata'): Promise<IntrospectionQuery | null>;
  /** The data model last read, if any (REST checks). */
  model(): Promise<WorkspaceModel | null>;
}

type Problem = SavedQuery['problems'][number];

const graphqlProblems = (query: string, schema: GraphQLSchema): Problem[] => {
  let document;
  try {
    document = parse(query);
  } catch (error) {
    const located = error as {
      message: string;
      locations?: Array<{ line: number; column: number }>;
    };
    return [
      {
        message: located.message,
        line: located.locations?.[0]?.line ?? null,
        column: located.locations?.[0]?.column ?? null,
      },
    ];
  }
  return validate(schema, document).map((error) => ({
    message: error.message,
    line: error.locations?.[0]?.line ?? null,
    column: error.locations?.[0]?.column ?? null,
  }));
};

const restProblems = (
  request: Extract<PlaygroundRequest, { kind: 'rest' }>,
  model: WorkspaceModel,
): Problem[] => {
  if (request.api !== 'core') return [];
  const spec = parseRestUrl(`/rest${request.path}`, request.method);
  if (!spec)
    return [
      { message: `Not a route of Twenty's REST API: ${request.path}`, line: null, column: null },
    ];
  const object = model.objects.find((candidate) => candidate.namePlural === spec.object);
  if (!object)
    return [{ message: `No object "${spec.object}" in the workspace`, line: null, column: null }];
  const located = (what: string) => (problem: { message: string; severity: string }) =>
    problem.severity === 'error'
      ? [{ message: `${what}: ${problem.message}`, line: null, column: null }]
      : [];
  return [
    ...(spec.filter ? checkFilter(spec.filter, object, model).flatMap(located('filter')) : []),
    ...(spec.orderBy ? checkOrderBy(spec.orderBy, object, model).flatMap(located('order_by')) : []),
  ];
};

const EXTENSIONS = { graphql: '.graphql', rest: '.http' } as const;

export const createSavedQueries = (dataDir: string) => {
  const folder = (connectionId: string) => {
    // Connection ids are UUIDs or 'local'; anything else never becomes a path.
    if (!/^[A-Za-z0-9-]{1,64}$/.test(connectionId))
      throw new AppError('INVALID_INPUT', 'Unexpected connection id');
    return join(dataDir, 'queries', connectionId);
  };

  const read = async (connectionId: string, file: string) => {
    const path = join(folder(connectionId), file);
    const text = await readFile(path, 'utf8');
    const { mtime } = await stat(path);
    if (file.endsWith('.http')) return { request: parseHttpFile(text), mtime };
    const variablesPath = path.replace(/\.graphql$/, '.variables.json');
    const variables = await readFile(variablesPath, 'utf8').then(
      (json) => JSON.parse(json) as Record<string, unknown>,
      () => null,
    );
    return { request: parseGraphqlFile(text, variables), mtime };
  };

  const writeAtomically = async (path: string, text: string) => {
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  };

  return {
    folder,

    async list(connectionId: string, sources: SchemaSources) {
      const names = await readdir(folder(connectionId)).catch(() => [] as string[]);
      const files = names
        .filter((name) => name.endsWith('.graphql') || name.endsWith('.http'))
        .sort((a, b) => a.localeCompare(b));
      const schemas = new Map<string, GraphQLSchema | null>();
      const schemaFor = async (api: 'core' | 'metadata') => {
        if (!schemas.has(api)) {
          const introspection = await sources.introspection(api);
          schemas.set(api, introspection ? buildClientSchema(introspection) : null);
        }
        return schemas.get(api)!;
      };
      const model = await sources.model();
      const queries: SavedQuery[] = [];
      for (const file of files) {
        const name = file.replace(/\.(graphql|http)$/, '');
        try {
          const { request, mtime } = await read(connectionId, file);
          const schema = request.kind === 'graphql' ? await schemaFor(request.api) : null;
          const checked = request.kind === 'graphql' ? schema !== null : model !== null;
          const problems =
            request.kind === 'graphql'
              ? schema
                ? graphqlProblems(request.query, schema)
                : []
              : model
                ? restProblems(request, model)
                : [];
          queries.push({ name, file, request, updatedAt: mtime.toISOString(), problems, checked });
        } catch (error) {
          // A file edited by hand into something unreadable is listed with the reason, not hidden.
          queries.push({
            name,
            file,
            request: {
              kind: 'rest',
              api: 'core',
              method: 'GET',
              path: '/',
              body: null,
              headers: {},
            },
            updatedAt: new Date(0).toISOString(),
            problems: [
              {
                message: `The file cannot be read: ${(error as Error).message}`,
                line: null,
                column: null,
              },
            ],
            checked: false,
          });
        }
      }
      return { folder: folder(connectionId), queries };
    },

    async save(connectionId: string, name: string, request: PlaygroundRequest, overwrite: boolean) {
      const dir = folder(connectionId);
      await mkdir(dir, { recursive: true });
      const file = `${name}${EXTENSIONS[request.kind]}`;
      const taken = (await readdir(dir)).some(
        (existing) =>
          existing.replace(/\.(graphql|http)$/, '').toLowerCase() === name.toLowerCase() &&
          existing !== `${name}.variables.json`,
      );
      if (taken && !overwrite)
        throw new AppError('CONFLICT', `A saved query is already called "${name}"`, { name });
      // One name, one file: a query saved again as the other kind replaces the old file.
      for (const other of [`${name}.graphql`, `${name}.http`, `${name}.variables.json`])
        if (other !== file) await rm(join(dir, other), { force: true });
      if (request.kind === 'graphql') {
        await writeAtomically(join(dir, file), graphqlFileText(request));
        if (request.variables && Object.keys(request.variables).length > 0)
          await writeAtomically(
            join(dir, `${name}.variables.json`),
            `${JSON.stringify(request.variables, null, 2)}\n`,
          );
      } else await writeAtomically(join(dir, file), httpFileText(request));
      return { file };
    },

    async remove(connectionId: string, name: string) {
      const dir = folder(connectionId);
      for (const file of [`${name}.graphql`, `${name}.http`, `${name}.variables.json`])
        await rm(join(dir, file), { force: true });
      return { removed: true };
    },
  };
};

export type SavedQueries = ReturnType<typeof createSavedQueries>;
