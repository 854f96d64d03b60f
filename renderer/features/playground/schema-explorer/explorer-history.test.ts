import { describe, expect, it } from 'vitest';
import { back, backTo, crumbsOf, ROOT, visit, type Place } from './explorer-history';

const page = (typeName: string, fieldName: string | null = null): Place => ({
  kind: 'type',
  typeName,
  fieldName,
});

describe('explorer history', () => {
  it('stacks pages over the root and goes back one at a time', () => {
    let stack = visit([ROOT], page('Company'));
    stack = visit(stack, page('Person'));
    expect(stack).toEqual([ROOT, page('Company'), page('Person')]);
    expect(back(stack)).toEqual([ROOT, page('Company')]);
    expect(back([ROOT])).toEqual([ROOT]);
    expect(visit(stack, ROOT)).toEqual([ROOT]);
  });

  it('replaces the page when only the member changes, and ignores the page on screen', () => {
    const stack = visit([ROOT, page('Company')], page('Company', 'name'));
    expect(stack).toEqual([ROOT, page('Company', 'name')]);
    expect(visit(stack, page('Company', 'name'))).toEqual(stack);
  });

  it('keeps the root and the latest pages when it grows long', () => {
    let stack: Place[] = [ROOT];
    for (let i = 0; i < 80; i += 1) stack = visit(stack, page(`T${i}`));
    expect(stack).toHaveLength(50);
    expect(stack[0]).toEqual(ROOT);
    expect(stack.at(-1)).toEqual(page('T79'));
  });

  it('goes back to a crumb, and shortens the trail with an ellipsis', () => {
    const stack = [ROOT, page('A'), page('B', 'x'), page('C'), page('D')];
    expect(backTo(stack, 1)).toEqual([ROOT, page('A')]);
    expect(backTo(stack, -3)).toEqual([ROOT]);
    expect(crumbsOf(stack).map((crumb) => crumb.label)).toEqual(['Schema', '…', 'B.x', 'C', 'D']);
    expect(crumbsOf(stack.slice(0, 3)).map((crumb) => crumb.depth)).toEqual([0, 1, 2]);
  });
});
