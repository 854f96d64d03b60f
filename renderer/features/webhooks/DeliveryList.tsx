import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DeliverySummary } from '../../../shared/contract';
import { formatBytes } from '../imports/format';
import { HttpStatus, VerificationBadge } from './Badges';
import { formatTime, shortId } from './format';

const ROW_HEIGHT = 34;
/** Ask for the next page this many rows before the end. */
const PREFETCH_ROWS = 30;

export interface DeliveryListProps {
  deliveries: DeliverySummary[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  checked: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[]) => void;
  /** Arrived a moment ago: highlighted. */
  fresh: ReadonlySet<string>;
}

/** The cells of one delivery. */
const Cells = (props: { delivery: DeliverySummary; checked: boolean; onToggle: () => void }) => {
  const { delivery } = props;
  return (
    <>
      <span role="gridcell" onClick={(event) => event.stopPropagation()}>
        <input
          type="checkbox"
          checked={props.checked}
          aria-label={`Tick delivery ${delivery.seq}`}
          onChange={props.onToggle}
        />
      </span>
      <span role="gridcell" className="mono">
        <time dateTime={delivery.receivedAt}>{formatTime(delivery.receivedAt)}</time>
      </span>
      <span role="gridcell" className="event-name" title={delivery.eventName ?? delivery.method}>
        {delivery.eventName ?? <span className="meta">{delivery.method} (not Twenty)</span>}
        {delivery.repeatedNonce && (
          <span className="badge" title="The same nonce came before: a replay">
            replay
          </span>
        )}
      </span>
      <span role="gridcell">{delivery.objectName ?? '—'}</span>
      <span role="gridcell" className="mono" title={delivery.recordId ?? undefined}>
        {shortId(delivery.recordId)}
      </span>
      <span role="gridcell">
        <VerificationBadge status={delivery.verification} reason={delivery.verificationReason} />
      </span>
      <span role="gridcell">
        <HttpStatus status={delivery.answerStatus} label="Answered" />
      </span>
      <span role="gridcell" className="num">
        {formatBytes(delivery.sizeBytes)}
      </span>
      <span role="gridcell">
        <HttpStatus status={delivery.forwardStatus} absent="—" label="Forward" />
      </span>
    </>
  );
};

/**
 * The log, newest first, virtualised (only the rows in view are in the page) and paged from
 * main by `beforeSeq` as the admin scrolls. Arrow keys move the selection.
 */
export const DeliveryList = (props: DeliveryListProps) => {
  const { deliveries, hasMore, loadingMore, onLoadMore } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: deliveries.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => deliveries[index]?.id ?? 'more',
  });
  const items = virtual.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= deliveries.length - PREFETCH_ROWS) onLoadMore();
  }, [lastIndex, deliveries.length, hasMore, loadingMore, onLoadMore]);

  const move = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const current = deliveries.findIndex((item) => item.id === props.selectedId);
    const next = Math.max(
      0,
      Math.min(deliveries.length - 1, current + (event.key === 'ArrowDown' ? 1 : -1)),
    );
    const target = deliveries[next];
    if (!target) return;
    props.onSelect(target.id);
    virtual.scrollToIndex(next, { align: 'auto' });
  };

  const allChecked =
    deliveries.length > 0 && deliveries.every((item) => props.checked.has(item.id));

  return (
    <div
      ref={scroller}
      className="delivery-grid"
      role="grid"
      aria-label="Deliveries"
      aria-rowcount={deliveries.length + 1}
      tabIndex={0}
      onKeyDown={move}
    >
      <div className="delivery-row head" role="row">
        <span role="columnheader">
          <input
            type="checkbox"
            checked={allChecked}
            aria-label="Tick every delivery shown"
            onChange={() => props.onToggleAll(allChecked ? [] : deliveries.map((item) => item.id))}
          />
        </span>
        <span role="columnheader">Time</span>
        <span role="columnheader">Event</span>
        <span role="columnheader">Object</span>
        <span role="columnheader">Record</span>
        <span role="columnheader">Signature</span>
        <span role="columnheader">Answer</span>
        <span role="columnheader">Size</span>
        <span role="columnheader">Forward</span>
      </div>
      <div className="delivery-body" style={{ height: virtual.getTotalSize() }}>
        {items.map((item) => {
          const delivery = deliveries[item.index];
          const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
          if (!delivery)
            return (
              <div key={item.key} className="delivery-row loading" style={style}>
                <span className="meta">Loading older deliveries…</span>
              </div>
            );
          return (
            <div
              key={item.key}
              className="delivery-row"
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={delivery.id === props.selectedId}
              aria-label={`${delivery.eventName ?? delivery.method} at ${formatTime(delivery.receivedAt)}`}
              data-fresh={props.fresh.has(delivery.id) || undefined}
              data-testid="delivery-row"
              style={style}
              onClick={() => props.onSelect(delivery.id)}
            >
              <Cells
                delivery={delivery}
                checked={props.checked.has(delivery.id)}
                onToggle={() => props.onToggle(delivery.id)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
};
