import { describe, expect, it } from 'vitest';
import type { DeliveryPage } from '../../../shared/contract';
import { applyArrivals, nextBeforeSeq, type DeliveryPages } from './delivery-cache';
import { deliveryFilterOf, EMPTY_FILTER } from './log-filter';
import { summary } from './delivery.fixture';

const page = (seqs: number[], patch: Partial<DeliveryPage> = {}): DeliveryPage => ({
  deliveries: seqs.map((seq) => summary({ id: `d${seq}`, seq })),
  total: 10,
  hasMore: true,
  pendingIndex: 0,
  ...patch,
});

const data = (...pages: DeliveryPage[]): DeliveryPages => ({
  pages,
  pageParams: pages.map((_, index) => (index === 0 ? null : 100 - index)),
});

const all = deliveryFilterOf(EMPTY_FILTER);

describe('applyArrivals', () => {
  it('puts new deliveries on top of the first page, newest first, and counts them', () => {
    const { data: next, refetch } = applyArrivals(
      data(page([5, 4]), page([3, 2])),
      [summary({ id: 'd6', seq: 6 }), summary({ id: 'd7', seq: 7 })],
      all,
    );
    expect(next.pages[0]!.deliveries.map((item) => item.seq)).toEqual([7, 6, 5, 4]);
    expect(next.pages[0]!.total).toBe(12);
    expect(next.pages[1]!.deliveries.map((item) => item.seq)).toEqual([3, 2]);
    expect(refetch).toBe(false);
  });

  it('ignores what is already listed and what the filter excludes', () => {
    const before = data(page([5, 4]));
    const { data: next } = applyArrivals(
      before,
      [summary({ id: 'd5', seq: 5 }), summary({ id: 'd9', seq: 9, receiverId: 'r2' })],
      deliveryFilterOf({ ...EMPTY_FILTER, receiverId: 'r1' }),
    );
    expect(next).toBe(before);
  });

  it('does not count again a delivery the list was read with but has not loaded (older pages)', () => {
    // Read when seqs 1–5 were in the log; only 5 and 4 are loaded. Events for 1–3 come late.
    const { data: next } = applyArrivals(
      data(page([5, 4], { total: 5 })),
      [1, 2, 3, 6].map((seq) => summary({ id: `d${seq}`, seq })),
      all,
    );
    expect(next.pages[0]!.deliveries.map((item) => item.seq)).toEqual([6, 5, 4]);
    expect(next.pages[0]!.total).toBe(6);
  });

  it('asks for a refetch when only main can tell (full-text search)', () => {
    const before = data(page([5]));
    const result = applyArrivals(
      before,
      [summary({ id: 'd6', seq: 6 })],
      deliveryFilterOf({ ...EMPTY_FILTER, search: 'acme' }),
    );
    expect(result).toEqual({ data: before, refetch: true });
  });
});

describe('nextBeforeSeq', () => {
  it('pages from the oldest delivery shown', () => {
    expect(nextBeforeSeq(page([5, 4]))).toBe(4);
    expect(nextBeforeSeq(page([5, 4], { hasMore: false }))).toBeUndefined();
    expect(nextBeforeSeq(page([]))).toBeUndefined();
  });
});
