import { afterAll, beforeAll, expect } from 'vitest';
import { diffSchemas } from '../../../shared/schema/diff-schema';
import { planChanges, type SchemaPlan } from '../../../shared/schema/plan-changes';
import { noRenames, type SchemaRenames } from '../../../shared/schema/renames';
import type { SchemaDocument } from '../../../shared/schema/schema-document';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { createTwentyClient, type TwentyClient } from '../twenty-client';
import { applyPlan, type StepStatus } from './apply-plan';
import type { DataProgress } from './apply-plan-data';

/** Fixtures of the apply-plan integration tests: the local workspace over HTTP, plans run. */
export interface LocalWorkspace {
  ws: WorkspaceProcess;
  client: TwentyClient;
}

/** A local workspace (PGlite, no demo data) for the suite, and a client without a rate limit. */
export const useLocalWorkspace = (): LocalWorkspace => {
  const local = {} as LocalWorkspace;
  beforeAll(async () => {
    local.ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
    local.client = createTwentyClient({
      baseUrl: local.ws.url,
      apiKey: local.ws.apiKey,
      rateLimit: null,
    });
  }, 60_000);
  afterAll(async () => {
    local.client?.close();
    await local.ws?.dispose();
  });
  return local;
};

export type ProgressEntry = [stepId: string, status: StepStatus, data?: DataProgress];

/** Runs a plan, keeping every progress report by step id. */
export const runPlan = async (client: TwentyClient, plan: SchemaPlan) => {
  const progress: ProgressEntry[] = [];
  const report = await applyPlan(client, plan, {
    onProgress: (index, status, data) =>
      progress.push(data ? [plan.steps[index]!.id, status, data] : [plan.steps[index]!.id, status]),
  });
  return { report, progress };
};

/** Applies plan(diff(from, to, renames)); every step must apply. */
export const applyAll = async (
  client: TwentyClient,
  from: SchemaDocument,
  to: SchemaDocument,
  renames: SchemaRenames = noRenames(),
) => {
  const plan = planChanges(diffSchemas(from, to, renames));
  const { report, progress } = await runPlan(client, plan);
  expect(report).toEqual({ applied: plan.steps.map((step) => step.id), skipped: [] });
  return { plan, progress };
};
