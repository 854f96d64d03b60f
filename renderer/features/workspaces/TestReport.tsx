import { CONNECTION_FAILURE_TITLES, type ConnectionTestReport } from '../../../shared/contract';

const STEP_LABELS: Record<ConnectionTestReport['steps'][number]['step'], string> = {
  reachability: 'Reachability',
  twenty: 'Twenty server',
  authentication: 'Authentication',
  workspace: 'Workspace',
  permissions: 'Key permissions',
};

const yesNo = (value: boolean | null) => (value === null ? 'unknown' : value ? 'yes' : 'no');

/** One connection test, step by step, as the admin needs it to fix what failed. */
export const TestReport = ({ report }: { report: ConnectionTestReport }) => (
  <section
    className="report"
    aria-label="Connection test report"
    data-testid="test-report"
    data-ok={report.ok}
  >
    {report.failure && (
      <div
        className="failure"
        role="alert"
        data-testid="test-failure"
        data-kind={report.failure.kind}
      >
        <strong>{CONNECTION_FAILURE_TITLES[report.failure.kind]}</strong> — {report.failure.message}
      </div>
    )}
    <dl className="report-summary">
      <div>
        <dt>Server version</dt>
        <dd data-testid="server-version">{report.serverVersion ?? '—'}</dd>
      </div>
      <div>
        <dt>Latency</dt>
        <dd>{report.latencyMs === null ? '—' : `${Math.round(report.latencyMs)} ms`}</dd>
      </div>
      <div>
        <dt>Workspace</dt>
        <dd data-testid="workspace-name">
          {report.workspace ? (report.workspace.displayName ?? report.workspace.id) : '—'}
        </dd>
      </div>
      <div>
        <dt>Key role</dt>
        <dd>{report.role?.label ?? '—'}</dd>
      </div>
      {report.role && (
        <div>
          <dt>Settings · read · write</dt>
          <dd>
            {yesNo(report.role.canUpdateAllSettings)} · {yesNo(report.role.canReadAllObjectRecords)}{' '}
            · {yesNo(report.role.canUpdateAllObjectRecords)}
          </dd>
        </div>
      )}
      <div>
        <dt>Tested</dt>
        <dd>{new Date(report.testedAt).toLocaleTimeString()}</dd>
      </div>
    </dl>
    <ul className="steps">
      {report.steps.map((step) => (
        <li key={step.step} className="step">
          <span className={step.ok ? 'ok' : 'fail'} aria-label={step.ok ? 'passed' : 'failed'}>
            {step.ok ? '✓' : '✕'}
          </span>
          <span>{STEP_LABELS[step.step]}</span>
          <span>{step.message}</span>
          <span className="ms">{Math.round(step.durationMs)} ms</span>
        </li>
      ))}
    </ul>
  </section>
);
