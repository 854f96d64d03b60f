import type { PlaygroundApi } from '../contract/playground';
import {
  buildRestUrl,
  parseRestUrl,
  REST_QUERY_NAMES,
  restRoute,
  type HttpMethod,
  type RestRequestSpec,
} from './rest-query';

/**
 * A playground tab's REST line (method + path from the API's root, as the contract sends it) as
 * the builder's parts, and back. Query parameters the operation does not read (`objectMetadataId`
 * on metadata views, anything hand-written) ride along untouched, so editing one side never
 * drops what was typed on the other.
 */
export type RestLineMethod = HttpMethod | 'PUT';

export interface RestLine {
  method: RestLineMethod;
  /** From the API's root: `/companies?limit=10`. */
  path: string;
}

export interface RestLineParts {
  spec: RestRequestSpec;
  /** Raw `name=value` pieces the operation does not read, in their order. */
  extras: string[];
}

export const API_ROOTS: Record<PlaygroundApi, string> = {
  core: '/rest',
  metadata: '/rest/metadata',
};

/** Stands in the path for an id not chosen yet (Twenty answers it with "not a valid UUID"). */
export const ID_PLACEHOLDER = '{id}';

const decodeName = (piece: string): string => {
  const name = piece.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
};

export const partsOfRestLine = (api: PlaygroundApi, line: RestLine): RestLineParts | null => {
  const path = line.path.startsWith('/') ? line.path : `/${line.path}`;
  let spec: RestRequestSpec | null;
  try {
    spec = parseRestUrl(`${API_ROOTS[api]}${path}`, line.method);
  } catch {
    return null; // a malformed percent-escape in the path: not parseable yet
  }
  if (!spec || spec.api !== api) return null;
  if (spec.id === ID_PLACEHOLDER) delete spec.id;
  const route = restRoute(api, spec.operation);
  const read = new Set<string>(route.params.map((param) => REST_QUERY_NAMES[param]));
  for (const [param, name] of Object.entries(REST_QUERY_NAMES) as Array<
    [keyof typeof REST_QUERY_NAMES, string]
  >)
    if (!read.has(name)) delete spec[param];
  if (spec.limit !== undefined && !Number.isFinite(spec.limit)) {
    delete spec.limit;
    read.delete('limit');
  }
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  const extras = query.split('&').filter((piece) => piece !== '' && !read.has(decodeName(piece)));
  return { spec, extras };
};

export const restLineOf = (parts: RestLineParts, previousMethod?: RestLineMethod): RestLine => {
  const { spec, extras } = parts;
  const route = restRoute(spec.api, spec.operation);
  const built = buildRestUrl(route.needsId && !spec.id ? { ...spec, id: ID_PLACEHOLDER } : spec);
  const path = built.path
    .slice(API_ROOTS[spec.api].length)
    .replace(encodeURIComponent(ID_PLACEHOLDER), ID_PLACEHOLDER);
  const query = [built.query, ...extras].filter(Boolean).join('&');
  // PUT is Twenty's alias of PATCH: an admin who chose it keeps it.
  const method = previousMethod === 'PUT' && built.method === 'PATCH' ? 'PUT' : built.method;
  return { method, path: query ? `${path}?${query}` : path };
};

/** The line with some of its parts changed (the builder's edits); null when the line is not one. */
export const editRestLine = (
  api: PlaygroundApi,
  line: RestLine,
  patch: Partial<RestRequestSpec>,
): RestLine | null => {
  const parts = partsOfRestLine(api, line);
  if (!parts) return null;
  const spec = { ...parts.spec, ...patch };
  for (const key of Object.keys(patch) as Array<keyof RestRequestSpec>)
    if (spec[key] === undefined) delete spec[key];
  return restLineOf({ spec, extras: parts.extras }, line.method);
};
