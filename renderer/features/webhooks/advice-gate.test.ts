import { describe, expect, it } from 'vitest';
import { adviceGate } from './advice-gate';

const advice = (level: 'ok' | 'warning' | 'blocked') => ({
  level,
  url: 'http://127.0.0.1:4000/hooks/abc',
  message: 'm',
  remedies: [],
});

describe('adviceGate', () => {
  it('waits for the advice', () => {
    expect(adviceGate(null, true).canSave).toBe(false);
  });
  it('saves an ok target', () => {
    expect(adviceGate(advice('ok'), false)).toEqual({
      canSave: true,
      needsAcknowledge: false,
      reason: null,
    });
  });
  it('saves a warned target only once acknowledged', () => {
    expect(adviceGate(advice('warning'), false).canSave).toBe(false);
    expect(adviceGate(advice('warning'), false).needsAcknowledge).toBe(true);
    expect(adviceGate(advice('warning'), true).canSave).toBe(true);
  });
  it('never saves a blocked target', () => {
    expect(adviceGate(advice('blocked'), true).canSave).toBe(false);
  });
});
