import { randomUUID } from 'node:crypto';
import type { ModelObject, WorkspaceModel } from '../../../../shared/contract/data-model';
import { resolveKeyPath, type KeyTarget, type LookupRequest } from '../../../../shared/imports';
import type { TwentyClient } from '../../twenty-client';
import { findByKeys } from '../workspace-keys';
import { targetObject } from '../stage/converted-rows';
import type { ParentPlan } from './import-journal';
import type { StagedRow } from './stage-step';

/**
 * Relations by lookup, a batch at a time, the way the seed's upsert finds records: first what
 * this run already knows (records it wrote or found, and parents it is creating), then the
 * workspace, one request per (object, key) per batch. A key no record has is a parent to create
 * when the mapping asks for it (one per key, shared by every row that needs it), otherwise the
 * row fails with the reason; a key several records share fails the row too.
 */
/**
 * A lookup through a junction object (a note's `noteTargets`, a task's `taskTargets`): the
 * record found is attached by creating a junction record after the row's own record is written.
 */
export interface Attach {
  /** The junction object (nameSingular) and its plural. */
  object: string;
  plural: string;
  /** Its join column towards the imported record (`noteId`). */
  ownJoinColumn: string;
  /** Its join column towards the record found (`companyId`). */
  targetJoinColumn: string;
}

export type EngineLookup = LookupRequest & { attach?: Attach };

export interface AttachmentPlan {
  line: number;
  id: string;
  object: string;
  plural: string;
  ownJoinColumn: string;
  /** The target's join column → the id found. */
  values: Record<string, string>;
}

export interface LookupOutcome {
  /** Join columns to set, per row line. */
  links: Map<number, Record<string, string>>;
  /** Junction records to create once the row's record exists. */
  attachments: AttachmentPlan[];
  failed: Map<number, string>;
  parents: ParentPlan[];
}

export const lookupId = (lookup: Pick<LookupRequest, 'object' | 'by' | 'value'>) =>
  `${lookup.object}|${lookup.by}|${lookup.value}`;

/** The body of a record made for a missing lookup key. */
export const parentValues = (object: ModelObject, target: KeyTarget, key: string) => {
  const values: Record<string, unknown> = {};
  const { field, subField } = target;
  if (subField === 'primaryPhoneNumber') {
    const [calling = '', number = ''] = key.split('+');
    values[field.name] = {
      primaryPhoneNumber: number,
      ...(calling ? { primaryPhoneCallingCode: `+${calling}` } : {}),
    };
  } else if (subField) values[field.name] = { [subField]: key };
  else if (field.type === 'FULL_NAME') {
    const [firstName = '', ...rest] = key.split(' ');
    values[field.name] = { firstName, lastName: rest.join(' ') };
  } else values[field.name] = field.type === 'NUMBER' ? Number(key) : key;
  // A record needs a name to be found in Twenty's UI: the key is the best one there is.
  const name = object.fields.find((candidate) => candidate.name === 'name' && candidate.isActive);
  if (name && !(name.name in values)) {
    if (name.type === 'TEXT') values.name = key;
    if (name.type === 'FULL_NAME' && subField !== 'primaryEmail')
      values.name = { firstName: key, lastName: '' };
  }
  return values;
};

export const createLookupResolver = (client: TwentyClient, model: WorkspaceModel) => {
  /** lookupId → record id (null: known missing and not to be created). */
  const known = new Map<string, string | null>();
  const ambiguous = new Map<string, number>();

  const remember = (object: string, by: string, key: string, id: string) =>
    known.set(lookupId({ object, by, value: key }), id);

  return {
    remember,
    async resolve(rows: StagedRow[], signal?: AbortSignal): Promise<LookupOutcome> {
      const outcome: LookupOutcome = {
        links: new Map(),
        attachments: [],
        failed: new Map(),
        parents: [],
      };
      const groups = new Map<string, { object: string; by: string; keys: Set<string> }>();
      for (const row of rows)
        for (const lookup of row.lookups) {
          const id = lookupId(lookup);
          if (known.has(id) || ambiguous.has(id)) continue;
          const group = `${lookup.object}|${lookup.by}`;
          const entry = groups.get(group) ?? {
            object: lookup.object,
            by: lookup.by,
            keys: new Set(),
          };
          entry.keys.add(lookup.value);
          groups.set(group, entry);
        }
      for (const { object: name, by, keys } of groups.values()) {
        const object = targetObject(model, name);
        const target = resolveKeyPath(object, by);
        if ('error' in target) continue;
        const found = (await findByKeys(client, object, target, keys, signal)).byKey;
        for (const key of keys) {
          const records = found.get(key) ?? [];
          if (records.length === 1) remember(name, by, key, String(records[0]!.id));
          if (records.length > 1)
            ambiguous.set(lookupId({ object: name, by, value: key }), records.length);
        }
      }
      for (const row of rows) {
        const links: Record<string, string> = {};
        const attachments: AttachmentPlan[] = [];
        for (const lookup of row.lookups as EngineLookup[]) {
          const id = lookupId(lookup);
          const count = ambiguous.get(id);
          if (count) {
            outcome.failed.set(
              row.line,
              `${count} ${lookup.object} records have ${lookup.by} "${lookup.value}": cannot tell which one ${lookup.field} is`,
            );
            break;
          }
          let recordId = known.get(id);
          if (recordId === undefined && lookup.createMissing) {
            const object = targetObject(model, lookup.object);
            const target = resolveKeyPath(object, lookup.by);
            if (!('error' in target)) {
              recordId = randomUUID();
              outcome.parents.push({
                object: lookup.object,
                plural: object.namePlural,
                id: recordId,
                values: parentValues(object, target, lookup.value),
                lookup: id,
              });
              known.set(id, recordId);
            }
          }
          if (!recordId) {
            outcome.failed.set(
              row.line,
              `No ${lookup.object} has ${lookup.by} "${lookup.value}" (for ${lookup.field}); turn on "create missing" to create it`,
            );
            break;
          }
          if (lookup.attach)
            attachments.push({
              line: row.line,
              id: randomUUID(),
              object: lookup.attach.object,
              plural: lookup.attach.plural,
              ownJoinColumn: lookup.attach.ownJoinColumn,
              values: { [lookup.attach.targetJoinColumn]: recordId },
            });
          else links[lookup.joinColumn] = recordId;
        }
        if (!outcome.failed.has(row.line)) {
          outcome.links.set(row.line, links);
          outcome.attachments.push(...attachments);
        }
      }
      return outcome;
    },
    /** Forget a parent that could not be created: later rows look it up again. */
    forget(lookup: string) {
      known.delete(lookup);
    },
  };
};
export type LookupResolver = ReturnType<typeof createLookupResolver>;
