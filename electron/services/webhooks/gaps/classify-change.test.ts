import { describe, expect, it } from 'vitest';
import { classifyChange, isAccountedFor } from './classify-change';
import { changedInWindowFilter } from './find-gaps';

const from = new Date('2026-03-01T10:00:00.000Z');
const to = new Date('2026-03-01T11:00:00.000Z');
const before = '2026-03-01T09:00:00.000Z';
const t = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('classifyChange', () => {
  it('says created, deleted or updated by which timestamp is in the window', () => {
    const created = { createdAt: t(5), updatedAt: t(9), deletedAt: t(20) };
    expect(classifyChange(created, from, to)).toEqual({ action: 'created', at: t(5) });
    const deleted = { createdAt: before, updatedAt: t(20), deletedAt: t(20) };
    expect(classifyChange(deleted, from, to)).toEqual({ action: 'deleted', at: t(20) });
    const updated = { createdAt: before, updatedAt: t(30), deletedAt: null };
    expect(classifyChange(updated, from, to)).toEqual({ action: 'updated', at: t(30) });
    const outside = { createdAt: before, updatedAt: before, deletedAt: null };
    expect(classifyChange(outside, from, to)).toBeNull();
  });
});

describe('isAccountedFor', () => {
  const delivery = (eventName: string, receivedAt = t(59)) => ({
    recordId: 'r',
    eventName,
    receivedAt,
  });

  it('accepts created, or updated when the record changed after creation', () => {
    const fresh = { createdAt: t(5), updatedAt: t(5), deletedAt: null };
    const change = classifyChange(fresh, from, to)!;
    expect(isAccountedFor('person', fresh, change, [delivery('person.created')])).toBe(true);
    expect(isAccountedFor('person', fresh, change, [delivery('person.updated')])).toBe(false);
    const edited = { ...fresh, updatedAt: t(6) };
    expect(isAccountedFor('person', edited, change, [delivery('person.updated')])).toBe(true);
    expect(isAccountedFor('person', edited, change, [delivery('company.created')])).toBe(false);
  });

  it('accepts restored for an update and only deleted for a soft delete', () => {
    const restored = { createdAt: before, updatedAt: t(10), deletedAt: null };
    const update = classifyChange(restored, from, to)!;
    expect(isAccountedFor('note', restored, update, [delivery('note.restored')])).toBe(true);
    const trashed = { createdAt: before, updatedAt: t(10), deletedAt: t(10) };
    const remove = classifyChange(trashed, from, to)!;
    expect(isAccountedFor('note', trashed, remove, [delivery('note.updated')])).toBe(false);
    expect(isAccountedFor('note', trashed, remove, [delivery('note.deleted')])).toBe(true);
  });

  it('ignores deliveries from before the change, allowing for clock skew', () => {
    const record = { createdAt: before, updatedAt: t(30), deletedAt: null };
    const change = classifyChange(record, from, to)!;
    expect(isAccountedFor('task', record, change, [delivery('task.updated', t(10))])).toBe(false);
    expect(isAccountedFor('task', record, change, [delivery('task.updated', t(27))])).toBe(true);
  });
});

describe('changedInWindowFilter', () => {
  it('asks for any timestamp in the window (mentioning deletedAt brings soft-deleted rows)', () => {
    expect(changedInWindowFilter(['createdAt', 'deletedAt'], from, to)).toBe(
      'or(and(createdAt[gte]:"2026-03-01T10:00:00.000Z",createdAt[lte]:"2026-03-01T11:00:00.000Z"),' +
        'and(deletedAt[gte]:"2026-03-01T10:00:00.000Z",deletedAt[lte]:"2026-03-01T11:00:00.000Z"))',
    );
  });
});
