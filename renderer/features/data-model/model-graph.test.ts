import { describe, expect, it } from 'vitest';
import { syntheticModel } from '../../../bench/lib/synthetic-model';
import { elkGraphOf } from './elk-graph';
import { BIG_MODEL, buildGraph, COLLAPSED_HEIGHT, NODE_WIDTH, nodeHeight } from './model-graph';

const options = { customOnly: false, showSystem: false, naming: 'label', fields: 'auto' } as const;

describe('buildGraph', () => {
  it('shows field rows on a small model and collapses them on a big one unless asked', () => {
    const small = buildGraph(syntheticModel({ objects: 20, fieldsPerObject: 6 }), options);
    expect(small.collapsed).toBe(false);
    const node = small.nodes[0]!;
    expect(node.height).toBe(nodeHeight(node.data.fields.length));

    const big = syntheticModel({ objects: BIG_MODEL + 1, fieldsPerObject: 6 });
    const collapsed = buildGraph(big, options);
    expect(collapsed.collapsed).toBe(true);
    expect(collapsed.nodes.every((n) => n.height === COLLAPSED_HEIGHT && n.data.collapsed)).toBe(
      true,
    );
    expect(buildGraph(big, { ...options, fields: 'shown' }).collapsed).toBe(false);
    expect(
      buildGraph(syntheticModel({ objects: 5, fieldsPerObject: 6 }), {
        ...options,
        fields: 'collapsed',
      }).collapsed,
    ).toBe(true);
  });

  it('gives every node its handles, so edges are placed before a node is drawn', () => {
    const { nodes } = buildGraph(syntheticModel({ objects: 10, fieldsPerObject: 6 }), options);
    for (const node of nodes) {
      const [target, source] = node.handles!;
      expect(target).toMatchObject({ type: 'target', position: 'left' });
      expect(source).toMatchObject({ type: 'source', position: 'right' });
      expect(source!.x + source!.width! / 2).toBe(NODE_WIDTH);
      expect(target!.y + target!.height! / 2).toBe(node.height! / 2);
    }
  });
});

describe('elkGraphOf', () => {
  it('trades model order and tidy placement for speed only on big models', () => {
    const small = buildGraph(syntheticModel({ objects: 10, fieldsPerObject: 6 }), options);
    const big = buildGraph(syntheticModel({ objects: BIG_MODEL + 1, fieldsPerObject: 6 }), options);
    const smallOptions = elkGraphOf(small.nodes, small.edges).layoutOptions!;
    const bigOptions = elkGraphOf(big.nodes, big.edges).layoutOptions!;
    expect(smallOptions['elk.layered.considerModelOrder.strategy']).toBe('NODES_AND_EDGES');
    expect(bigOptions['elk.layered.considerModelOrder.strategy']).toBe('NONE');
    expect(bigOptions['elk.layered.nodePlacement.strategy']).toBe('SIMPLE');
    expect(elkGraphOf(big.nodes, big.edges).children).toHaveLength(big.nodes.length);
  });
});
