import { randomUUID } from 'node:crypto';
import type { ModelField } from '../../../../shared/contract/data-model';
import type { TestEventReport } from '../../../../shared/contract/webhooks';
import { AppError, isAppError } from '../../../../shared/errors/app-error';
import type { TwentyClient, TwentyRecord } from '../../twenty-client';
import { readObjects, type ObjectInfo } from '../gaps/read-objects';

/**
 * Causes real record events for the webhooks to deliver: creates a recognisable test record,
 * updates its name, soft-deletes it if asked, and always destroys it at the end (which Twenty
 * announces as `<object>.destroyed`). The record's id is chosen here, so a create whose answer
 * was lost can still be cleaned up.
 */
export interface TestEventOptions {
  /** nameSingular. */
  objectName: string;
  actions: Array<'created' | 'updated' | 'deleted'>;
  signal?: AbortSignal;
  now?: () => Date;
}

type Step = TestEventReport['steps'][number];

const PREFIX = 'Atelier test event';

/** `2026-11-24T10:00:00Z`: what follows the prefix in the record's name. */
const stampOf = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const testRecordName = (at: Date): string => `${PREFIX} ${stampOf(at)}`;

const NAME_TYPES = new Set(['TEXT', 'FULL_NAME']);

/** The field to name the record by: the label identifier, else a plain text field. */
const nameField = (object: ObjectInfo): ModelField | null => {
  if (object.labelField && NAME_TYPES.has(object.labelField.type)) return object.labelField;
  return (
    object.fields.find(
      (field) => field.type === 'TEXT' && field.isActive && !field.isSystem && field.isNullable,
    ) ?? null
  );
};

/** A FULL_NAME gets the prefix as first name and the rest as last name. */
const nameValue = (field: ModelField, rest: string): unknown =>
  field.type === 'FULL_NAME' ? { firstName: PREFIX, lastName: rest } : `${PREFIX} ${rest}`;

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const sendTestEvent = async (
  client: TwentyClient,
  options: TestEventOptions,
): Promise<TestEventReport> => {
  const { objectName, signal } = options;
  const now = options.now ?? (() => new Date());
  const object = (await readObjects(client, signal)).get(objectName);
  if (!object) throw new AppError('NOT_FOUND', `This workspace has no object “${objectName}”.`);
  const plural = object.namePlural;
  const field = nameField(object);
  const stamp = stampOf(now());
  const name = `${PREFIX} ${stamp}`;
  const id = randomUUID();
  const steps: Step[] = [];
  const step = async (action: string, run: () => Promise<string>): Promise<boolean> => {
    try {
      const detail = await run();
      steps.push({ action, at: now().toISOString(), ok: true, detail });
      return true;
    } catch (error) {
      steps.push({ action, at: now().toISOString(), ok: false, detail: reason(error) });
      return false;
    }
  };
  const withSignal = signal ? { signal } : {};

  const created = await step('created', async () => {
    const body: TwentyRecord = { id, ...(field ? { [field.name]: nameValue(field, stamp) } : {}) };
    await client.rest.create(plural, body, withSignal);
    return `Created ${object.labelSingular} “${name}” (${id}).`;
  });
  if (created && options.actions.includes('updated'))
    await step('updated', async () => {
      if (!field)
        throw new AppError('VALIDATION', `${object.labelSingular} has no text field to change.`);
      const renamed = `${stamp} (updated)`;
      await client.rest.update(plural, id, { [field.name]: nameValue(field, renamed) }, withSignal);
      return `Changed its ${field.label} to “${PREFIX} ${renamed}”.`;
    });
  if (created && options.actions.includes('deleted'))
    await step('deleted', async () => {
      await client.rest.delete(plural, id, { soft: true, ...withSignal });
      return 'Moved it to the trash (soft delete).';
    });

  // Always, even after a failure or a cancellation: a test record must not stay behind.
  let cleanedUp = false;
  await step('destroyed', async () => {
    try {
      await client.rest.delete(plural, id);
      cleanedUp = true;
      return 'Destroyed it (cleanup).';
    } catch (error) {
      // Not there (never created, or already gone): nothing is left behind.
      if (isAppError(error) && error.code === 'NOT_FOUND') {
        cleanedUp = true;
        return created ? 'It was already gone.' : 'Nothing to clean up: it was never created.';
      }
      throw error;
    }
  });
  return { objectName, recordId: id, steps, cleanedUp };
};
