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

/** What a file dialog offers to open. */
export const FILE_KINDS = ['spreadsheet', 'mapping'] as const;

export const chooseFilesInputSchema = z.object({
  kind: z.enum(FILE_KINDS),
  multiple: z.boolean().default(false),
});

/** `supported: false` in browser mode: the admin types or pastes a path instead. */
export const chosenFilesSchema = z.object({
  supported: z.boolean(),
  paths: z.array(z.string()),
});
