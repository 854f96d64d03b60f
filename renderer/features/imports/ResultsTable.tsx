import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import type { Import, ResultRow } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { formatCount } from './format';
import { resultsKey } from './import-queries';

const PAGE = 100;
type Status = ResultRow['status'];
const STATUSES: Status[] = ['created', 'updated', 'skipped', 'failed'];

/** The per-row results of the last run, a page at a time, filtered by status. */
export const ResultsTable = ({ imported }: { imported: Import }) => {
  const [status, setStatus] = useState<Status | ''>('');
  const [offset, setOffset] = useState(0);
  const { data, isPending, error, isFetching } = useQuery({
    queryKey: [...resultsKey(imported.id), status, offset],
    queryFn: () =>
      rpc.call('imports.resultRows', {
        importId: imported.id,
        ...(status ? { status } : {}),
        offset,
        limit: PAGE,
      }),
    placeholderData: keepPreviousData,
  });
  const fileOf = (step: string) =>
    imported.steps.find((candidate) => candidate.id === step)?.fileName ?? step;
  const total = data?.total ?? 0;

  return (
    <section className="results" aria-label="Results by row">
      <div className="grid-toolbar">
        <label className="inline-field">
          Status
          <select
            aria-label="Status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as Status | '');
              setOffset(0);
            }}
          >
            <option value="">All rows</option>
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span className="meta" data-testid="results-range">
          {total === 0
            ? isPending
              ? 'Loading…'
              : 'No rows'
            : `${formatCount(offset + 1)}–${formatCount(Math.min(offset + PAGE, total))} of ${formatCount(total)}`}
          {isFetching && !isPending ? ' · loading…' : ''}
        </span>
        <button
          className="btn small"
          aria-label="Previous results"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          <ChevronLeft size={13} />
        </button>
        <button
          className="btn small"
          aria-label="Next results"
          disabled={offset + PAGE >= total}
          onClick={() => setOffset(offset + PAGE)}
        >
          <ChevronRight size={13} />
        </button>
      </div>
      {error && (
        <p className="failure" role="alert">
          {error.message}
        </p>
      )}
      {data && data.rows.length > 0 && (
        <div className="table-scroll results-scroll">
          <table className="data-table" aria-label="Results">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="line">
                  Line
                </th>
                <th scope="col">Status</th>
                <th scope="col">Record</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={`${row.step}-${row.line}`} data-status={row.status}>
                  <td>{fileOf(row.step)}</td>
                  <td className="line">{row.line}</td>
                  <td>
                    <span className="badge result-status" data-status={row.status}>
                      {row.status}
                    </span>
                  </td>
                  <td className="mono">{row.id ?? ''}</td>
                  <td title={row.reason}>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
