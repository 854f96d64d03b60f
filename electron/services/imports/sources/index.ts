export { inspectSource, SAMPLE_ROWS } from './inspect-source';
export { readSourceRows, DEFAULT_BATCH_SIZE } from './read-source-rows';
export type { SourceFailure } from './source-errors';
export * from './types';
