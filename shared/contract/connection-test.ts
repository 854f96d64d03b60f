import { z } from 'zod';

/**
 * The result of testing a connection: a value, not an error, so the renderer can show each step.
 * Failure kinds name exactly what went wrong, from the network up to the key's permissions.
 */
export const CONNECTION_FAILURE_KINDS = [
  'INVALID_URL',
  'DNS',
  'TLS',
  'REFUSED',
  'TIMEOUT',
  'NETWORK',
  'NOT_TWENTY',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SERVER',
] as const;

export const connectionFailureKindSchema = z.enum(CONNECTION_FAILURE_KINDS);
export type ConnectionFailureKind = z.infer<typeof connectionFailureKindSchema>;

/** Short names of each failure, for status lines and report headings. */
export const CONNECTION_FAILURE_TITLES: Record<ConnectionFailureKind, string> = {
  INVALID_URL: 'Invalid URL',
  DNS: 'Host not found (DNS)',
  TLS: 'TLS certificate problem',
  REFUSED: 'Connection refused',
  TIMEOUT: 'Timed out',
  NETWORK: 'Network error',
  NOT_TWENTY: 'Not a Twenty server',
  UNAUTHENTICATED: 'API key rejected (401)',
  FORBIDDEN: 'API key not permitted (403)',
  SERVER: 'Server error',
};

export const CONNECTION_TEST_STEPS = [
  'reachability',
  'twenty',
  'authentication',
  'workspace',
  'permissions',
] as const;

export const connectionTestStepSchema = z.object({
  step: z.enum(CONNECTION_TEST_STEPS),
  ok: z.boolean(),
  /** Shown to the admin as is: what was checked and what came back. */
  message: z.string(),
  durationMs: z.number().nonnegative(),
});

export const connectionTestReportSchema = z.object({
  ok: z.boolean(),
  testedAt: z.string(),
  failure: z
    .object({
      kind: connectionFailureKindSchema,
      message: z.string(),
      status: z.number().optional(),
    })
    .optional(),
  /** Round trip of the unauthenticated health probe, the best figure for network latency. */
  latencyMs: z.number().nonnegative().nullable(),
  serverVersion: z.string().nullable(),
  workspace: z.object({ id: z.string(), displayName: z.string().nullable() }).nullable(),
  /** The key's role where Twenty exposes it (needs the API-keys settings permission). */
  role: z
    .object({
      label: z.string(),
      canUpdateAllSettings: z.boolean().nullable(),
      canReadAllObjectRecords: z.boolean().nullable(),
      canUpdateAllObjectRecords: z.boolean().nullable(),
    })
    .nullable(),
  steps: z.array(connectionTestStepSchema),
});

export type ConnectionTestReport = z.infer<typeof connectionTestReportSchema>;
