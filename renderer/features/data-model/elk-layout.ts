import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Edge } from '@xyflow/react';
import { elkGraphOf, positionsOf } from './elk-graph';
import type { ObjectNode } from './model-graph';

// ELK runs in a worker: a 300-object model takes it over a second, which on the main thread
// froze the whole window (bench/data-model). Made on first use.
let elk: InstanceType<typeof ELK> | null = null;

export const layoutGraph = async (nodes: ObjectNode[], edges: Edge[]) => {
  elk ??= new ELK({ workerUrl });
  return positionsOf(await elk.layout(elkGraphOf(nodes, edges)));
};
