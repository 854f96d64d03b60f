import type { TargetAdvice } from '../../../shared/contract';

/**
 * Whether a webhook may be saved given the reachability advice: `ok` saves, a `warning` saves
 * once the admin ticked that they read it, `blocked` never does (Twenty could not reach it).
 */
export const adviceGate = (
  advice: TargetAdvice | null,
  acknowledged: boolean,
): { canSave: boolean; needsAcknowledge: boolean; reason: string | null } => {
  if (!advice) return { canSave: false, needsAcknowledge: false, reason: 'Checking the target…' };
  if (advice.level === 'blocked')
    return { canSave: false, needsAcknowledge: false, reason: 'Twenty cannot reach this target' };
  if (advice.level === 'warning')
    return {
      canSave: acknowledged,
      needsAcknowledge: true,
      reason: acknowledged ? null : 'Read the warning and tick the box to save anyway',
    };
  return { canSave: true, needsAcknowledge: false, reason: null };
};
