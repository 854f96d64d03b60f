/**
 * The contract's event names on their own, for the sandboxed preload's allowlist: it is bundled
 * separately and should not carry zod. `contract.events` is checked against this list.
 */
export const CONTRACT_EVENT_NAMES = [
  'workspaces.onConnectionsChanged',
  'jobs.onJobUpdated',
  'schema.onApplyProgress',
  'replica.onReplicasChanged',
  'imports.onImportChanged',
  'webhooks.onDeliveries',
  'webhooks.onReceiversChanged',
] as const;
export type ContractEventName = (typeof CONTRACT_EVENT_NAMES)[number];
