import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type AriaRole, type ReactNode } from 'react';

/**
 * A scrolling list that keeps only the rows in view in the DOM, each measured once drawn (a
 * field with arguments is taller than an enum value). The Query type of a big workspace has
 * over a thousand fields; the explorer must not lay them all out.
 */
interface Props<Row> {
  rows: readonly Row[];
  rowKey(row: Row, index: number): string;
  estimateSize(row: Row): number;
  renderRow(row: Row, index: number): ReactNode;
  role: AriaRole;
  label: string;
  id?: string;
  /** Brought into view whenever it changes. */
  scrollToIndex?: number | null;
  scrollAlign?: 'start' | 'auto';
  /** Where a page left when it was last seen (Back restores it). */
  initialOffset?: number;
  onOffset?(offset: number): void;
}

export const VirtualRows = <Row,>({
  rows,
  rowKey,
  estimateSize,
  renderRow,
  role,
  label,
  id,
  scrollToIndex = null,
  scrollAlign = 'auto',
  initialOffset = 0,
  onOffset,
}: Props<Row>) => {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimateSize(rows[index]!),
    getItemKey: (index) => rowKey(rows[index]!, index),
    overscan: 8,
    initialOffset,
  });
  useEffect(() => {
    if (scrollToIndex !== null && scrollToIndex < rows.length)
      virtual.scrollToIndex(scrollToIndex, { align: scrollAlign });
    // Only a new target scrolls: the admin may have scrolled away from the old one since.
  }, [scrollToIndex]);

  return (
    <div
      ref={scroller}
      className="sx-scroll"
      role={role}
      aria-label={label}
      id={id}
      onScroll={onOffset && ((event) => onOffset(event.currentTarget.scrollTop))}
    >
      <div className="sx-rows" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtual.measureElement}
            className="sx-row"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {renderRow(rows[item.index]!, item.index)}
          </div>
        ))}
      </div>
    </div>
  );
};
