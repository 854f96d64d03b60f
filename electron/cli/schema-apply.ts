import { diffSchemas } from '../../shared/schema/diff-schema';
import { planChanges, type SchemaPlan } from '../../shared/schema/plan-changes';
import { detectRenames, noRenames } from '../../shared/schema/renames';
import { applyPlan, type ApplyReport } from '../services/schema/apply-plan';
import type { TwentyClient } from '../services/twenty-client';
import { CommandFailure, EXIT_FAILURE, EXIT_OK, UsageError } from './cli-errors';
import type { CliIo } from './cli-io';
import {
  COMMON_OPTIONS,
  dataDirOf,
  DETECT_RENAMES_OPTION,
  KEY_ENV_OPTIONS,
  parseCommandArgs,
  positionals,
  type CommandContext,
} from './command-args';
import { failureMessage, formatPlan, formatRenames, formatReport, planCounts } from './format-plan';
import { isWorkspaceSpec, parseSource } from './parse-source';
import { createSourceReader, DEFAULT_KEY_ENV, type SourceSchema } from './source-reader';
import { APPLY_USAGE } from './usage';

/** The reasons a plan is not run, checked before anything is sent (dry run included). */
const refusal = (plan: SchemaPlan, allowDestructive: boolean): string | null => {
  const { destructive, unsupported } = planCounts(plan);
  if (unsupported > 0)
    return `Refusing to apply: ${unsupported} step(s) cannot be done through Twenty's metadata API (marked [unsupported] above, with the reason). Nothing was changed.`;
  if (destructive > 0 && !allowDestructive)
    return `Refusing to apply: ${destructive} destructive step(s) would drop data (marked [destructive] above). Nothing was changed. Add --allow-destructive to allow them.`;
  return null;
};

/** Runs the plan with progress on stderr; Ctrl-C stops after the step in flight. */
const runPlan = async (io: CliIo, client: TwentyClient, plan: SchemaPlan) => {
  const total = plan.steps.length;
  const controller = new AbortController();
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) return controller.abort();
    interrupted = true;
    io.err('Stopping after the current step (Ctrl-C again to abort it)…');
  };
  process.on('SIGINT', onSigint);
  try {
    const report = await applyPlan(client, plan, {
      signal: controller.signal,
      onProgress: (index, status, data) => {
        const step = plan.steps[index]!;
        if (status === 'running' && data)
          io.err(`[${index + 1}/${total}]   ${data.done} of ${data.total} record(s)`);
        else if (status === 'running') io.err(`[${index + 1}/${total}] ${step.description}`);
        if (status === 'failed') io.err(`[${index + 1}/${total}] failed`);
        if (interrupted && (status === 'applied' || status === 'failed')) controller.abort();
      },
    });
    return { report, interrupted };
  } finally {
    process.off('SIGINT', onSigint);
  }
};

const outcome = (io: CliIo, plan: SchemaPlan, report: ApplyReport, interrupted: boolean) => {
  if (report.failed) {
    const index = plan.steps.findIndex((step) => step.id === report.failed!.step);
    io.err(
      `Step ${index + 1} of ${plan.steps.length} failed (${report.failed.step}): ${failureMessage(report.failed)}`,
    );
    const typeChange = plan.steps[index]?.typeChange;
    // A new plan is made from the workspace as the failure left it: once the old field is gone,
    // only a detected rename keeps the copied values in the temporary field.
    if (typeChange)
      io.err(
        `The type change of \`${typeChange.from.name}\` stopped part-way. Apply again with --detect-renames: if \`${typeChange.from.name}\` is already deleted, \`${typeChange.temp}\` (holding the converted values) is then renamed instead of dropped.`,
      );
    return EXIT_FAILURE;
  }
  if (report.skipped.length > 0) {
    io.err(
      `Stopped${interrupted ? ' at Ctrl-C' : ''}: ${report.skipped.length} step(s) not applied.`,
    );
    return EXIT_FAILURE;
  }
  io.err(`Done: ${report.applied.length} step(s) applied.`);
  return EXIT_OK;
};

/** `schema apply <desired> --to <workspace> [--yes] [--allow-destructive] [--detect-renames]`. */
export const schemaApply = async (args: string[], context: CommandContext): Promise<number> => {
  const { io } = context;
  const { values, positionals: given } = parseCommandArgs(
    args,
    {
      ...COMMON_OPTIONS,
      to: { type: 'string' },
      yes: { type: 'boolean', default: false },
      'allow-destructive': { type: 'boolean', default: false },
      ...DETECT_RENAMES_OPTION,
      ...KEY_ENV_OPTIONS,
    },
    APPLY_USAGE,
  );
  if (values.help) {
    io.out(APPLY_USAGE);
    return EXIT_OK;
  }
  const [desiredText] = positionals(given, ['<desired>'], APPLY_USAGE);
  if (values.to === undefined)
    throw new UsageError(
      'Missing --to <workspace> (url:<baseUrl> or connection:<name>)',
      APPLY_USAGE,
    );
  const desiredSpec = parseSource(desiredText!);
  const targetSpec = parseSource(values.to);
  if (!isWorkspaceSpec(targetSpec))
    throw new UsageError(
      `--to names a workspace (url:<baseUrl> or connection:<name>), not a file: ${values.to}`,
      APPLY_USAGE,
    );
  const reader = createSourceReader(io, dataDirOf(values['data-dir'], context));
  try {
    const [desired, target] = (await reader.readAll([
      [desiredSpec, values['from-key-env'] ?? DEFAULT_KEY_ENV],
      [targetSpec, values['to-key-env'] ?? DEFAULT_KEY_ENV],
    ])) as [SourceSchema, SourceSchema];
    const detect = values['detect-renames'];
    const renames = detect ? detectRenames(target.doc, desired.doc) : noRenames();
    if (detect) io.out(formatRenames(renames));
    const plan = planChanges(diffSchemas(target.doc, desired.doc, renames));
    if (plan.steps.length === 0) {
      io.out(`Nothing to apply: ${target.label} already matches ${desired.label}.`);
      return EXIT_OK;
    }
    io.out(`To make ${target.label} match ${desired.label}:\n${formatPlan(plan)}`);
    const refused = refusal(plan, values['allow-destructive']);
    if (refused) throw new CommandFailure(refused);
    if (!values.yes) {
      io.out(`Dry run: nothing was changed. Run again with --yes to apply these steps.`);
      return EXIT_OK;
    }
    const { report, interrupted } = await runPlan(io, target.workspace!.client, plan);
    io.out(formatReport(plan, report));
    return outcome(io, plan, report, interrupted);
  } finally {
    reader.close();
  }
};
