import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SchemaDocument } from '../../shared/schema/schema-document';
import {
  parseSchemaFile,
  SchemaFileError,
  type SchemaFileFormat,
} from '../../shared/schema/schema-file-format';
import { createOsKeychain, DEFAULT_KEYCHAIN_SERVICE } from '../platform/keychain';
import { readSchema } from '../services/schema/read-schema';
import { createTwentyClient, type TwentyClient } from '../services/twenty-client';
import { CommandFailure, SourceError } from './cli-errors';
import type { CliIo } from './cli-io';
import type { SourceSpec, WorkspaceSpec } from './parse-source';
import { findSavedConnection, savedConnectionKey } from './saved-connection';

/** Opens the sources of one command; `close()` lets go of every client it made. */
export interface OpenWorkspace {
  label: string;
  client: TwentyClient;
}

export interface SourceSchema {
  label: string;
  doc: SchemaDocument;
  workspace?: OpenWorkspace;
}

export interface SourceReader {
  open(spec: WorkspaceSpec, keyEnv: string): Promise<OpenWorkspace>;
  /** The schema of a file or a workspace (the workspace is returned too, to apply to it). */
  read(spec: SourceSpec, keyEnv: string): Promise<SourceSchema>;
  /** Several at once; when more than one fails, the error of the first in argument order. */
  readAll(sources: Array<[SourceSpec, string]>): Promise<SourceSchema[]>;
  close(): void;
}

export const DEFAULT_KEY_ENV = 'TWENTY_API_KEY';

/** YAML or JSON by the file's extension; the content decides for any other name. */
export const formatOfPath = (path: string): SchemaFileFormat | undefined =>
  /\.ya?ml$/i.test(path) ? 'yaml' : /\.json$/i.test(path) ? 'json' : undefined;

const readSchemaFile = async (path: string, cwd: string): Promise<SchemaDocument> => {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new SourceError(
        `No such file: ${path} (a source is a schema file, url:<baseUrl> or connection:<name>)`,
      );
    if (code === 'EISDIR') throw new SourceError(`${path} is a directory, not a schema file`);
    throw new SourceError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parseSchemaFile(text, formatOfPath(path));
  } catch (error) {
    if (error instanceof SchemaFileError)
      throw new SourceError(`${path} is not an Atelier schema file: ${error.message}`);
    throw error;
  }
};

export const createSourceReader = (io: CliIo, dataDir: string): SourceReader => {
  const clients: TwentyClient[] = [];
  const keychainService = io.env.ATELIER_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE;

  const open = async (spec: WorkspaceSpec, keyEnv: string): Promise<OpenWorkspace> => {
    if (spec.kind === 'url') {
      const apiKey = io.env[keyEnv];
      if (!apiKey)
        throw new SourceError(
          `${spec.text} needs its API key in the environment variable ${keyEnv} (keys are never taken from the command line, where other users can see them)`,
        );
      io.addSecret(apiKey);
      const client = createTwentyClient({ baseUrl: spec.baseUrl, apiKey });
      clients.push(client);
      return { label: spec.text, client };
    }
    const stored = await findSavedConnection(dataDir, spec.name);
    const apiKey = await savedConnectionKey(
      stored,
      createOsKeychain(keychainService),
      keychainService,
    );
    io.addSecret(apiKey);
    const client = createTwentyClient({
      baseUrl: stored.baseUrl,
      apiKey,
      rateLimit: stored.rateLimit,
    });
    clients.push(client);
    return { label: `connection:${stored.name} (${stored.baseUrl})`, client };
  };

  const read = async (spec: SourceSpec, keyEnv: string): Promise<SourceSchema> => {
    if (spec.kind === 'file')
      return { label: spec.path, doc: await readSchemaFile(spec.path, io.cwd) };
    const workspace = await open(spec, keyEnv);
    try {
      return { label: workspace.label, doc: await readSchema(workspace.client), workspace };
    } catch (error) {
      throw new CommandFailure(
        `Could not read the schema of ${workspace.label}: ${(error as Error).message}`,
      );
    }
  };

  return {
    open,
    read,
    async readAll(sources) {
      const results = await Promise.allSettled(sources.map(([spec, keyEnv]) => read(spec, keyEnv)));
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      return results.map((result) => (result as PromiseFulfilledResult<SourceSchema>).value);
    },
    close() {
      for (const client of clients.splice(0)) client.close();
    },
  };
};
