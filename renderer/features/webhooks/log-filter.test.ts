import { describe, expect, it } from 'vitest';
import { summary } from './delivery.fixture';
import {
  activeFilterCount,
  deliveryFilterOf,
  EMPTY_FILTER,
  matchesFilter,
  type LogFilter,
} from './log-filter';

const NOW = Date.parse('2026-11-24T10:30:00.000Z');
const filter = (patch: Partial<LogFilter>) => deliveryFilterOf({ ...EMPTY_FILTER, ...patch }, NOW);

describe('deliveryFilterOf', () => {
  it('sends nulls for empty fields and trims text', () => {
    expect(filter({ search: '  acme ', eventName: ' ' })).toEqual({
      search: 'acme',
      receiverId: null,
      eventName: null,
      objectName: null,
      recordId: null,
      from: null,
      to: null,
      verification: null,
    });
  });

  it('turns a relative range into a from at read time', () => {
    expect(filter({ range: '1h' }).from).toBe('2026-11-24T09:30:00.000Z');
    expect(filter({ range: '1h' }).to).toBeNull();
  });

  it('reads a custom range and ignores what is not a date', () => {
    const custom = filter({ range: 'custom', customFrom: '2026-11-24T08:00', customTo: 'nope' });
    expect(custom.from).toBe(new Date('2026-11-24T08:00').toISOString());
    expect(custom.to).toBeNull();
  });

  it('counts the filters that narrow the list', () => {
    expect(activeFilterCount(EMPTY_FILTER)).toBe(0);
    expect(
      activeFilterCount({ ...EMPTY_FILTER, search: 'x', range: '1h', verification: ['invalid'] }),
    ).toBe(2);
  });
});

describe('matchesFilter', () => {
  it('keeps what every field allows', () => {
    expect(
      matchesFilter(summary(), filter({ objectName: 'company', verification: ['valid'] })),
    ).toBe(true);
  });

  it('drops another receiver, event, record or verification', () => {
    expect(matchesFilter(summary(), filter({ receiverId: 'r2' }))).toBe(false);
    expect(matchesFilter(summary(), filter({ eventName: 'person.created' }))).toBe(false);
    expect(matchesFilter(summary(), filter({ recordId: 'other' }))).toBe(false);
    expect(matchesFilter(summary(), filter({ verification: ['invalid', 'unsigned'] }))).toBe(false);
  });

  it('drops what arrived outside the time range', () => {
    expect(matchesFilter(summary(), filter({ range: '15m' }))).toBe(false);
    expect(matchesFilter(summary(), filter({ range: '1h' }))).toBe(true);
  });

  it('leaves a full-text search to main', () => {
    expect(matchesFilter(summary(), filter({ search: 'acme' }))).toBeNull();
    expect(matchesFilter(summary(), filter({ search: 'acme', receiverId: 'r2' }))).toBe(false);
  });
});
