/**
 * Twenty's webhook `operations` (`*.*`, `person.*`, `*.created`, `company.updated`) and the
 * object × action selection the UI shows. Matching is Twenty's (compute-webhook-operations-to-match
 * and call-webhook-jobs.job.ts): exact string membership of `X.op`, `*.op`, `X.*` or `*.*`;
 * main-2026 matches `workflowRun.updated` only exactly, and metadata events
 * `metadata.<name>.<op>` also match `metadata.<name>.*`, `metadata.*.<op>`, `metadata.*.*`, `*.*`.
 */
export const WILDCARD = '*';

/** Record events Twenty emits per object (`deleted` = soft delete, `destroyed` = hard delete). */
export const RECORD_ACTIONS = ['created', 'updated', 'deleted', 'destroyed', 'restored'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** What Twenty's own webhook form offers; destroyed/restored only through `*` or the API. */
export const TWENTY_UI_ACTIONS = ['*', 'created', 'updated', 'deleted'] as const;

/** Excluded from wildcards on main-2026: it fires on every step of every workflow run. */
const EXACT_ONLY = new Set(['workflowRun.updated']);

export interface Operation {
  /** nameSingular or `*`. */
  object: string;
  /** An action or `*`. */
  action: string;
}

export const parseOperation = (operation: string): Operation | null => {
  const parts = operation.trim().split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { object: parts[0], action: parts[1] };
};

export const formatOperation = ({ object, action }: Operation): string => `${object}.${action}`;

/** Object (or `*`) → its actions; `['*']` when every action is chosen. */
export type OperationSelection = Record<string, string[]>;

const sortActions = (actions: Iterable<string>): string[] => {
  const set = new Set(actions);
  if (set.has(WILDCARD)) return [WILDCARD];
  const known = RECORD_ACTIONS.filter((action) => set.has(action));
  const other = [...set].filter(
    (action) => !(RECORD_ACTIONS as readonly string[]).includes(action),
  );
  return [...known, ...other.sort()];
};

export const operationsToSelection = (operations: string[]): OperationSelection => {
  const byObject = new Map<string, Set<string>>();
  for (const operation of operations) {
    const parsed = parseOperation(operation);
    if (!parsed) continue;
    const actions = byObject.get(parsed.object) ?? new Set<string>();
    actions.add(parsed.action);
    byObject.set(parsed.object, actions);
  }
  const selection: OperationSelection = {};
  // `*` first, then objects by name: a stable order for display and comparison.
  const objects = [...byObject.keys()].sort((a, b) =>
    a === WILDCARD ? -1 : b === WILDCARD ? 1 : a.localeCompare(b),
  );
  for (const object of objects) selection[object] = sortActions(byObject.get(object)!);
  return selection;
};

/** The selection as Twenty's list, with what another entry already covers left out. */
export const selectionToOperations = (selection: OperationSelection): string[] =>
  simplifyOperations(
    Object.entries(selection).flatMap(([object, actions]) =>
      sortActions(actions).map((action) => formatOperation({ object, action })),
    ),
  );

/** Drops duplicates and entries another one covers (`person.created` beside `*.created`). */
export const simplifyOperations = (operations: string[]): string[] => {
  const unique = [...new Set(operations.map((operation) => operation.trim()))];
  const set = new Set(unique);
  return unique.filter((operation) => {
    const parsed = parseOperation(operation);
    if (!parsed || EXACT_ONLY.has(operation)) return true;
    const { object, action } = parsed;
    const wider = [
      object !== WILDCARD ? `*.${action}` : null,
      action !== WILDCARD ? `${object}.*` : null,
      object !== WILDCARD || action !== WILDCARD ? '*.*' : null,
    ].filter((candidate): candidate is string => candidate !== null && candidate !== operation);
    return !wider.some((candidate) => set.has(candidate));
  });
};

/** Whether Twenty would deliver `eventName` to a webhook with these operations. */
export const operationsMatch = (operations: string[], eventName: string): boolean => {
  const set = new Set(operations);
  if (set.has(eventName)) return true;
  if (EXACT_ONLY.has(eventName)) return false;
  const parts = eventName.split('.');
  if (parts.length === 3 && parts[0] === 'metadata') {
    const [, name, action] = parts;
    return [`metadata.${name}.*`, `metadata.*.${action}`, 'metadata.*.*', '*.*'].some((candidate) =>
      set.has(candidate),
    );
  }
  if (parts.length !== 2) return false;
  const [object, action] = parts;
  return [`*.${action}`, `${object}.*`, '*.*'].some((candidate) => set.has(candidate));
};

/** For a grid: per object, per record action, whether these operations deliver it. */
export const operationsCoverage = (
  operations: string[],
  objects: string[],
): Record<string, Record<RecordAction, boolean>> =>
  Object.fromEntries(
    objects.map((object) => [
      object,
      Object.fromEntries(
        RECORD_ACTIONS.map((action) => [
          action,
          operationsMatch(operations, `${object}.${action}`),
        ]),
      ) as Record<RecordAction, boolean>,
    ]),
  );

/** The objects (of those given) some webhook delivers a created/updated/deleted event of. */
export const subscribedObjects = (operationLists: string[][], objects: string[]): string[] =>
  objects.filter((object) =>
    operationLists.some((operations) =>
      (['created', 'updated', 'deleted'] as const).some((action) =>
        operationsMatch(operations, `${object}.${action}`),
      ),
    ),
  );
