import { ExternalLink, RotateCcw, X } from 'lucide-react';
import type { ReactNode } from 'react';
import type { DeliveryDetail, DeliverySummary, Receiver } from '../../../shared/contract';
import { useUi } from '../../app/store';
import { formatBytes } from '../imports/format';
import { usePlayground } from '../playground/playground-store';
import { useWorkspaceModel } from '../playground/use-workspace-model';
import { useActiveConnection } from '../workspaces/connection-queries';
import { HttpStatus, VerificationBadge } from './Badges';
import { BodyView } from './BodyView';
import { CopyButton } from '../../ui/CopyButton';
import { formatTime } from './format';
import { ForwardsList } from './ForwardsList';
import { HeadersTable } from './HeadersTable';
import { recordTabFor } from './playground-link';
import { UpdatedFields } from './UpdatedFields';
import { VerificationSteps } from './VerificationSteps';
import { useDelivery } from './webhook-queries';

const Section = (props: { title: string; children: ReactNode; count?: number }) => (
  <section className="detail-section" aria-label={props.title}>
    <h3>
      {props.title}
      {props.count !== undefined && <span className="count-muted">{props.count}</span>}
    </h3>
    {props.children}
  </section>
);

/** Reads the record as it is now in a new playground tab (a REST GET on the active workspace). */
const OpenInPlayground = ({ objectName, recordId }: { objectName: string; recordId: string }) => {
  const active = useActiveConnection();
  const model = useWorkspaceModel(active?.id ?? null);
  const tab = recordTabFor(model.data?.model, objectName, recordId);
  return (
    <button
      className="btn small"
      disabled={!tab}
      title={
        tab
          ? `GET ${tab.path} on ${active?.name ?? 'the active workspace'}`
          : `${objectName} is not an object of the active workspace`
      }
      onClick={() => {
        if (!tab) return;
        usePlayground.getState().open(tab);
        useUi.getState().go('playground');
      }}
    >
      <ExternalLink size={12} /> Open in playground
    </button>
  );
};

const Header = (props: { delivery: DeliveryDetail; receiver: Receiver | undefined }) => {
  const { delivery } = props;
  return (
    <header className="detail-head">
      <h2 data-testid="detail-event">
        {delivery.eventName ?? `${delivery.method} ${delivery.path}`}
      </h2>
      <div className="detail-badges">
        <VerificationBadge status={delivery.verification} reason={delivery.verificationReason} />
        <span className="meta">answered</span>
        <HttpStatus status={delivery.answerStatus} label="Answered" />
        <span className="meta">
          in {Math.round(delivery.answerMs)} ms · {formatBytes(delivery.sizeBytes)} ·{' '}
          {formatTime(delivery.receivedAt)} · #{delivery.seq}
        </span>
      </div>
      <dl className="detail-facts">
        <dt>Object</dt>
        <dd>{delivery.objectName ?? '—'}</dd>
        <dt>Record</dt>
        <dd className="url-row">
          {delivery.recordId ? (
            <>
              <code data-testid="detail-record-id">{delivery.recordId}</code>
              <CopyButton value={delivery.recordId} what="record id" />
              {delivery.objectName && (
                <OpenInPlayground objectName={delivery.objectName} recordId={delivery.recordId} />
              )}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Webhook</dt>
        <dd className="mono">{delivery.webhookId ?? '—'}</dd>
        <dt>Receiver</dt>
        <dd>
          {props.receiver?.name ?? delivery.receiverId}
          <span className="meta">
            {' '}
            · {delivery.method} {delivery.path}
            {delivery.remoteAddress && ` from ${delivery.remoteAddress}`}
          </span>
        </dd>
      </dl>
      {delivery.repeatedNonce && (
        <p className="notice" role="note">
          This nonce came before: it is a replay (or Twenty sent the same delivery twice).
        </p>
      )}
    </header>
  );
};

/** The selected delivery: what happened to which record, its signature, headers, body, forwards. */
export const DeliveryDetailPane = (props: {
  id: string;
  receivers: Receiver[];
  onReplay: (delivery: DeliverySummary) => void;
  onClose: () => void;
}) => {
  const { data: delivery, error, isPending } = useDelivery(props.id);
  return (
    <aside className="delivery-detail" aria-label="Delivery detail">
      <div className="detail-toolbar">
        <button
          className="btn small"
          disabled={!delivery}
          onClick={() => delivery && props.onReplay(delivery)}
        >
          <RotateCcw size={12} /> Replay…
        </button>
        <div className="spacer" />
        <button className="btn small ghost" aria-label="Close the detail" onClick={props.onClose}>
          <X size={14} />
        </button>
      </div>
      {isPending && <p className="empty">Loading the delivery…</p>}
      {error && (
        <p className="failure" role="alert">
          {error.message}
        </p>
      )}
      {delivery && (
        <div className="detail-scroll">
          <Header
            delivery={delivery}
            receiver={props.receivers.find((item) => item.id === delivery.receiverId)}
          />
          {delivery.updatedFields && delivery.updatedFields.length > 0 && (
            <Section title="Updated fields" count={delivery.updatedFields.length}>
              <UpdatedFields fields={delivery.updatedFields} />
            </Section>
          )}
          <Section title="Signature">
            <VerificationSteps verification={delivery.verificationDetail} />
          </Section>
          <Section title="Body">
            <BodyView key={delivery.id} delivery={delivery} />
          </Section>
          <Section title="Headers" count={Object.keys(delivery.headers).length}>
            <HeadersTable headers={delivery.headers} />
          </Section>
          <Section title="Forwards" count={delivery.forwards.length}>
            <ForwardsList forwards={delivery.forwards} />
          </Section>
        </div>
      )}
    </aside>
  );
};
