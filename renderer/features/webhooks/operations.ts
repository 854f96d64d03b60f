/**
 * A webhook's operations as the picker edits them: `<object or *>.<action or *>`, matched by
 * Twenty the way `operationsToMatch` says (an event `company.updated` is sent to a webhook that
 * lists `company.updated`, `*.updated`, `company.*` or `*.*`).
 */
export const OPERATION_ACTIONS = ['*', 'created', 'updated', 'deleted', 'destroyed', 'restored'];

export const operationOf = (object: string, action: string): string => `${object}.${action}`;

/** The broader operations that already include this one (not the operation itself). */
const broaderThan = (object: string, action: string): string[] =>
  [
    object === '*' || action === '*' ? null : `*.${action}`,
    action === '*' ? null : `${object}.*`,
    object === '*' && action === '*' ? null : '*.*',
  ].filter((value): value is string => value !== null && value !== `${object}.${action}`);

/** Checked through a broader operation (shown checked and disabled in the picker). */
export const isImplied = (operations: string[], object: string, action: string): boolean =>
  broaderThan(object, action).some((operation) => operations.includes(operation));

/**
 * Adds or removes an operation; adding a broad one drops the narrower ones it now includes, so
 * the list Twenty stores stays short.
 */
export const toggleOperation = (operations: string[], object: string, action: string): string[] => {
  const operation = operationOf(object, action);
  if (operations.includes(operation)) return operations.filter((item) => item !== operation);
  const kept = operations.filter((item) => {
    const [itemObject = '', itemAction = ''] = item.split('.');
    return !broaderThan(itemObject, itemAction).includes(operation);
  });
  return [...kept, operation];
};

/** "Every event", "company.* · person.created", for the list of webhooks. */
export const describeOperations = (operations: string[]): string =>
  operations.includes('*.*') ? 'Every event (*.*)' : operations.join(' · ');
