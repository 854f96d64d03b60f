import { z } from 'zod';
import { connectionTestReportSchema } from '../../../shared/contract/connection-test';
import { rateLimitSchema } from '../../../shared/contract/connections';

/** What is written to `<data dir>/settings.json` about connections: no key, ever. */
export const storedConnectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  rateLimit: rateLimitSchema,
  /** Atelier refuses writes through this connection (playground, imports); not a Twenty setting. */
  readOnly: z.boolean().default(false),
  lastTest: connectionTestReportSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

export const LOCAL_CONNECTION_ID = 'local';

export const connectionSettingsSchema = z.object({
  version: z.literal(1),
  connections: z.array(storedConnectionSchema),
  activeId: z.string(),
  localLastTest: connectionTestReportSchema.nullable().default(null),
});
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

export const defaultConnectionSettings = (): ConnectionSettings => ({
  version: 1,
  connections: [],
  activeId: LOCAL_CONNECTION_ID,
  localLastTest: null,
});

/** Keychain account of a connection's key. */
export const keychainAccount = (connectionId: string): string => `connection:${connectionId}`;
