import { KeyRound, Pencil, Play, Square, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Receiver } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { formatBytes } from '../imports/format';
import { CopyButton } from '../../ui/CopyButton';
import { formatTime } from './format';
import { useReceiverAction } from './webhook-queries';

const STATE_DOT: Record<Receiver['state'], string> = {
  running: 'ok',
  starting: 'starting',
  error: 'error',
  stopped: 'stopped',
};

const UrlRow = (props: { label: string; url: string | null; empty: ReactNode; testId: string }) => (
  <>
    <dt>{props.label}</dt>
    <dd className="url-row">
      {props.url ? (
        <>
          <code data-testid={props.testId}>{props.url}</code>
          <CopyButton value={props.url} what={props.label.toLowerCase()} />
        </>
      ) : (
        <span className="meta">{props.empty}</span>
      )}
    </dd>
  </>
);

/** One receiver: where it listens, what it forwards to, its settings and actions. */
export const ReceiverCard = (props: {
  receiver: Receiver;
  onEdit: () => void;
  onRotate: () => void;
  onRemove: () => void;
}) => {
  const { receiver } = props;
  const start = useReceiverAction((id: string) => rpc.call('webhooks.startReceiver', { id }));
  const stop = useReceiverAction((id: string) => rpc.call('webhooks.stopReceiver', { id }));
  const running = receiver.state === 'running' || receiver.state === 'starting';
  const settings = [
    receiver.bind === 'all' ? 'every interface' : 'this computer only',
    receiver.port ? `port ${receiver.port}` : 'any free port',
    `tolerance ${receiver.toleranceSeconds} s`,
    `bodies up to ${formatBytes(receiver.maxBodyBytes)}`,
    receiver.rejectInvalid ? 'answers 401 to invalid signatures' : 'logs invalid signatures',
    receiver.autoStart ? 'starts with Atelier' : null,
  ].filter(Boolean);

  return (
    <article className="card receiver-card" aria-label={receiver.name}>
      <header>
        <span className="receiver-name">{receiver.name}</span>
        <span className="status" data-testid="receiver-state" data-state={receiver.state}>
          <span className="dot" data-state={STATE_DOT[receiver.state]} aria-hidden />
          {receiver.state}
        </span>
        {receiver.bind === 'all' && (
          <span className="badge warn" title="Other machines on your networks can reach it">
            0.0.0.0
          </span>
        )}
        <div className="spacer" />
        {running ? (
          <button
            className="btn small"
            disabled={stop.isPending}
            onClick={() => stop.mutate(receiver.id)}
          >
            <Square size={12} /> Stop
          </button>
        ) : (
          <button
            className="btn small"
            disabled={start.isPending}
            onClick={() => start.mutate(receiver.id)}
          >
            <Play size={12} /> Start
          </button>
        )}
        <button className="btn small" onClick={props.onEdit}>
          <Pencil size={12} /> Edit
        </button>
        <button className="btn small" onClick={props.onRotate}>
          <KeyRound size={12} /> Rotate secret
        </button>
        <button
          className="btn small ghost danger"
          aria-label={`Remove ${receiver.name}`}
          onClick={props.onRemove}
        >
          <Trash2 size={13} />
        </button>
      </header>
      {receiver.state === 'error' && receiver.message && (
        <p className="failure" role="alert">
          {receiver.message}
        </p>
      )}
      <dl className="receiver-facts">
        <UrlRow label="Local URL" url={receiver.url} empty="not listening" testId="receiver-url" />
        <UrlRow
          label="Public URL"
          url={receiver.publicUrl}
          empty="none: only a Twenty that can reach this computer can deliver here"
          testId="receiver-public-url"
        />
        <UrlRow
          label="Forwards to"
          url={receiver.forwardTo}
          empty="nowhere (logged only)"
          testId="receiver-forward"
        />
        <dt>Secret</dt>
        <dd>
          {receiver.hasSecret ? 'in the keychain' : <span className="warn-text">none set</span>}
          {receiver.previousSecretUntil && (
            <span className="meta">
              {' '}
              · the previous one accepted until {formatTime(receiver.previousSecretUntil)}
            </span>
          )}
        </dd>
        <dt>Settings</dt>
        <dd className="meta">{settings.join(' · ')}</dd>
      </dl>
    </article>
  );
};
