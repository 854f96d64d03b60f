import { describe, expect, it } from 'vitest';
import { gapWindow, idsByObject, missingByObject } from './gap-window';

describe('gap finder helpers', () => {
  it('ends the window now', () => {
    const now = Date.parse('2026-11-24T10:00:00.000Z');
    expect(gapWindow('1h', now)).toEqual({
      from: '2026-11-24T09:00:00.000Z',
      to: '2026-11-24T10:00:00.000Z',
    });
  });

  it('groups missing records by object, once each, 200 a call', () => {
    const missing = [
      { objectName: 'company', recordId: 'a' },
      { objectName: 'person', recordId: 'p' },
      { objectName: 'company', recordId: 'a' },
      { objectName: 'company', recordId: 'b' },
    ];
    expect(idsByObject(missing)).toEqual([
      { objectName: 'company', recordIds: ['a', 'b'] },
      { objectName: 'person', recordIds: ['p'] },
    ]);
    const many = Array.from({ length: 450 }, (_, index) => ({
      objectName: 'company',
      recordId: `r${index}`,
    }));
    expect(idsByObject(many).map((group) => group.recordIds.length)).toEqual([200, 200, 50]);
  });

  it('groups missing events by object, the largest group first', () => {
    const groups = missingByObject([
      { objectName: 'person', recordId: 'p1' },
      { objectName: 'company', recordId: 'c1' },
      { objectName: 'person', recordId: 'p2' },
    ]);
    expect(groups.map((group) => [group.objectName, group.events.length])).toEqual([
      ['person', 2],
      ['company', 1],
    ]);
  });
});
