import type { JsonSchema } from '../../../../shared/playground/record-body-schema';
import { monaco } from '../monaco-setup';

/**
 * Record-body schemas in Monaco's JSON language, one per tab's body model. Monaco keeps one
 * list of schemas for every JSON model, which monaco-graphql also writes (variables); ours are
 * told apart by their URI prefix and the others left as they are.
 */
const PREFIX = 'atelier://playground/body-schema/';
const bodySchemas = new Map<string, { uri: string; schema: JsonSchema }>();

/** Short and stable: a changed schema gets a new URI, so the JSON worker does not reuse the old. */
const hashOf = (text: string) => {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
};

const apply = () => {
  const json = monaco.languages.json.jsonDefaults;
  const others = (json.diagnosticsOptions.schemas ?? []).filter(
    (schema) => !schema.uri.startsWith(PREFIX),
  );
  json.setDiagnosticsOptions({
    ...json.diagnosticsOptions,
    validate: true,
    // What Twenty would refuse is an error, as monaco-graphql marks the variables.
    schemaValidation: 'error',
    schemas: [
      ...others,
      ...[...bodySchemas].map(([model, { uri, schema }]) => ({
        uri,
        fileMatch: [model],
        schema,
      })),
    ],
  });
};

/** Validates the JSON model at `model` by `schema`; null stops validating it. */
export const setBodySchema = (model: monaco.Uri, schema: JsonSchema | null) => {
  const key = model.toString();
  const text = schema ? JSON.stringify(schema) : null;
  const uri = text ? `${PREFIX}${hashOf(key)}-${hashOf(text)}.json` : null;
  if (bodySchemas.get(key)?.uri === uri) return;
  if (schema && uri) bodySchemas.set(key, { uri, schema });
  else if (!bodySchemas.delete(key)) return;
  apply();
};
