import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Edge } from '@xyflow/react';
import type { ObjectNode } from './model-graph';

/** Above this many objects, a faster, slightly less tidy crossing minimisation. */
const BIG_MODEL = 120;

/** Layered layout (ELK), left to right along relations; unrelated objects packed below. */
export const elkGraphOf = (nodes: ObjectNode[], edges: Edge[]): ElkNode => ({
  id: 'root',
  layoutOptions: {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.spacing.nodeNode': '40',
    'elk.layered.spacing.nodeNodeBetweenLayers': '90',
    'elk.separateConnectedComponents': 'true',
    'elk.spacing.componentComponent': '60',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    ...(nodes.length > BIG_MODEL ? { 'elk.layered.thoroughness': '1' } : {}),
  },
  children: nodes.map((node) => ({ id: node.id, width: node.width!, height: node.height! })),
  edges: edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
});

export const positionsOf = (graph: ElkNode): Record<string, { x: number; y: number }> =>
  Object.fromEntries(
    (graph.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]),
  );
