import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Receiver } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { Checkbox, NumberInput, SelectInput } from '../../ui/form';
import { toastError } from '../../ui/toast-error';
import { ConfirmDialog } from '../imports/ConfirmDialog';
import { formatTime, plural } from './format';
import { DELIVERIES_KEY, LOG_STATS_KEY, useLogStats } from './webhook-queries';

/** Size and retention of the log (applied at once by main), and clearing it. */
export const LogSettingsDialog = (props: { receivers: Receiver[]; onClose: () => void }) => {
  const client = useQueryClient();
  const { data: stats } = useLogStats();
  const [keepAll, setKeepAll] = useState<boolean | null>(null);
  const [days, setDays] = useState<number | null>(null);
  const [max, setMax] = useState<number | null>(null);
  const [clearOf, setClearOf] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);
  const settings = stats?.settings;
  const keep = keepAll ?? settings?.retentionDays === null;
  const retentionDays = days ?? settings?.retentionDays ?? 30;
  const maxDeliveries = max ?? settings?.maxDeliveries ?? 100_000;

  const save = () =>
    rpc
      .call('webhooks.setLogSettings', {
        retentionDays: keep ? null : retentionDays,
        maxDeliveries,
      })
      .then((next) => {
        client.setQueryData(LOG_STATS_KEY, next);
        void client.invalidateQueries({ queryKey: DELIVERIES_KEY });
        toast.success('Log settings saved');
        props.onClose();
      })
      .catch(toastError);

  const clear = () =>
    rpc
      .call('webhooks.clearLog', { receiverId: clearOf || null })
      .then(({ deleted }) => {
        void client.invalidateQueries({ queryKey: DELIVERIES_KEY });
        void client.invalidateQueries({ queryKey: LOG_STATS_KEY });
        toast.success(`${plural(deleted, 'delivery', 'deliveries')} deleted`);
      })
      .catch(toastError);

  const clearName = props.receivers.find((item) => item.id === clearOf)?.name;
  return (
    <>
      <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
        <Dialog.Portal>
          <Dialog.Overlay className="overlay" />
          <Dialog.Content className="dialog" aria-describedby={undefined}>
            <Dialog.Title>Delivery log</Dialog.Title>
            {stats && (
              <p className="meta" data-testid="log-stats">
                {plural(stats.deliveries, 'delivery', 'deliveries')} kept
                {stats.oldest && `, the oldest from ${formatTime(stats.oldest)}`}
                {stats.pendingIndex > 0 && ` · ${stats.pendingIndex} not yet searchable`}
              </p>
            )}
            <Checkbox
              label="Keep deliveries whatever their age"
              checked={keep}
              onChange={setKeepAll}
            />
            {!keep && (
              <NumberInput
                label="Delete deliveries older than (days)"
                value={retentionDays}
                min={1}
                max={3650}
                onChange={setDays}
              />
            )}
            <NumberInput
              label="Keep at most (the newest)"
              value={maxDeliveries}
              min={100}
              max={10_000_000}
              step={100}
              hint="Older deliveries beyond this are deleted"
              onChange={setMax}
            />
            <fieldset className="checks danger-zone">
              <legend>Clear</legend>
              <SelectInput
                label="Delete the logged deliveries of"
                value={clearOf}
                options={[
                  { value: '', label: 'Every receiver' },
                  ...props.receivers.map((item) => ({ value: item.id, label: item.name })),
                ]}
                onChange={setClearOf}
              />
              <button className="btn small danger" onClick={() => setConfirmClear(true)}>
                Clear log…
              </button>
            </fieldset>
            <div className="dialog-actions">
              <button className="btn" onClick={props.onClose}>
                Cancel
              </button>
              <button className="btn primary" disabled={!stats} onClick={() => void save()}>
                Save
              </button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {confirmClear && (
        <ConfirmDialog
          title={clearName ? `Clear the deliveries of ${clearName}?` : 'Clear the whole log?'}
          confirmLabel="Delete deliveries"
          danger
          onConfirm={() => void clear()}
          onClose={() => setConfirmClear(false)}
        >
          <p>They are deleted for good; export them first if you may need them.</p>
        </ConfirmDialog>
      )}
    </>
  );
};
