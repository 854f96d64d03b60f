import { useState } from 'react';
import type { DeliveryDetail } from '../../../shared/contract';
import { CopyButton } from '../../ui/CopyButton';
import { JsonTree } from './JsonTree';

/** The body: a JSON tree, or the raw text exactly as signed (base64 when not UTF-8). */
export const BodyView = ({ delivery }: { delivery: DeliveryDetail }) => {
  const parsed = delivery.bodyKind === 'json' && delivery.payload !== null;
  const [view, setView] = useState<'pretty' | 'raw'>(parsed ? 'pretty' : 'raw');
  const raw = delivery.bodyText ?? delivery.bodyBase64 ?? '';
  return (
    <div className="body-view">
      <div className="body-toolbar">
        <div className="segmented" role="group" aria-label="Body view">
          <button
            aria-pressed={view === 'pretty'}
            disabled={!parsed}
            onClick={() => setView('pretty')}
          >
            Pretty
          </button>
          <button aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
            Raw
          </button>
        </div>
        {delivery.bodyText === null && delivery.bodyBase64 !== null && (
          <span className="badge">not UTF-8: base64</span>
        )}
        {delivery.bodyTruncated && <span className="badge warn">only the start was kept</span>}
        <div className="spacer" />
        {raw && <CopyButton value={raw} what="body" />}
      </div>
      {delivery.bodyKind === 'empty' ? (
        <p className="meta">No body.</p>
      ) : view === 'pretty' && parsed ? (
        <div className="json-box" data-testid="body-pretty">
          <JsonTree value={delivery.payload} />
        </div>
      ) : (
        <pre className="raw-body" data-testid="body-raw">
          {raw}
        </pre>
      )}
    </div>
  );
};
