import { z } from 'zod';

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['desktop', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const openExternalInputSchema = z.object({ url: z.string().max(4096) });
