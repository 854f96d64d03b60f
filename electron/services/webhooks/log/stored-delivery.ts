import type {
  BodyKind,
  DeliveryDetail,
  DeliverySummary,
  ForwardResult,
  Verification,
} from '../../../../shared/contract/webhooks';

/** One delivery as the journal and the log keep it. */
export interface StoredDelivery {
  seq: number;
  type: 'delivery';
  id: string;
  receiverId: string;
  /** Epoch ms of the first byte. */
  receivedAt: number;
  method: string;
  path: string;
  remoteAddress: string | null;
  headers: Record<string, string>;
  bodyText: string | null;
  bodyBase64: string | null;
  bodyTruncated: boolean;
  sizeBytes: number;
  bodyKind: BodyKind;
  answerStatus: number;
  answerMs: number;
  verification: Verification;
  nonce: string | null;
  repeatedNonce: boolean;
  eventName: string | null;
  objectName: string | null;
  recordId: string | null;
  webhookId: string | null;
}

/** A forward's answer, journaled after the delivery it belongs to. */
export interface StoredForward {
  seq: number;
  type: 'forward';
  deliveryId: string;
  result: ForwardResult;
}

export type JournalEntry = StoredDelivery | StoredForward;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null;

/** What a Twenty payload says about itself (anything else: nulls). */
export const twentyFields = (payload: unknown) => {
  const body = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
  const record = (body.record && typeof body.record === 'object' ? body.record : {}) as Record<
    string,
    unknown
  >;
  const objectMetadata = (body.objectMetadata ?? {}) as Record<string, unknown>;
  const eventName = text(body.eventName);
  return {
    eventName,
    objectName: text(objectMetadata.nameSingular) ?? eventName?.split('.')[0] ?? null,
    recordId: text(record.id),
    webhookId: text(body.webhookId),
  };
};

const MAX_SEARCH_CHARS = 200_000;

/**
 * The text the full-text index holds: header values, and every string and number value of the
 * payload (keys and JSON punctuation left out, they would match everything), or the body itself
 * when it is not JSON.
 */
export const searchText = (delivery: StoredDelivery, payload: unknown): string => {
  const parts: string[] = [
    delivery.eventName ?? '',
    delivery.verification.status,
    ...Object.values(delivery.headers),
  ];
  let length = 0;
  const visit = (value: unknown) => {
    if (length > MAX_SEARCH_CHARS) return;
    if (typeof value === 'string' || typeof value === 'number') {
      const piece = String(value);
      parts.push(piece);
      length += piece.length;
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  if (payload !== undefined) visit(payload);
  else if (delivery.bodyText) parts.push(delivery.bodyText.slice(0, MAX_SEARCH_CHARS));
  return parts.join(' ');
};

export const parsePayload = (delivery: Pick<StoredDelivery, 'bodyKind' | 'bodyText'>): unknown =>
  delivery.bodyKind === 'json' && delivery.bodyText !== null
    ? (JSON.parse(delivery.bodyText) as unknown)
    : undefined;

export const toSummary = (
  delivery: StoredDelivery,
  forwardStatus: number | null,
): DeliverySummary => ({
  id: delivery.id,
  seq: delivery.seq,
  receiverId: delivery.receiverId,
  receivedAt: new Date(delivery.receivedAt).toISOString(),
  method: delivery.method,
  sizeBytes: delivery.sizeBytes,
  bodyKind: delivery.bodyKind,
  answerStatus: delivery.answerStatus,
  eventName: delivery.eventName,
  objectName: delivery.objectName,
  recordId: delivery.recordId,
  webhookId: delivery.webhookId,
  verification: delivery.verification.status,
  verificationReason: delivery.verification.reason,
  repeatedNonce: delivery.repeatedNonce,
  forwardStatus,
});

export const toDetail = (delivery: StoredDelivery, forwards: ForwardResult[]): DeliveryDetail => {
  const payload = parsePayload(delivery);
  const record =
    payload && typeof payload === 'object'
      ? ((payload as Record<string, unknown>).record as Record<string, unknown> | undefined)
      : undefined;
  const updatedFields =
    payload && typeof payload === 'object'
      ? (payload as Record<string, unknown>).updatedFields
      : undefined;
  return {
    ...toSummary(delivery, forwards.at(-1)?.status ?? null),
    path: delivery.path,
    remoteAddress: delivery.remoteAddress,
    headers: delivery.headers,
    bodyText: delivery.bodyText,
    bodyBase64: delivery.bodyBase64,
    bodyTruncated: delivery.bodyTruncated,
    payload: payload ?? null,
    updatedFields: Array.isArray(updatedFields)
      ? updatedFields
          .filter((field): field is string => typeof field === 'string')
          .map((field) => ({ field, value: record?.[field] ?? null }))
      : null,
    verificationDetail: delivery.verification,
    answerMs: delivery.answerMs,
    forwards,
  };
};
