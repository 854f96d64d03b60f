import type { AuthContext } from '../auth/api-key-tokens';
import { parseRestFilter } from '../../../../shared/domain/rest-grammar/parse-rest-filter';
import { parseGroupBy } from '../records/group-records';
import { parseRestOrderBy } from '../records/query/order-by';
import type { ObjectShape } from '../records/record-shape';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { canReadField } from './effective-permissions';
import { recordGuardFor, type RecordOperation } from './record-guard';

/**
 * Core REST enforcement (docs/twenty-permissions.md §4.4): the route's operation and its
 * filter/order fields are checked up front; written bodies are checked by the handler; answers
 * lose the fields the role cannot read (depth=1 relations included) instead of failing.
 */
export interface RestRoute {
  method: string;
  isBatch: boolean;
  id: string | undefined;
  action: string | undefined;
  query: URLSearchParams;
}

const deleteOperation = (query: URLSearchParams): RecordOperation =>
  query.get('soft_delete') === 'true' ? 'softDelete' : 'destroy';

/** The record operation a core REST route performs (null: not a record route; the handler refuses it). */
export const restOperation = ({
  method,
  isBatch,
  id,
  action,
  query,
}: RestRoute): RecordOperation | null => {
  if (isBatch) return method === 'POST' ? 'create' : null;
  if (id === 'restore') return 'restore';
  if (id === 'groupBy' || id === 'duplicates') return 'read';
  if (id === 'merge') return 'merge';
  if (action === 'restore') return 'restore';
  if (action !== undefined) return null;
  if (method === 'GET') return 'read';
  if (method === 'POST') return id === undefined ? 'create' : null;
  if (method === 'PATCH' || method === 'PUT') return 'update';
  if (method === 'DELETE') return deleteOperation(query);
  return null;
};

export interface RestGuard {
  canRead: (name: string) => boolean;
  assertWritable: (body: unknown) => void;
  redactBody: <T extends { data: Record<string, unknown> }>(body: T) => T;
  redactRecords: (records: Record<string, unknown>[]) => Record<string, unknown>[];
}

export const guardRestRequest = async (
  runtime: WorkspaceRuntime,
  auth: AuthContext | null,
  shape: ObjectShape,
  route: RestRoute,
): Promise<RestGuard | null> => {
  const guard = await recordGuardFor(runtime, auth);
  if (!guard) return null;
  const operation = restOperation(route);
  if (operation) guard.assertOperation(shape, operation);
  guard.assertReadableFilter(shape, parseRestFilter(route.query.get('filter')));
  const orderBy = route.query.get('order_by');
  if (orderBy)
    guard.assertReadableKeys(
      shape,
      parseRestOrderBy(shape, orderBy).map((key) => key.path.split('.')[0]!),
    );
  if (route.id === 'groupBy') {
    // Malformed JSON is left to the handler, which answers it with Twenty's message.
    const json = (name: string): unknown => {
      try {
        return JSON.parse(route.query.get(name) ?? 'null');
      } catch {
        return null;
      }
    };
    const aggregates = json('aggregate');
    if (Array.isArray(aggregates)) guard.assertReadableAggregates(shape, aggregates.map(String));
    const groupBy = json('group_by');
    if (Array.isArray(groupBy) && groupBy.length > 0)
      guard.assertReadableKeys(
        shape,
        parseGroupBy(groupBy).map((dimension) => dimension.path[0]!),
      );
  }
  const redactRecords = (records: Record<string, unknown>[]) =>
    records.map((record) => guard.redact(shape, record) as Record<string, unknown>);
  return {
    canRead: (name) => canReadField(guard.access(shape), name),
    assertWritable: (body) => guard.assertWritable(shape, body),
    redactBody: (body) => ({
      ...body,
      data: Object.fromEntries(
        Object.entries(body.data).map(([key, value]) => [key, guard.redactAll(shape, value)]),
      ),
    }),
    redactRecords,
  };
};
