import type { DeliverySummary } from '../../../shared/contract';

/** A logged delivery for tests, changed where a test needs it. */
export const summary = (patch: Partial<DeliverySummary> = {}): DeliverySummary => ({
  id: 'd1',
  seq: 1,
  receiverId: 'r1',
  receivedAt: '2026-11-24T10:00:00.000Z',
  method: 'POST',
  sizeBytes: 512,
  bodyKind: 'json',
  answerStatus: 200,
  eventName: 'company.updated',
  objectName: 'company',
  recordId: 'a1b2c3d4-0000-4000-8000-000000000001',
  webhookId: 'w1',
  verification: 'valid',
  verificationReason: 'matched the current secret',
  repeatedNonce: false,
  forwardStatus: null,
  ...patch,
});
