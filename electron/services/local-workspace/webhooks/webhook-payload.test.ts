import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RecordEvent } from '../records/record-events';
import {
  buildWebhookBody,
  buildWebhookHeaders,
  operationsToMatch,
  webhookMatches,
  webhookUpdatedFields,
} from './webhook-payload';

const event = (overrides: Partial<RecordEvent> = {}): RecordEvent => ({
  action: 'updated',
  objectMetadata: { id: 'obj-1', nameSingular: 'person' },
  record: { id: 'rec-1', name: { firstName: 'Ada' }, jobTitle: 'Analyst', deletedAt: null },
  updatedFields: ['jobTitle', 'name'],
  eventDate: '2026-01-01T00:00:00.000Z',
  workspaceId: 'ws-1',
  ...overrides,
});

describe('webhook operations matching', () => {
  it('matches X.op, *.op, X.* and *.* exactly', () => {
    expect(operationsToMatch('person', 'created')).toEqual([
      'person.created',
      '*.created',
      'person.*',
      '*.*',
    ]);
    const matches = (operations: string[]) => webhookMatches({ operations }, 'person', 'created');
    expect(matches(['person.created'])).toBe(true);
    expect(matches(['*.created'])).toBe(true);
    expect(matches(['person.*'])).toBe(true);
    expect(matches(['*.*'])).toBe(true);
    expect(matches(['company.created', 'person.updated', '*.deleted'])).toBe(false);
    expect(matches(['Person.created', 'person.created '])).toBe(false);
    expect(matches([])).toBe(false);
  });

  it('keeps workflowRun.updated out of wildcard subscriptions', () => {
    expect(webhookMatches({ operations: ['*.*'] }, 'workflowRun', 'updated')).toBe(false);
    expect(webhookMatches({ operations: ['workflowRun.*'] }, 'workflowRun', 'updated')).toBe(false);
    expect(webhookMatches({ operations: ['workflowRun.updated'] }, 'workflowRun', 'updated')).toBe(
      true,
    );
    expect(webhookMatches({ operations: ['*.*'] }, 'workflowRun', 'created')).toBe(true);
  });
});

describe('webhook updatedFields', () => {
  it('orders updated fields as the record does and drops empty updates', () => {
    expect(webhookUpdatedFields(event())).toEqual(['name', 'jobTitle']);
    expect(webhookUpdatedFields(event({ updatedFields: [] }))).toBeNull();
    expect(webhookUpdatedFields(event({ updatedFields: ['updatedAt'] }))).toBeNull();
  });

  it('reports deletedAt for soft delete and restore, nothing for created/destroyed', () => {
    expect(webhookUpdatedFields(event({ action: 'deleted', updatedFields: undefined }))).toEqual([
      'deletedAt',
    ]);
    expect(webhookUpdatedFields(event({ action: 'restored', updatedFields: undefined }))).toEqual([
      'deletedAt',
    ]);
    expect(webhookUpdatedFields(event({ action: 'created', updatedFields: undefined }))).toBe(
      undefined,
    );
    expect(webhookUpdatedFields(event({ action: 'destroyed', updatedFields: undefined }))).toBe(
      undefined,
    );
    expect(webhookUpdatedFields({ ...event(), action: 'upserted' as never })).toBeNull();
  });
});

describe('webhook body and headers', () => {
  const webhook = { id: 'wh-1', targetUrl: 'http://127.0.0.1:9/' };
  const date = new Date('2026-02-03T04:05:06.789Z');

  it('serialises the body compactly in Twenty’s key order', () => {
    const text = buildWebhookBody(webhook, event(), ['jobTitle'], date);
    expect(text).toBe(
      '{"targetUrl":"http://127.0.0.1:9/","eventName":"person.updated",' +
        '"objectMetadata":{"id":"obj-1","nameSingular":"person"},"workspaceId":"ws-1",' +
        '"webhookId":"wh-1","eventDate":"2026-02-03T04:05:06.789Z",' +
        '"record":{"id":"rec-1","name":{"firstName":"Ada"},"jobTitle":"Analyst","deletedAt":null},' +
        '"updatedFields":["jobTitle"]}',
    );
    expect(
      Object.keys(JSON.parse(buildWebhookBody(webhook, event(), undefined, date))),
    ).not.toContain('updatedFields');
  });

  it('signs `<ms timestamp>:<body>` with HMAC-SHA256 hex when a secret is set', () => {
    const text = buildWebhookBody(webhook, event(), undefined, date);
    const headers = buildWebhookHeaders('s3cret', text, 1735066639761);
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-Twenty-Webhook-Timestamp']).toBe('1735066639761');
    expect(headers['X-Twenty-Webhook-Signature']).toBe(
      createHmac('sha256', 's3cret').update(`1735066639761:${text}`).digest('hex'),
    );
    expect(headers['X-Twenty-Webhook-Nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(buildWebhookHeaders('s3cret', text)['X-Twenty-Webhook-Nonce']).not.toBe(
      headers['X-Twenty-Webhook-Nonce'],
    );
  });

  it('sends no signature headers for an empty secret', () => {
    const headers = buildWebhookHeaders('', '{}', 1);
    expect(Object.keys(headers).filter((name) => name.startsWith('X-Twenty'))).toEqual([]);
  });
});
