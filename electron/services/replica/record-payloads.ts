import type { TwentyRecord } from '../twenty-client';
import type { LinkField, ReplicaObject } from './replica-objects';

/**
 * The bodies a replica writes: the first pass carries every copied field under the target id
 * (composites as the source returned them), the second only the join columns. A join column the
 * resolver cannot map (`undefined`) is left out rather than written wrong.
 */
const actorInput = (value: unknown): TwentyRecord | undefined => {
  if (!value || typeof value !== 'object') return undefined;
  const actor = value as { source?: unknown; context?: unknown };
  if (typeof actor.source !== 'string') return undefined;
  const hasContext =
    actor.context !== null &&
    typeof actor.context === 'object' &&
    Object.keys(actor.context).length > 0;
  return { source: actor.source, ...(hasContext ? { context: actor.context } : {}) };
};

export const recordBody = (
  object: ReplicaObject,
  record: TwentyRecord,
  targetId: string,
): TwentyRecord => {
  const body: TwentyRecord = { id: targetId };
  for (const name of object.fields) if (name !== 'id' && name in record) body[name] = record[name];
  for (const name of object.actors) {
    const actor = actorInput(record[name]);
    if (actor) body[name] = actor;
  }
  return body;
};

/** Target id a join column should hold: null for none, undefined when it cannot be mapped. */
export type LinkResolver = (link: LinkField, sourceRef: string) => string | null | undefined;

export const linkBody = (
  object: ReplicaObject,
  record: TwentyRecord,
  targetId: string,
  resolve: LinkResolver,
): { body: TwentyRecord; linked: number } => {
  const body: TwentyRecord = { id: targetId };
  let linked = 0;
  for (const link of object.links) {
    const ref = record[link.joinColumn];
    if (typeof ref !== 'string') {
      body[link.joinColumn] = null;
      continue;
    }
    const mapped = resolve(link, ref);
    if (mapped === undefined) continue;
    body[link.joinColumn] = mapped;
    if (mapped !== null) linked += 1;
  }
  return { body, linked };
};
