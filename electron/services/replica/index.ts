/** Public entry of the replica engine (plain Node): copy, refresh, snapshot export and import. */
export { copyWorkspace, refreshWorkspace } from './copy-workspace';
export { exportSnapshot, importSnapshot } from './snapshot';
export type { ExportOptions } from './snapshot';
export type {
  ObjectReport,
  ReplicaOptions,
  ReplicaPhase,
  ReplicaProgress,
  ReplicaResult,
} from './run-replica';
export type { ObjectChoice, SkippedObject } from './replica-objects';
export type { SchemaMode } from './sync-schema';
export type { Journal } from './replica-journal';
