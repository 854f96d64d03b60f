import { describe, expect, it } from 'vitest';
import type { Receiver } from '../../../shared/contract';
import { defaultReplayTarget, defaultSecretFrom } from './replay-target';

const receiver = (id: string, url: string | null) => ({ id, url }) as Receiver;

describe('replay defaults', () => {
  it('proposes another listening receiver than the one that logged the deliveries', () => {
    const receivers = [receiver('a', 'http://a'), receiver('b', null), receiver('c', 'http://c')];
    expect(defaultReplayTarget(receivers, ['a'])?.id).toBe('c');
    expect(defaultReplayTarget(receivers, ['a', 'c'])?.id).toBe('a');
    expect(defaultReplayTarget([receiver('b', null)], ['a'])).toBeNull();
  });

  it("signs with the target receiver's secret", () => {
    expect(defaultSecretFrom(receiver('c', 'http://c'))).toBe('c');
    expect(defaultSecretFrom(null)).toBeNull();
  });
});
