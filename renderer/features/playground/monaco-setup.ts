import * as monaco from 'monaco-graphql/monaco-editor';
import { initializeMode } from 'monaco-graphql/initializeMode';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker?worker';
import GraphqlWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

/**
 * Monaco with GraphQL (monaco-graphql: completion, validation, hover, go to definition from the
 * workspace's introspected schema) and JSON (variables, headers, REST bodies). Workers are
 * bundled files of our own, which the CSP allows (`worker-src 'self'`); nothing loads from a CDN.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'graphql') return new GraphqlWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

export const graphqlApi = initializeMode({
  diagnosticSettings: {
    jsonDiagnosticSettings: {
      validate: true,
      schemaValidation: 'error',
      allowComments: true,
      trailingCommas: 'ignore',
    },
  },
});

/** Each API's documents are told apart by their model URI (`…/core-<tab>.graphql`). */
export const documentUri = (api: 'core' | 'metadata', tabId: string, part: 'query' | 'variables') =>
  monaco.Uri.parse(
    part === 'query'
      ? `inmemory://playground/${api}-${tabId}.graphql`
      : `inmemory://playground/${api}-${tabId}-variables.json`,
  );

export { monaco };
