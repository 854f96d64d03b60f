import { z } from 'zod';
import { serializedErrorSchema } from '../errors/app-error';

/** Long work in main (tests, imports, syncs) reports through jobs so the activity panel shows it. */
export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  progress: z.object({ done: z.number(), total: z.number().nullable() }),
  message: z.string(),
  cancellable: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: serializedErrorSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;
