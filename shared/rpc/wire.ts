import { z } from 'zod';
import { serializedErrorSchema, type SerializedError } from '../errors/app-error';

/**
 * What crosses a transport (Electron IPC or the browser host's WebSocket). The same envelope on
 * both, so the renderer cannot tell them apart.
 */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: SerializedError };

export const callResultSchema: z.ZodType<CallResult> = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: serializedErrorSchema }),
]);

/** WebSocket frames of the browser host (Electron uses invoke/send instead). */
export const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int(),
    method: z.string(),
    input: z.unknown(),
  }),
  z.object({ type: z.literal('subscribe'), event: z.string() }),
  z.object({ type: z.literal('unsubscribe'), event: z.string() }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ServerFrame =
  | { type: 'result'; id: number; result: CallResult }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'error'; message: string };

/** One interface both renderer transports implement. */
export interface RpcTransport {
  call(method: string, input: unknown): Promise<CallResult>;
  /** Returns the unsubscribe function. */
  subscribe(event: string, handler: (payload: unknown) => void): () => void;
}
