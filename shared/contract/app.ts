import { z } from 'zod';

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['desktop', 'browser']),
  platform: z.string(),
  /** 'temporary': no OS keychain in this session, keys last until the app exits. */
  keychain: z.enum(['os', 'temporary']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const openExternalInputSchema = z.object({ url: z.string().max(4096) });
