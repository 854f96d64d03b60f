import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Edge } from '@xyflow/react';
import { elkGraphOf, positionsOf } from './elk-graph';
import type { ObjectNode } from './model-graph';

type Positions = Record<string, { x: number; y: number }>;

// ELK runs in a worker: a 300-object model takes it over half a second, which on the main thread
// froze the whole window (bench/data-model). Made on first use.
let elk: InstanceType<typeof ELK> | null = null;

// Layouts of graphs seen lately, by shape: going back to a workspace or undoing a filter shows the
// diagram at once instead of laying it out again.
const recent = new Map<string, Positions>();
const RECENT_LAYOUTS = 8;

export const layoutGraph = async (nodes: ObjectNode[], edges: Edge[]): Promise<Positions> => {
  const graph = elkGraphOf(nodes, edges);
  const key = JSON.stringify([graph.layoutOptions, graph.children, graph.edges]);
  const known = recent.get(key);
  if (known) return known;
  elk ??= new ELK({ workerUrl });
  const positions = positionsOf(await elk.layout(graph));
  recent.set(key, positions);
  if (recent.size > RECENT_LAYOUTS) recent.delete(recent.keys().next().value!);
  return positions;
};
