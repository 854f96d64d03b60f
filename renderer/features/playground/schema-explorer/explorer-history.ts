/**
 * Where the explorer is and how it got there: a stack of pages, the schema's root at the bottom.
 * Another member of the page on screen replaces it (the page only scrolls), so Back always
 * leaves the page.
 */
export type Place = { kind: 'root' } | { kind: 'type'; typeName: string; fieldName: string | null };

export const ROOT: Place = { kind: 'root' };
const MAX_DEPTH = 50;

export const samePlace = (a: Place, b: Place): boolean =>
  a.kind === 'root' || b.kind === 'root'
    ? a.kind === b.kind
    : a.typeName === b.typeName && a.fieldName === b.fieldName;

export const visit = (stack: readonly Place[], place: Place): Place[] => {
  if (place.kind === 'root') return [ROOT];
  const current = stack[stack.length - 1];
  if (current && samePlace(current, place)) return [...stack];
  if (current?.kind === 'type' && current.typeName === place.typeName)
    return [...stack.slice(0, -1), place];
  const next = [...stack, place];
  return next.length > MAX_DEPTH ? [ROOT, ...next.slice(-(MAX_DEPTH - 1))] : next;
};

export const back = (stack: readonly Place[]): Place[] =>
  stack.length > 1 ? stack.slice(0, -1) : [...stack];

/** Back to the page at `depth` (0 is the root). */
export const backTo = (stack: readonly Place[], depth: number): Place[] =>
  stack.slice(0, Math.max(1, Math.min(depth + 1, stack.length)));

export const placeLabel = (place: Place): string =>
  place.kind === 'root'
    ? 'Schema'
    : place.fieldName
      ? `${place.typeName}.${place.fieldName}`
      : place.typeName;

export type Crumb = { depth: number; label: string } | { depth: null; label: '…' };

/** The root, an ellipsis for what does not fit, then the last pages. */
export const crumbsOf = (stack: readonly Place[], max = 4): Crumb[] => {
  const crumbs: Crumb[] = stack.map((place, depth) => ({ depth, label: placeLabel(place) }));
  if (crumbs.length <= max) return crumbs;
  return [crumbs[0]!, { depth: null, label: '…' }, ...crumbs.slice(-(max - 1))];
};
