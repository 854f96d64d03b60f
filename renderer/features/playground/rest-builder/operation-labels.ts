import type { RestOperation } from '../../../../shared/playground/rest-query';

/** What each REST operation is called in the builder's picker (its method comes from the route). */
export const OPERATION_LABELS: Record<RestOperation, string> = {
  findMany: 'List',
  findOne: 'Get one by id',
  createOne: 'Create one',
  createMany: 'Create many (batch)',
  updateOne: 'Update one',
  updateMany: 'Update many by filter',
  deleteOne: 'Delete one',
  deleteMany: 'Delete many by filter',
  restoreOne: 'Restore one',
  restoreMany: 'Restore many by filter',
  findDuplicates: 'Find duplicates',
  merge: 'Merge',
};

/** A body to start from when an operation that takes one is picked over an empty body. */
export const BODY_TEMPLATES: Partial<Record<RestOperation, string>> = {
  createMany: '[\n  {}\n]',
  findDuplicates: '{\n  "ids": []\n}',
  merge: '{\n  "ids": [],\n  "conflictPriorityIndex": 0,\n  "dryRun": true\n}',
};
