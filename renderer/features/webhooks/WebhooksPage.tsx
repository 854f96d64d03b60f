import './webhooks.css';
import { useActiveConnection } from '../workspaces/connection-queries';
import { DeliveryLog } from './DeliveryLog';
import { GapsPanel } from './GapsPanel';
import { ReceiversPanel } from './ReceiversPanel';
import { useReceivers, useWebhookEvents } from './webhook-queries';
import { WebhookList } from './WebhookList';
import { SECTIONS, useWebhooksActions, useWebhooksUi } from './webhooks-store';

/** "2 of 3 receivers listening", in the title bar. */
const ListeningSummary = () => {
  const receivers = useReceivers().data;
  if (!receivers) return null;
  const listening = receivers.filter((receiver) => receiver.state === 'running').length;
  return (
    <span className="status" data-testid="listening-summary">
      <span className="dot" data-state={listening > 0 ? 'ok' : 'stopped'} aria-hidden />
      {receivers.length === 0
        ? 'no receiver'
        : `${listening} of ${receivers.length} receiver${receivers.length === 1 ? '' : 's'} listening`}
    </span>
  );
};

/**
 * Tool 4 (issue 9): local receivers that log Twenty's deliveries with their signatures checked,
 * the live log with its detail and replay, the workspace's webhooks, and gaps.
 */
export const WebhooksPage = () => {
  const fresh = useWebhookEvents();
  const active = useActiveConnection();
  const section = useWebhooksUi((state) => state.section);
  const { go } = useWebhooksActions();
  return (
    <div className="webhooks-page">
      <div className="diagram-title">
        <h1>Webhooks</h1>
        <span data-testid="active-workspace-name">{active?.name ?? '…'}</span>
        <div className="spacer" />
        <ListeningSummary />
      </div>
      <div className="tool-tabs" role="tablist" aria-label="Webhooks sections">
        {SECTIONS.map((item) => (
          <button
            key={item.id}
            role="tab"
            aria-selected={section === item.id}
            onClick={() => go(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div className="webhooks-body" role="tabpanel" data-section={section}>
        {section === 'log' ? (
          <DeliveryLog fresh={fresh} />
        ) : section === 'receivers' ? (
          <ReceiversPanel />
        ) : section === 'webhooks' ? (
          <WebhookList />
        ) : (
          <GapsPanel />
        )}
      </div>
    </div>
  );
};
