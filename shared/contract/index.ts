import { z } from 'zod';
import { defineContract, method } from '../rpc/define-contract';
import {
  appInfoSchema,
  chooseFilesInputSchema,
  chosenFilesSchema,
  openExternalInputSchema,
} from './app';
import {
  accessOverviewSchema,
  accessPlanSchema,
  apiKeyRefSchema,
  apiKeyInfoSchema,
  applyAccessPlanInputSchema,
  applyAccessResultSchema,
  connectionInputSchema,
  createApiKeyInputSchema,
  createdApiKeySchema,
  effectiveAccessInputSchema,
  effectiveAccessSchema,
  reviewAccessInputSchema,
  rotateApiKeyInputSchema,
  rotatedApiKeySchema,
  sessionStatusSchema,
  signInInputSchema,
} from './access';
import { connectionTestReportSchema } from './connection-test';
import {
  diagramLayoutSchema,
  getModelInputSchema,
  modelReadSchema,
  saveLayoutInputSchema,
} from './data-model';
import {
  addConnectionInputSchema,
  connectionIdSchema,
  connectionListSchema,
  connectionRefSchema,
  connectionSchema,
  replaceKeyInputSchema,
  testDraftInputSchema,
  updateConnectionInputSchema,
} from './connections';
import type { ContractEventName } from './event-names';
import {
  historyEntrySchema,
  savedQueryListSchema,
  savedQueryNameSchema,
  saveQueryInputSchema,
  introspectInputSchema,
  introspectionReadSchema,
  rateLimitMeterSchema,
  runInputSchema,
  runOutputSchema,
} from './playground';
import { jobSchema } from './jobs';
import {
  createImportInputSchema,
  dryRunInputSchema,
  fixRowInputSchema,
  importListSchema,
  importRefSchema,
  importSchema,
  inspectFileInputSchema,
  problemRowSchema,
  problemRowsInputSchema,
  problemRowsSchema,
  readMappingFileInputSchema,
  readMappingFileSchema,
  reportFileSchema,
  reportInputSchema,
  resultRowsInputSchema,
  resultRowsSchema,
  runImportInputSchema,
  savedMappingNameSchema,
  savedMappingSchema,
  saveMappingInputSchema,
  sourceInfoSchema,
  updateImportInputSchema,
  validateInputSchema,
} from './imports';
import {
  copyWorkspaceInputSchema,
  exportSnapshotInputSchema,
  importSnapshotInputSchema,
  pullInputSchema,
  replicaListSchema,
  replicaRunSchema,
  replicaSchema,
  snapshotFileSchema,
} from './replica';
import {
  applyProgressSchema,
  applyReportSchema,
  changePlanReviewSchema,
  findUsagesInputSchema,
  planRefSchema,
  readSchemaOutputSchema,
  reviewChangesInputSchema,
  saveDraftInputSchema,
  schemaDraftSchema,
  typeChangePreviewInputSchema,
  typeChangePreviewSchema,
  usagesSchema,
} from './schema';
import {
  createReceiverInputSchema,
  createWebhookInputSchema,
  deliveriesArrivedSchema,
  deliveryDetailSchema,
  deliveryIdSchema,
  deliveryPageSchema,
  exportDeliveriesInputSchema,
  exportFileSchema,
  fetchedRecordsSchema,
  fetchRecordsInputSchema,
  findGapsInputSchema,
  gapReportSchema,
  listDeliveriesInputSchema,
  logSettingsSchema,
  logStatsSchema,
  receiverRefSchema,
  receiverSchema,
  replayInputSchema,
  replayResultSchema,
  rotateSecretInputSchema,
  targetAdviceInputSchema,
  targetAdviceSchema,
  testEventInputSchema,
  testEventReportSchema,
  updateReceiverInputSchema,
  updateWebhookInputSchema,
  webhookRefSchema,
  webhookSavedSchema,
  webhookSchema,
} from './webhooks';

const empty = z.object({}).strict();
const connectionRefOnly = z.object({ connectionId: connectionIdSchema });

