import {
  formatOperation,
  operationsMatch,
  RECORD_ACTIONS,
  simplifyOperations,
  WILDCARD,
} from '../../../shared/webhooks/operations';

/**
 * The operations picker's moves over Twenty's own matching (`shared/webhooks/operations`): a box
 * per object × action, plus "every object" and "any action".
 */
export const OPERATION_ACTIONS: readonly string[] = [WILDCARD, ...RECORD_ACTIONS];

export const operationOf = (object: string, action: string): string =>
  formatOperation({ object, action });

/** Delivered through a broader operation (shown ticked and locked in the picker). */
export const isImplied = (operations: string[], object: string, action: string): boolean => {
  const operation = operationOf(object, action);
  return !operations.includes(operation) && operationsMatch(operations, operation);
};

/**
 * Adds or removes an operation; adding a broad one drops the narrower ones it now covers, so the
 * list Twenty stores stays short.
 */
export const toggleOperation = (operations: string[], object: string, action: string): string[] => {
  const operation = operationOf(object, action);
  return operations.includes(operation)
    ? operations.filter((item) => item !== operation)
    : simplifyOperations([...operations, operation]);
};

/** "Every event (*.*)", "company.* · person.created", for the list of webhooks. */
export const describeOperations = (operations: string[]): string =>
  operations.includes('*.*') ? 'Every event (*.*)' : operations.join(' · ');
