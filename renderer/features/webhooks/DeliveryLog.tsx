import { Download, FlaskConical, Inbox, RotateCcw, Settings2 } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { toast } from 'sonner';
import type { DeliverySummary } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { downloadText } from '../imports/download';
import { DeliveryDetailPane } from './DeliveryDetailPane';
import { DeliveryFilters } from './DeliveryFilters';
import { DeliveryList } from './DeliveryList';
import { plural } from './format';
import { deliveryFilterOf } from './log-filter';
import { LogSettingsDialog } from './LogSettingsDialog';
import { ReplayDialog } from './ReplayDialog';
import { TestEventDialog } from './TestEventDialog';
import { useDeliveries, useReceivers } from './webhook-queries';
import { useWebhooksActions, useWebhooksUi } from './webhooks-store';

type Open =
  { kind: 'replay'; deliveries: DeliverySummary[] } | { kind: 'settings' | 'test' } | null;

const distinct = (values: Array<string | null>) =>
  [...new Set(values.filter((value): value is string => value !== null))].sort();

/** The deliveries of every receiver, live: filters, list, detail pane, replay, export. */
export const DeliveryLog = ({ fresh }: { fresh: ReadonlySet<string> }) => {
  const filter = useWebhooksUi((state) => state.filter);
  const selectedId = useWebhooksUi((state) => state.selectedId);
  const checkedIds = useWebhooksUi((state) => state.checked);
  const { setFilter, resetFilter, select, toggleChecked, setChecked, go } = useWebhooksActions();
  const receivers = useReceivers().data ?? [];
  const query = useDeliveries(filter);
  const [open, setOpen] = useState<Open>(null);
  const [exporting, setExporting] = useState(false);

  const pages = query.data?.pages;
  const deliveries = useMemo(() => pages?.flatMap((page) => page.deliveries) ?? [], [pages]);
  const first = pages?.[0];
  const checked = useMemo(() => new Set(checkedIds), [checkedIds]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const exportLines = async () => {
    setExporting(true);
    try {
      const file = await rpc.call('webhooks.exportDeliveries', deliveryFilterOf(filter));
      if (file.text !== null) {
        downloadText(file.fileName, file.text, 'application/x-ndjson');
        toast.success(`${file.fileName}: ${plural(file.count, 'delivery', 'deliveries')}`);
      } else
        toast(`${file.fileName} is too large to download here`, {
          description: `It was written to ${file.path}`,
          duration: 15_000,
        });
    } catch (error) {
      toastError(error);
    } finally {
      setExporting(false);
    }
  };

  const replayOf = (ids: string[]) =>
    setOpen({ kind: 'replay', deliveries: deliveries.filter((item) => ids.includes(item.id)) });

  return (
    <section className="delivery-log" aria-label="Deliveries">
      <DeliveryFilters
        filter={filter}
        receivers={receivers}
        eventNames={distinct(deliveries.map((item) => item.eventName))}
        objectNames={distinct(deliveries.map((item) => item.objectName))}
        onChange={setFilter}
        onReset={resetFilter}
      />
      <div className="log-toolbar" role="toolbar" aria-label="Log">
        <span className="meta" data-testid="delivery-total">
          {first ? plural(first.total, 'delivery', 'deliveries') : 'Loading…'}
        </span>
        {first && first.pendingIndex > 0 && (
          <span
            className="badge warn"
            data-testid="pending-index"
            title="Received and listed, but the full-text search does not find them yet"
          >
            {first.pendingIndex} not yet searchable
          </span>
        )}
        <div className="spacer" />
        {checkedIds.length > 0 && (
          <>
            <span className="meta">{checkedIds.length} ticked</span>
            <button className="btn small" onClick={() => replayOf(checkedIds)}>
              <RotateCcw size={13} /> Replay {checkedIds.length}…
            </button>
            <button className="btn small ghost" onClick={() => setChecked([])}>
              Untick
            </button>
          </>
        )}
        <button className="btn small" onClick={() => setOpen({ kind: 'test' })}>
          <FlaskConical size={13} /> Send test event…
        </button>
        <button
          className="btn small"
          disabled={exporting || !first || first.total === 0}
          title="The deliveries that match the filters, as JSON lines"
          onClick={() => void exportLines()}
        >
          <Download size={13} /> Export
        </button>
        <button
          className="btn small"
          aria-label="Log settings"
          title="Retention, clear the log"
          onClick={() => setOpen({ kind: 'settings' })}
        >
          <Settings2 size={13} />
        </button>
      </div>
      {query.error && (
        <p className="failure" role="alert">
          The log could not be read: {query.error.message}
        </p>
      )}
      <div className="log-body" data-detail={selectedId !== null}>
        <div className="log-list">
          {first && deliveries.length === 0 ? (
            <div className="empty empty-state">
              <Inbox size={28} aria-hidden />
              {receivers.length === 0 ? (
                <>
                  <p>No receiver yet: create one, then point a Twenty webhook at its URL.</p>
                  <button className="btn primary" onClick={() => go('receivers')}>
                    Create a receiver
                  </button>
                </>
              ) : (
                <p>No delivery matches yet. New ones appear here as they arrive.</p>
              )}
            </div>
          ) : (
            <DeliveryList
              deliveries={deliveries}
              hasMore={hasNextPage}
              loadingMore={isFetchingNextPage}
              onLoadMore={loadMore}
              selectedId={selectedId}
              onSelect={select}
              checked={checked}
              onToggle={toggleChecked}
              onToggleAll={setChecked}
              fresh={fresh}
            />
          )}
        </div>
        {selectedId && (
          <DeliveryDetailPane
            id={selectedId}
            receivers={receivers}
            onReplay={(delivery) => setOpen({ kind: 'replay', deliveries: [delivery] })}
            onClose={() => select(null)}
          />
        )}
      </div>
      {open?.kind === 'replay' && (
        <ReplayDialog
          deliveries={open.deliveries}
          receivers={receivers}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'settings' && (
        <LogSettingsDialog receivers={receivers} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'test' && <TestEventDialog onClose={() => setOpen(null)} />}
    </section>
  );
};