/**
 * The whole main ↔ renderer surface. Add a method here and the dispatcher will not compile
 * until main implements it; the renderer gets its types from the same entry.
 */
export const contract = defineContract({
  methods: {
    'app.getInfo': method(empty, appInfoSchema, 'Version and host of the running app'),
    'app.openExternal': method(
      openExternalInputSchema,
      z.object({ opened: z.boolean() }),
      'Open an http(s) or mailto link in the system browser',
    ),
    'app.chooseFiles': method(
      chooseFilesInputSchema,
      chosenFilesSchema,
      "The desktop's open-file dialog (paths chosen, or none); unsupported in browser mode",
    ),
    'workspaces.listConnections': method(empty, connectionListSchema, 'All connections'),
    'workspaces.addConnection': method(
      addConnectionInputSchema,
      connectionSchema,
      'Add a Twenty workspace; its key goes to the OS keychain',
    ),
    'workspaces.updateConnection': method(
      updateConnectionInputSchema,
      connectionSchema,
      'Rename a connection or change its URL or rate limit',
    ),
    'workspaces.replaceKey': method(
      replaceKeyInputSchema,
      connectionSchema,
      'Replace the API key of a connection',
    ),
    'workspaces.removeConnection': method(
      connectionRefSchema,
      z.object({ removed: z.boolean() }),
      'Remove a connection and delete its key from the keychain',
    ),
    'workspaces.selectConnection': method(
      connectionRefSchema,
      connectionListSchema,
      'Switch the active workspace',
    ),
    'workspaces.testConnection': method(
      connectionRefSchema,
      connectionTestReportSchema,
      'Test a saved connection',
    ),
    'workspaces.testDraftConnection': method(
      testDraftInputSchema,
      connectionTestReportSchema,
      'Test a URL and key before saving them',
    ),
    'dataModel.getModel': method(
      getModelInputSchema,
      modelReadSchema,
      "A workspace's objects and fields (cached for offline use)",
    ),
    'dataModel.getLayout': method(
      connectionRefOnly,
      diagramLayoutSchema,
      'Diagram positions the admin kept for a workspace',
    ),
    'dataModel.saveLayout': method(
      saveLayoutInputSchema,
      z.object({ saved: z.boolean() }),
      'Keep diagram positions for a workspace',
    ),
    'schema.readSchema': method(
      connectionRefOnly,
      readSchemaOutputSchema,
      "A workspace's custom model as a schema document (the offline copy when unreachable)",
    ),
    'schema.getDraft': method(
      connectionRefOnly,
      schemaDraftSchema.nullable(),
      "The data-model editor's unapplied draft for a workspace",
    ),
    'schema.saveDraft': method(
      saveDraftInputSchema,
      z.object({ saved: z.boolean() }),
      'Keep the draft on disk (it survives a restart)',
    ),
    'schema.discardDraft': method(
      connectionRefOnly,
      z.object({ discarded: z.boolean() }),
      'Forget the draft',
    ),
    'schema.reviewChanges': method(
      reviewChangesInputSchema,
      changePlanReviewSchema,
      'Plan the changes from the live schema to a target, with record counts and usages',
    ),
    'schema.applyPlan': method(
      planRefSchema,
      applyReportSchema,
      'Apply a reviewed plan step by step, stopping at the first failure',
    ),
    'schema.cancelApply': method(
      planRefSchema,
      z.object({ cancelled: z.boolean() }),
      'Stop applying a plan after the running step',
    ),
    'schema.previewTypeChange': method(
      typeChangePreviewInputSchema,
      typeChangePreviewSchema,
      "How many of a field's values convert to another type, and which are lost",
    ),
    'schema.findUsages': method(
      findUsagesInputSchema,
      usagesSchema,
      'What uses an object, a field or option values (views, webhooks, relations)',
    ),
    'playground.run': method(
      runInputSchema,
      runOutputSchema,
      "Send a GraphQL or REST request with the connection's key; Twenty's answer as it came",
    ),
    'playground.introspect': method(
      introspectInputSchema,
      introspectionReadSchema,
      'The GraphQL schema of the core or metadata API (kept for offline use)',
    ),
    'playground.rateLimit': method(
      connectionRefOnly,
      rateLimitMeterSchema,
      "Requests left in Twenty's rate-limit windows, as the shared client sees them",
    ),
    'playground.listSaved': method(
      connectionRefOnly,
      savedQueryListSchema,
      "The connection's saved queries (plain files), each checked against the schema last read",
    ),
    'playground.saveQuery': method(
      saveQueryInputSchema,
      z.object({ file: z.string() }),
      "Save a query as a file in the connection's query folder",
    ),
    'playground.removeQuery': method(
      z.object({ connectionId: connectionIdSchema, name: savedQueryNameSchema }),
      z.object({ removed: z.boolean() }),
      'Delete a saved query',
    ),
    'playground.history': method(
      z.object({
        connectionId: connectionIdSchema,
        search: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100),
      }),
      z.array(historyEntrySchema),
      'Requests run on the connection, newest first',
    ),
    'replica.listReplicas': method(empty, replicaListSchema, 'Offline replicas and their state'),
    'replica.pull': method(
      pullInputSchema,
      replicaSchema,
      "Copy a remote workspace's schema and records into its replica (resumes a stopped pull)",
    ),
    'replica.refresh': method(
      connectionRefOnly,
      replicaSchema,
      'Bring a replica up to date: records changed or deleted since the last run',
    ),
    'replica.removeReplica': method(
      connectionRefOnly,
      z.object({ removed: z.boolean() }),
      'Stop a replica and delete its data (the remote is not touched)',
    ),
    'replica.listSnapshots': method(
      empty,
      z.array(snapshotFileSchema),
      'Snapshot files in the snapshots folder, newest first',
    ),
    'replica.exportSnapshot': method(
      exportSnapshotInputSchema,
      z.object({ path: z.string(), sizeBytes: z.number(), records: z.number() }),
      'Write a workspace (schema + records) to one snapshot file',
    ),
    'replica.importSnapshot': method(
      importSnapshotInputSchema,
      replicaRunSchema,
      'Load a snapshot file into a workspace (ids kept where the target accepts them)',
    ),
    'replica.copyWorkspace': method(
      copyWorkspaceInputSchema,
      replicaRunSchema,
      'Copy one workspace, schema and records, into another',
    ),
    'imports.inspectFile': method(
      inspectFileInputSchema,
      sourceInfoSchema,
      'Read the start of a CSV or XLSX file: encoding, delimiter, sheets, headers, a sample',
    ),
    'imports.listImports': method(empty, importListSchema, 'Imports, newest first'),
    'imports.getImport': method(importRefSchema, importSchema, 'One import and its steps'),
    'imports.createImport': method(
      createImportInputSchema,
      importSchema,
      'Keep a new import (files, mappings, modes) for a connection',
    ),
    'imports.updateImport': method(
      updateImportInputSchema,
      importSchema,
      'Change the files or mappings of an import that has not run (validation starts over)',
    ),
    'imports.removeImport': method(
      importRefSchema,
      z.object({ removed: z.boolean() }),
      'Forget an import and its files (records written stay in the workspace)',
    ),
    'imports.validate': method(
      validateInputSchema,
      importSchema,
      'Check every row against the target fields, the file and the workspace (a job)',
    ),
    'imports.problemRows': method(
      problemRowsInputSchema,
      problemRowsSchema,
      'A page of the rows with errors, warnings or duplicates, fixes applied',
    ),
    'imports.fixRow': method(
      fixRowInputSchema,
      problemRowSchema,
      'Change cells of a row or exclude it; answers the row checked again',
    ),
    'imports.errorReport': method(
      reportInputSchema,
      reportFileSchema,
      'The rows with problems as a CSV file (line, column, value, message)',
    ),
    'imports.run': method(
      runImportInputSchema,
      importSchema,
      'Write the rows (a job); after a pause or a crash, resumes from the journal',
    ),
    'imports.pause': method(
      importRefSchema,
      importSchema,
      'Stop the running job of an import (a validation, or a run after its current batch; run again to resume)',
    ),
    'imports.dryRun': method(
      dryRunInputSchema,
      importSchema,
      'Run a copy of the import on the local workspace or a replica, then roll it back there',
    ),
    'imports.rollback': method(
      runImportInputSchema.pick({ importId: true, confirm: true }),
      importSchema,
      'Delete what the run created and restore the previous values of what it updated',
    ),
    'imports.resultRows': method(
      resultRowsInputSchema,
      resultRowsSchema,
      'A page of the per-row results of the last run',
    ),
    'imports.resultReport': method(
      importRefSchema,
      reportFileSchema,
      'The per-row results of the last run as a CSV file',
    ),
    'imports.readMappingFile': method(
      readMappingFileInputSchema,
      readMappingFileSchema,
      'Read a mapping document from a JSON file (what is wrong with it, if anything)',
    ),
    'imports.listMappings': method(empty, z.array(savedMappingSchema), 'Saved mappings'),
    'imports.saveMapping': method(
      saveMappingInputSchema,
      savedMappingSchema,
      'Save a mapping under a name for later imports and the command line',
    ),
    'imports.removeMapping': method(
      z.object({ name: savedMappingNameSchema }),
      z.object({ removed: z.boolean() }),
      'Delete a saved mapping',
    ),
    'webhooks.listReceivers': method(empty, z.array(receiverSchema), 'Local webhook receivers'),
    'webhooks.createReceiver': method(
      createReceiverInputSchema,
      z.object({ receiver: receiverSchema, secret: z.string() }),
      'Add a receiver (its secret goes to the keychain and is shown once)',
    ),
    'webhooks.updateReceiver': method(
      updateReceiverInputSchema,
      receiverSchema,
      'Change a receiver (a running one restarts on a new port or interface)',
    ),
    'webhooks.removeReceiver': method(
      receiverRefSchema,
      z.object({ removed: z.boolean() }),
      'Stop and forget a receiver and its secrets (its logged deliveries stay)',
    ),
    'webhooks.startReceiver': method(receiverRefSchema, receiverSchema, 'Start listening'),
    'webhooks.stopReceiver': method(receiverRefSchema, receiverSchema, 'Stop listening'),
    'webhooks.rotateReceiverSecret': method(
      rotateSecretInputSchema,
      z.object({
        receiver: receiverSchema,
        secret: z.string(),
        /** Webhooks of each connection that target this receiver, given the new secret. */
        webhooksUpdated: z.number().int(),
        problems: z.array(z.string()),
      }),
      'A new secret for a receiver; the previous one stays valid for a while',
    ),
    'webhooks.listDeliveries': method(
      listDeliveriesInputSchema,
      deliveryPageSchema,
      'Logged deliveries, newest first: full-text search and filters',
    ),
    'webhooks.getDelivery': method(
      z.object({ id: deliveryIdSchema }),
      deliveryDetailSchema,
      'One delivery: headers, raw body, payload, verification step by step, forwards',
    ),
    'webhooks.exportDeliveries': method(
      exportDeliveriesInputSchema,
      exportFileSchema,
      'The matching deliveries as a JSON-lines file',
    ),
    'webhooks.logStats': method(empty, logStatsSchema, 'Size and settings of the delivery log'),
    'webhooks.setLogSettings': method(
      logSettingsSchema,
      logStatsSchema,
      'Retention of the delivery log (applied at once)',
    ),
    'webhooks.clearLog': method(
      z.object({ receiverId: z.string().nullable().default(null) }),
      z.object({ deleted: z.number().int() }),
      'Delete logged deliveries (of one receiver, or all)',
    ),
    'webhooks.replay': method(
      replayInputSchema,
      replayResultSchema,
      'Send logged deliveries again to a URL, re-signed or as recorded',
    ),
    'webhooks.listWebhooks': method(
      z.object({ connectionId: connectionIdSchema }),
      z.array(webhookSchema),
      "A workspace's webhooks, through Twenty's API",
    ),
    'webhooks.createWebhook': method(
      createWebhookInputSchema,
      webhookSavedSchema,
      'Create a webhook in Twenty pointing at a receiver or any URL (the secret shown once)',
    ),
    'webhooks.updateWebhook': method(
      updateWebhookInputSchema,
      webhookSavedSchema,
      'Change the target, operations or description of a webhook, or give it a new secret',
    ),
    'webhooks.deleteWebhook': method(
      webhookRefSchema,
      z.object({ deleted: z.boolean() }),
      'Delete a webhook in Twenty',
    ),
    'webhooks.targetAdvice': method(
      targetAdviceInputSchema,
      targetAdviceSchema,
      'Whether the workspace can reach a target (loopback, LAN, Twenty Cloud), and the ways out',
    ),
    'webhooks.findGaps': method(
      findGapsInputSchema,
      gapReportSchema,
      'Records that changed in a window with no delivery for them (Twenty never retries)',
    ),
    'webhooks.fetchRecords': method(
      fetchRecordsInputSchema,
      fetchedRecordsSchema,
      'Read records by id (the ones whose events never came)',
    ),
    'webhooks.sendTestEvent': method(
      testEventInputSchema,
      testEventReportSchema,
      'Create, update and delete a test record so that real events are sent, then clean up',
    ),
    'access.getOverview': method(
      connectionInputSchema,
      accessOverviewSchema,
      "A connection's roles with their permissions, objects and fields, flags, API keys, session",
    ),
    'access.reviewChanges': method(
      reviewAccessInputSchema,
      accessPlanSchema,
      'Plan the draft against the live roles: the steps, what Twenty would refuse, warnings',
    ),
    'access.applyPlan': method(
      applyAccessPlanInputSchema,
      applyAccessResultSchema,
      'Apply a reviewed plan step by step through Twenty’s role operations',
    ),
    'access.effectiveAccess': method(
      effectiveAccessInputSchema,
      effectiveAccessSchema,
      'What a key or role may do with every object and field',
    ),
    'access.createApiKey': method(
      createApiKeyInputSchema,
      createdApiKeySchema,
      'Create a key with a role; its token is returned once',
    ),
    'access.rotateApiKey': method(
      rotateApiKeyInputSchema,
      rotatedApiKeySchema,
      'A new key with the same role and name; the old one stays until revoked',
    ),
    'access.revokeApiKey': method(apiKeyRefSchema, apiKeyInfoSchema, 'Revoke a key'),
    'access.signIn': method(
      signInInputSchema,
      sessionStatusSchema,
      'Twenty’s sign-in; the refresh token is kept in the keychain',
    ),
    'access.signOut': method(connectionInputSchema, sessionStatusSchema, 'End the session'),
    'jobs.listJobs': method(empty, z.array(jobSchema), 'Running and recent jobs'),
    'jobs.cancelJob': method(
      z.object({ id: z.string().min(1).max(64) }),
      z.object({ cancelled: z.boolean() }),
      'Cancel a running job',
    ),
  },
  events: {
    'workspaces.onConnectionsChanged': connectionListSchema,
    'jobs.onJobUpdated': jobSchema,
    'schema.onApplyProgress': applyProgressSchema,
    'replica.onReplicasChanged': replicaListSchema,
    'imports.onImportChanged': importSchema,
    'webhooks.onDeliveries': deliveriesArrivedSchema,
    'webhooks.onReceiversChanged': z.array(receiverSchema),
  } satisfies Record<ContractEventName, z.ZodType>,
});

export type Contract = typeof contract;
export * from './access';
export * from './app';
export * from './connection-test';
export * from './connections';
export * from './data-model';
export * from './event-names';
export * from './imports';
export * from './jobs';
export * from './replica';
export * from './schema';
export * from './webhooks';
