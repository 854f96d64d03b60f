import { useState } from 'react';
import type { GapReport } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { SelectInput } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import { useActiveConnection } from '../workspaces/connection-queries';
import { formatTime, shortId } from './format';
import {
  GAP_WINDOWS,
  gapWindow,
  idsByObject,
  missingByObject,
  type GapWindowId,
} from './gap-window';
import { JsonTree } from './JsonTree';
import { useReceivers } from './webhook-queries';
import { useWebhooksActions } from './webhooks-store';

type MissingEvent = GapReport['missing'][number];

const MissingTable = (props: { events: MissingEvent[]; onWatch: (recordId: string) => void }) => (
  <table className="gap-table">
    <thead>
      <tr>
        <th>When</th>
        <th>Event</th>
        <th>Record</th>
        <th>
          <span className="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
    <tbody>
      {props.events.map((item) => (
        <tr key={`${item.recordId}.${item.action}.${item.at}`} data-testid="missing-event">
          <td className="mono">{formatTime(item.at)}</td>
          <td className="mono">
            {item.objectName}.{item.action}
          </td>
          <td>
            {item.label && item.label !== item.recordId && <>{item.label} </>}
            <code title={item.recordId}>{shortId(item.recordId)}</code>
          </td>
          <td className="row-actions">
            <button className="btn small ghost" onClick={() => props.onWatch(item.recordId)}>
              Its deliveries
            </button>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/**
 * Twenty never retries a delivery: this compares what changed in the workspace in a window with
 * what the receivers logged, lists the events that never came, and reads those records.
 */
export const GapsPanel = () => {
  const active = useActiveConnection();
  const receivers = useReceivers().data ?? [];
  const { watchRecord } = useWebhooksActions();
  const [windowId, setWindowId] = useState<GapWindowId>('1h');
  const [receiverId, setReceiverId] = useState('');
  const [report, setReport] = useState<GapReport | null>(null);
  const [records, setRecords] = useState<Array<Record<string, unknown>> | null>(null);
  const [busy, setBusy] = useState<'find' | 'fetch' | null>(null);

  const find = async () => {
    if (!active) return;
    setBusy('find');
    setRecords(null);
    try {
      setReport(
        await rpc.call('webhooks.findGaps', {
          connectionId: active.id,
          receiverId: receiverId || null,
          ...gapWindow(windowId),
        }),
      );
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(null);
    }
  };

  const fetchRecords = async () => {
    if (!active || !report) return;
    setBusy('fetch');
    try {
      const answers = await Promise.all(
        idsByObject(report.missing).map((group) =>
          rpc.call('webhooks.fetchRecords', { connectionId: active.id, ...group }),
        ),
      );
      setRecords(answers.flatMap((answer) => answer.records));
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="gaps" aria-label="Gaps">
      <p className="meta">
        Twenty sends each event once and never retries: a handler that was down lost it. Compare
        what changed in <strong>{active?.name ?? '…'}</strong> with what was delivered.
      </p>
      <div className="gap-form">
        <SelectInput
          label="Window"
          value={windowId}
          options={GAP_WINDOWS.map((item) => ({ value: item.id, label: item.label }))}
          onChange={setWindowId}
        />
        <SelectInput
          label="Delivered to"
          value={receiverId}
          options={[
            { value: '', label: 'Any receiver' },
            ...receivers.map((item) => ({ value: item.id, label: item.name })),
          ]}
          onChange={setReceiverId}
        />
        <button
          className="btn primary"
          disabled={!active || busy !== null}
          onClick={() => void find()}
        >
          {busy === 'find' ? 'Comparing…' : 'Find gaps'}
        </button>
      </div>
      {report && (
        <div className="gap-report" data-testid="gap-report">
          <dl className="report-summary">
            <div>
              <dt>Changed records</dt>
              <dd data-testid="gap-changed">{report.changed}</dd>
            </div>
            <div>
              <dt>Delivered</dt>
              <dd data-testid="gap-delivered">{report.delivered}</dd>
            </div>
            <div>
              <dt>Missing events</dt>
              <dd data-testid="gap-missing" data-tone={report.missing.length > 0 ? 'danger' : 'ok'}>
                {report.missing.length}
              </dd>
            </div>
            <div>
              <dt>Objects compared</dt>
              <dd title={report.objects.join(', ')}>{report.objects.length}</dd>
            </div>
          </dl>
          {report.skipped.length > 0 && (
            <ul className="notice">
              {report.skipped.map((item) => (
                <li key={item.objectName}>
                  {item.objectName} was not checked: {item.reason}
                </li>
              ))}
            </ul>
          )}
          {report.missing.length === 0 ? (
            <p className="ok-text">Every change in the window had its delivery.</p>
          ) : (
            <>
              <div aria-label="Missing events" role="group">
                {missingByObject(report.missing).map((group, index) => (
                  <details key={group.objectName} className="gap-group" open={index === 0}>
                    <summary>
                      <code>{group.objectName}</code>{' '}
                      <span className="count-muted">{group.events.length} missing</span>
                    </summary>
                    <MissingTable events={group.events} onWatch={watchRecord} />
                  </details>
                ))}
              </div>
              <button className="btn" disabled={busy !== null} onClick={() => void fetchRecords()}>
                {busy === 'fetch' ? 'Reading…' : 'Fetch these records'}
              </button>
            </>
          )}
          {records && (
            <div className="json-box" data-testid="gap-records">
              <JsonTree value={records} collapsed={2} />
            </div>
          )}
        </div>
      )}
    </section>
  );
};
