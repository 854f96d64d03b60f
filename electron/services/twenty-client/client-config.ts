/**
 * Twenty's public `GET /client-config` (client-config.controller.ts): no auth, JSON with
 * `authProviders`, `api.mutationMaximumAffectedRecords` (MUTATION_MAXIMUM_AFFECTED_RECORDS, default
 * 100, which Twenty's web app uses to chunk bulk mutations), and on some builds `appVersion`.
 */
export interface ClientConfigSummary {
  mutationMaximumAffectedRecords: number;
  appVersion: string | null;
  /** Fields that only Twenty's client-config has: proof that the server is Twenty. */
  looksLikeTwenty: boolean;
}

export const DEFAULT_MUTATION_MAXIMUM_AFFECTED_RECORDS = 100;

const TWENTY_MARKERS = ['authProviders', 'api', 'isMultiWorkspaceEnabled', 'billing', 'sentry'];

export const summarizeClientConfig = (body: unknown): ClientConfigSummary => {
  const config =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const api =
    config.api && typeof config.api === 'object' ? (config.api as Record<string, unknown>) : {};
  const max = api.mutationMaximumAffectedRecords;
  const markers = TWENTY_MARKERS.filter((key) => key in config).length;
  return {
    mutationMaximumAffectedRecords:
      typeof max === 'number' && Number.isInteger(max) && max > 0
        ? max
        : DEFAULT_MUTATION_MAXIMUM_AFFECTED_RECORDS,
    appVersion: typeof config.appVersion === 'string' ? config.appVersion : null,
    looksLikeTwenty: 'authProviders' in config || markers >= 2,
  };
};
