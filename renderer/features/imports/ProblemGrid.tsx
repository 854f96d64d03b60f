import { useVirtualizer } from '@tanstack/react-virtual';
import { Ban, Undo2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatCount } from './format';
import { GridCell } from './GridCell';
import { gridColumns, problemsByColumn, rowStatus, rowSummary, rowTone } from './problem-rows';
import { useFixRow, useProblemRows, type RowFilter } from './use-problem-rows';

const ROW_HEIGHT = 46;

const FILTER_ORDER: RowFilter[] = ['problems', 'errors', 'warnings', 'duplicates', 'excluded'];

const FILTER_LABELS: Record<RowFilter, string> = {
  problems: 'All problems',
  errors: 'Errors',
  warnings: 'Warnings',
  duplicates: 'Duplicates',
  excluded: 'Excluded',
};

/**
 * The rows of one file with problems, virtualised (only the rows in view are in the page) and
 * paged from main as the admin scrolls. A cell is fixed in place; a row is excluded or
 * included again; main answers with the row checked again.
 */
export const ProblemGrid = (props: { importId: string; stepId: string; disabled?: boolean }) => {
  const { importId, stepId } = props;
  const [filter, setFilter] = useState<RowFilter>('problems');
  const query = useProblemRows(importId, stepId, filter);
  const fix = useFixRow(importId, stepId);
  const pages = query.data?.pages ?? [];
  const rows = useMemo(() => pages.flatMap((page) => page.rows), [pages]);
  const headers = pages[0]?.headers ?? [];
  const total = pages[pages.length - 1]?.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length + (query.hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtual.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 20 && query.hasNextPage && !query.isFetchingNextPage)
      void query.fetchNextPage();
  }, [lastIndex, rows.length, query]);

  const { template, width } = gridColumns(headers);

  return (
    <div className="problem-grid-wrap">
      <div className="grid-toolbar">
        <div className="segmented" role="radiogroup" aria-label="Show rows">
          {FILTER_ORDER.map((option) => (
            <button
              key={option}
              role="radio"
              aria-checked={filter === option}
              className="segment"
              onClick={() => setFilter(option)}
            >
              {FILTER_LABELS[option]}
            </button>
          ))}
        </div>
        <span className="meta" data-testid="grid-total">
          {query.isPending ? 'Loading rows…' : `${formatCount(total)} rows`}
        </span>
      </div>
      {query.error && (
        <p className="failure" role="alert">
          {query.error.message}
        </p>
      )}
      {!query.isPending && total === 0 && !query.error && (
        <p className="empty grid-empty">No row to show here.</p>
      )}
      {total > 0 && (
        <div
          ref={scroller}
          className="problem-grid"
          role="grid"
          aria-label="Rows with problems"
          aria-rowcount={total + 1}
        >
          <div
            className="grid-row head"
            role="row"
            aria-rowindex={1}
            style={{ gridTemplateColumns: template, width }}
          >
            <span role="columnheader">Line</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">
              <span className="sr-only">Exclude</span>
            </span>
            <span role="columnheader">Problems</span>
            {headers.map((header) => (
              <span role="columnheader" key={header} title={header}>
                {header}
              </span>
            ))}
          </div>
          <div className="grid-body" style={{ height: virtual.getTotalSize(), width }}>
            {items.map((item) => {
              const row = rows[item.index];
              if (!row)
                return (
                  <div
                    key="loading"
                    className="grid-row loading"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  >
                    <span className="meta">Loading more rows…</span>
                  </div>
                );
              const tone = rowTone(row);
              const byColumn = problemsByColumn(row);
              return (
                <div
                  key={row.line}
                  className="grid-row"
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-label={`Line ${row.line}`}
                  data-tone={tone}
                  style={{
                    gridTemplateColumns: template,
                    width,
                    transform: `translateY(${item.start}px)`,
                    height: ROW_HEIGHT,
                  }}
                >
                  <span role="gridcell" className="line">
                    {row.line}
                  </span>
                  <span role="gridcell">
                    <span className="badge row-tone" data-tone={tone}>
                      {rowStatus(row)}
                    </span>
                  </span>
                  <span role="gridcell">
                    <button
                      className="btn small ghost"
                      disabled={props.disabled}
                      aria-label={`${row.excluded ? 'Include' : 'Exclude'} line ${row.line}`}
                      onClick={() => void fix(row.line, { excluded: !row.excluded })}
                    >
                      {row.excluded ? <Undo2 size={12} /> : <Ban size={12} />}
                      {row.excluded ? 'Include' : 'Exclude'}
                    </button>
                  </span>
                  <span role="gridcell" className="row-summary" title={rowSummary(row)}>
                    {rowSummary(row)}
                  </span>
                  {headers.map((header) => (
                    <GridCell
                      key={header}
                      line={row.line}
                      column={header}
                      value={row.cells[header] ?? ''}
                      fixed={row.fixed.includes(header)}
                      problems={byColumn.get(header)}
                      disabled={props.disabled}
                      onFix={(value) => fix(row.line, { cells: { [header]: value } })}
                    />
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
};
