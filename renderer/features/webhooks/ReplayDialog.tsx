import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { z } from 'zod';
import type { DeliverySummary, Receiver, replayResultSchema } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { SelectInput, TextInput } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import { HttpStatus } from './Badges';
import { formatTime, plural } from './format';
import { defaultReplayTarget, defaultSecretFrom } from './replay-target';
import { useDelivery } from './webhook-queries';

type Result = z.infer<typeof replayResultSchema>['results'][number];

const OTHER_URL = '';

/** A single delivery's body, editable before it is sent again. */
const BodyEditor = (props: {
  id: string;
  value: string | null;
  onChange: (body: string | null) => void;
}) => {
  const { data } = useDelivery(props.id);
  const recorded = data?.bodyText ?? '';
  return (
    <div className="field">
      <label htmlFor="replay-body">
        Body {props.value !== null && <span className="badge warn">edited</span>}
      </label>
      <textarea
        id="replay-body"
        className="replay-body"
        rows={10}
        spellCheck={false}
        value={props.value ?? recorded}
        disabled={!data || data.bodyText === null}
        onChange={(event) =>
          props.onChange(event.target.value === recorded ? null : event.target.value)
        }
      />
      {props.value !== null && (
        <button type="button" className="btn small ghost" onClick={() => props.onChange(null)}>
          Back to the recorded body
        </button>
      )}
    </div>
  );
};

/**
 * Sends logged deliveries again to a receiver or any URL: re-signed with a receiver's secret
 * (fresh timestamp), or exactly as recorded. One delivery's body may be edited first.
 */
export const ReplayDialog = (props: {
  deliveries: DeliverySummary[];
  receivers: Receiver[];
  onClose: () => void;
}) => {
  const { deliveries, receivers } = props;
  const initial = defaultReplayTarget(
    receivers,
    deliveries.map((item) => item.receiverId),
  );
  const [targetId, setTargetId] = useState(initial?.id ?? OTHER_URL);
  const [url, setUrl] = useState('');
  const [signing, setSigning] = useState<'resign' | 'as-recorded'>('resign');
  const [secretFrom, setSecretFrom] = useState(defaultSecretFrom(initial) ?? '');
  const [body, setBody] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Result[] | null>(null);
  const target = receivers.find((item) => item.id === targetId);
  const targetUrl = target ? (target.url ?? '') : url.trim();
  const single = deliveries.length === 1 ? deliveries[0]! : null;

  const send = async () => {
    setBusy(true);
    try {
      const answer = await rpc.call('webhooks.replay', {
        deliveryIds: deliveries.map((item) => item.id),
        url: targetUrl,
        signing,
        secretFrom: signing === 'resign' && secretFrom ? secretFrom : null,
        body: single ? body : null,
      });
      setResults(answer.results);
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  const byId = new Map(deliveries.map((item) => [item.id, item]));
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog wide" aria-describedby={undefined}>
          <Dialog.Title>
            Replay{' '}
            {single
              ? (single.eventName ?? 'the delivery')
              : plural(deliveries.length, 'delivery', 'deliveries')}
          </Dialog.Title>
          <SelectInput
            label="Send to"
            value={targetId}
            options={[
              ...receivers
                .filter((item) => item.url !== null)
                .map((item) => ({ value: item.id, label: `${item.name} — ${item.url}` })),
              { value: OTHER_URL, label: 'Another URL…' },
            ]}
            onChange={(id) => {
              setTargetId(id);
              setSecretFrom(id);
            }}
          />
          {!target && (
            <TextInput
              label="URL"
              value={url}
              placeholder="http://localhost:3000/webhooks/twenty"
              onChange={setUrl}
            />
          )}
          <fieldset className="checks">
            <legend>Signature</legend>
            <label className="check-field">
              <input
                type="radio"
                name="signing"
                checked={signing === 'resign'}
                onChange={() => setSigning('resign')}
              />
              Re-sign with a receiver&apos;s secret (fresh timestamp and nonce)
            </label>
            {signing === 'resign' && (
              <SelectInput
                label="Secret of"
                value={secretFrom}
                options={[
                  { value: '', label: "Each delivery's own receiver" },
                  ...receivers.map((item) => ({
                    value: item.id,
                    label: item.id === targetId ? `${item.name} (the target)` : item.name,
                  })),
                ]}
                onChange={setSecretFrom}
              />
            )}
            <label className="check-field">
              <input
                type="radio"
                name="signing"
                checked={signing === 'as-recorded'}
                onChange={() => setSigning('as-recorded')}
              />
              Send as recorded (original headers: an old timestamp, which a strict handler refuses)
            </label>
          </fieldset>
          {single && <BodyEditor id={single.id} value={body} onChange={setBody} />}
          {single && body !== null && signing === 'as-recorded' && (
            <p className="notice" role="note">
              An edited body sent with the recorded signature will not verify.
            </p>
          )}
          {results && (
            <table className="replay-results" aria-label="Replay results">
              <thead>
                <tr>
                  <th>Delivery</th>
                  <th>Status</th>
                  <th>Time</th>
                  <th>Error</th>
                </tr>
              </thead>
              <tbody>
                {results.map((result) => {
                  const delivery = byId.get(result.deliveryId);
                  return (
                    <tr key={result.deliveryId} data-testid="replay-result">
                      <td>
                        {delivery?.eventName ?? result.deliveryId}{' '}
                        <span className="meta">{delivery && formatTime(delivery.receivedAt)}</span>
                      </td>
                      <td>
                        <HttpStatus status={result.status} label="Status" />
                      </td>
                      <td className="num">{Math.round(result.durationMs)} ms</td>
                      <td className="error">{result.error ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={props.onClose}>
              {results ? 'Close' : 'Cancel'}
            </button>
            <button
              className="btn primary"
              disabled={busy || targetUrl === ''}
              onClick={() => void send()}
            >
              {busy ? 'Sending…' : results ? 'Send again' : 'Send'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
