import { readModel } from '../data-model/read-model';
import type { TwentyClient } from '../twenty-client';
import { readMorphTargets } from './read-morph-targets';
import { readableObjects } from './replica-objects';

/** A workspace's objects as a replica reads them (morph join columns included). */
export const describeWorkspace = async (client: TwentyClient, signal?: AbortSignal) => {
  const [model, morph] = await Promise.all([
    readModel(client, signal),
    readMorphTargets(client, signal),
  ]);
  return readableObjects(model, morph);
};
