import type { Receiver } from '../../../shared/contract';

/**
 * Defaults of the replay dialog. The usual replay goes to another receiver or a handler, so the
 * first listening receiver that did not log these deliveries is proposed; a receiver target
 * verifies with its own secret, so re-signing defaults to that secret.
 */
export const defaultReplayTarget = (
  receivers: Receiver[],
  sourceReceiverIds: string[],
): Receiver | null => {
  const listening = receivers.filter((receiver) => receiver.url !== null);
  return (
    listening.find((receiver) => !sourceReceiverIds.includes(receiver.id)) ?? listening[0] ?? null
  );
};

/** `secretFrom` for a re-signed replay: the target receiver's, else each delivery's own (null). */
export const defaultSecretFrom = (target: Receiver | null): string | null => target?.id ?? null;
