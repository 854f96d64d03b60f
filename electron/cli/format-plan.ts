import type { SchemaPlan } from '../../shared/schema/plan-changes';
import type { SchemaRenames } from '../../shared/schema/renames';
import type { ApplyReport, StepFailure } from '../services/schema/apply-plan';

/** The plan as numbered steps, destructive and unsupported ones marked; the apply report. */

/** The renames `--detect-renames` found, one a line. */
export const formatRenames = (renames: SchemaRenames): string => {
  const lines = [
    ...Object.entries(renames.objects).map(([from, to]) => `  object ${from} → ${to}`),
    ...Object.entries(renames.fields).map(([from, to]) => `  field ${from} → ${to}`),
    ...Object.entries(renames.options).flatMap(([field, moves]) =>
      Object.entries(moves).map(([from, to]) => `  option ${field}: ${from} → ${to}`),
    ),
  ];
  return [`Renames detected (${lines.length}):`, ...lines].join('\n');
};
export const planCounts = (plan: SchemaPlan) => ({
  destructive: plan.steps.filter((step) => step.destructive).length,
  unsupported: plan.steps.filter((step) => step.operation === 'unsupported').length,
});

export const formatPlan = (plan: SchemaPlan): string => {
  const { destructive, unsupported } = planCounts(plan);
  const notes = [
    destructive ? `${destructive} destructive` : '',
    unsupported ? `${unsupported} unsupported` : '',
  ].filter(Boolean);
  const width = String(plan.steps.length).length;
  const lines = plan.steps.map((step, index) => {
    const number = `${String(index + 1).padStart(width)}.`;
    const mark =
      step.operation === 'unsupported'
        ? '[unsupported] '
        : step.destructive
          ? '[destructive] '
          : '';
    const line = `  ${number} ${mark}${step.description}`;
    return step.operation === 'unsupported'
      ? `${line}\n  ${' '.repeat(width + 1)}   reason: ${step.reason}`
      : line;
  });
  const count = `${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}`;
  return [`Plan (${count}${notes.length ? `: ${notes.join(', ')}` : ''}):`, ...lines].join('\n');
};

/** Twenty's message, with its user-friendly one when it says more. */
export const failureMessage = (failure: StepFailure): string =>
  failure.userFriendlyMessage && failure.userFriendlyMessage !== failure.error
    ? `${failure.error} (${failure.userFriendlyMessage})`
    : failure.error;

export const formatReport = (plan: SchemaPlan, report: ApplyReport): string => {
  const statusOf = (id: string) =>
    report.applied.includes(id)
      ? 'applied'
      : report.failed?.step === id
        ? 'FAILED '
        : report.skipped.includes(id)
          ? 'skipped'
          : 'not run';
  const summary = [
    `${report.applied.length} applied`,
    report.failed ? '1 failed' : '',
    report.skipped.length ? `${report.skipped.length} skipped` : '',
  ].filter(Boolean);
  const lines = plan.steps.map((step) => {
    const status = statusOf(step.id);
    const detail = report.failed?.step === step.id ? `: ${failureMessage(report.failed)}` : '';
    return `  ${status}  ${step.id}${detail}`;
  });
  return [`Report (${summary.join(', ')}):`, ...lines].join('\n');
};
