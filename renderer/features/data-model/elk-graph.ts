import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Edge } from '@xyflow/react';
import { BIG_MODEL, type ObjectNode } from './model-graph';

// Big models: keeping the model's order (stable layouts across small edits) and the tidier node
// placement cost ~60 % of ELK's time on 300 objects (bench/data-model); simple placement also
// halves the height, so the fitted view shows more of the model.
const BIG_MODEL_OPTIONS = {
  'elk.layered.thoroughness': '1',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
};

/** Layered layout (ELK), left to right along relations; unrelated objects packed below. */
export const elkGraphOf = (nodes: ObjectNode[], edges: Edge[]): ElkNode => ({
  id: 'root',
  layoutOptions: {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    // React Flow draws its own curves: ELK's orthogonal routes cost time and channel space unused.
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': '40',
    'elk.layered.spacing.nodeNodeBetweenLayers': '120',
    'elk.separateConnectedComponents': 'true',
    'elk.spacing.componentComponent': '60',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    ...(nodes.length > BIG_MODEL ? BIG_MODEL_OPTIONS : {}),
  },
  children: nodes.map((node) => ({ id: node.id, width: node.width!, height: node.height! })),
  edges: edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
});

export const positionsOf = (graph: ElkNode): Record<string, { x: number; y: number }> =>
  Object.fromEntries(
    (graph.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]),
  );
