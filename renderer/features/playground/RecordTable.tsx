import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { columnsOf, flattenRecord, type Row } from './result-records';

/** Records as a table, composite fields expanded; only the rows in view are in the DOM. */
const ROW_HEIGHT = 28;

const cell = (value: unknown) =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);

export const RecordTable = ({ records }: { records: Row[] }) => {
  const rows = useMemo(() => records.map(flattenRecord), [records]);
  const columns = useMemo(() => columnsOf(rows), [rows]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const template = `repeat(${columns.length}, minmax(140px, 1fr))`;
  return (
    <div className="record-table" ref={scroller} role="table" aria-label="Records">
      <div className="record-row head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((column) => (
          <span key={column} role="columnheader" title={column}>
            {column}
          </span>
        ))}
      </div>
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              className="record-row"
              role="row"
              style={{
                gridTemplateColumns: template,
                transform: `translateY(${item.start}px)`,
                height: ROW_HEIGHT,
              }}
            >
              {columns.map((column) => (
                <span key={column} role="cell" title={cell(row[column])}>
                  {cell(row[column])}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
};
