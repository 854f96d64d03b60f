import { z } from 'zod';
import { receiverBindSchema } from '../../../shared/contract/webhooks';
import type { SecretStore } from '../../platform/keychain';

/**
 * Receivers as the app keeps them (`<dataDir>/webhooks/receivers.json`): everything but the
 * secrets, which live in the keychain under `webhook-receiver:<id>` (and `…:previous` during a
 * rotation).
 */
export const storedReceiverSchema = z.object({
  id: z.string(),
  name: z.string(),
  bind: receiverBindSchema,
  port: z.number().int().nullable(),
  /** The port a free-port receiver got last time: reused so a registered URL keeps working. */
  lastPort: z.number().int().nullable().default(null),
  pathToken: z.string(),
  publicUrl: z.string().nullable(),
  previousSecretUntil: z.string().nullable().default(null),
  toleranceSeconds: z.number().int(),
  maxBodyBytes: z.number().int(),
  rejectInvalid: z.boolean(),
  forwardTo: z.string().nullable(),
  autoStart: z.boolean(),
  /** Whether it was listening when the app last stopped. */
  wasRunning: z.boolean().default(false),
});
export type StoredReceiver = z.infer<typeof storedReceiverSchema>;

export const receiversFileSchema = z.object({ receivers: z.array(storedReceiverSchema) });

const account = (id: string) => `webhook-receiver:${id}`;
const previousAccount = (id: string) => `webhook-receiver:${id}:previous`;

export const receiverSecrets = (secrets: SecretStore) => ({
  async read(receiver: StoredReceiver, now = Date.now()) {
    const current = await secrets.get(account(receiver.id));
    const previousValid =
      receiver.previousSecretUntil !== null && Date.parse(receiver.previousSecretUntil) > now;
    const previous = previousValid ? await secrets.get(previousAccount(receiver.id)) : null;
    return { current, previous };
  },
  setCurrent: (id: string, secret: string) => secrets.set(account(id), secret),
  setPrevious: (id: string, secret: string) => secrets.set(previousAccount(id), secret),
  async remove(id: string) {
    await secrets.delete(account(id));
    await secrets.delete(previousAccount(id));
  },
  async dropPrevious(id: string) {
    await secrets.delete(previousAccount(id));
  },
});
