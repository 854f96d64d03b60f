import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { PlaygroundRequest } from '../../../shared/contract/playground';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';

/**
 * Saved queries (plain files, each flagged when the schema no longer matches it) and the run
 * history of the workspace, both searchable; a click opens one in a new tab.
 */
interface Props {
  connectionId: string;
  onOpen(request: PlaygroundRequest, title: string): void;
}

const summary = (request: PlaygroundRequest) =>
  request.kind === 'graphql'
    ? (/\b(query|mutation)\s+(\w+)/.exec(request.query)?.[2] ??
      request.query.replace(/#.*$/gm, '').replace(/\s+/g, ' ').trim().slice(0, 60))
    : `${request.method} ${request.path}`;

export const QueryLibrary = ({ connectionId, onOpen }: Props) => {
  const [view, setView] = useState<'saved' | 'history'>('saved');
  const [search, setSearch] = useState('');
  const queryClient = useQueryClient();
  const saved = useQuery({
    queryKey: ['playground', 'saved', connectionId],
    queryFn: () => rpc.call('playground.listSaved', { connectionId }),
  });
  const history = useQuery({
    queryKey: ['playground', 'history', connectionId, search],
    queryFn: () =>
      rpc.call('playground.history', { connectionId, search: search || null, limit: 100 }),
    enabled: view === 'history',
  });
  const needle = search.trim().toLowerCase();
  const queries = (saved.data?.queries ?? []).filter(
    (query) =>
      !needle ||
      query.name.toLowerCase().includes(needle) ||
      summary(query.request).toLowerCase().includes(needle),
  );
  const broken = (saved.data?.queries ?? []).filter((query) => query.problems.length > 0).length;

  return (
    <aside className="query-library" aria-label="Query library">
      <div className="segmented small" role="group" aria-label="Library">
        <button aria-pressed={view === 'saved'} onClick={() => setView('saved')}>
          Saved{broken > 0 ? ` (${broken} ⚠)` : ''}
        </button>
        <button aria-pressed={view === 'history'} onClick={() => setView('history')}>
          History
        </button>
      </div>
      <input
        className="library-search"
        aria-label="Search queries"
        placeholder="Search…"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {view === 'saved' ? (
        <ul className="library-list" aria-label="Saved queries">
          {queries.map((query) => (
            <li key={query.file} data-broken={query.problems.length > 0}>
              <button
                className="library-item"
                onClick={() => onOpen(query.request, query.name)}
                title={
                  query.problems.length > 0
                    ? query.problems
                        .map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.message}`)
                        .join('\n')
                    : query.checked
                      ? `${query.file}: matches the schema`
                      : `${query.file}: not checked (no schema read yet)`
                }
              >
                <span className="badge">{query.request.kind === 'graphql' ? 'GQL' : 'REST'}</span>
                <span className="name">{query.name}</span>
                {query.problems.length > 0 && (
                  <AlertTriangle size={13} aria-label={`${query.problems.length} problem(s)`} />
                )}
              </button>
              {query.problems.length > 0 && (
                <p className="library-problem" role="note">
                  {query.problems[0]!.message}
                </p>
              )}
              <button
                className="icon"
                aria-label={`Delete ${query.name}`}
                onClick={() =>
                  void rpc
                    .call('playground.removeQuery', { connectionId, name: query.name })
                    .then(() =>
                      queryClient.invalidateQueries({
                        queryKey: ['playground', 'saved', connectionId],
                      }),
                    )
                    .catch(toastError)
                }
              >
                <Trash2 size={12} />
              </button>
            </li>
          ))}
          {saved.data && queries.length === 0 && (
            <li className="empty-line">
              {needle ? 'No saved query matches.' : 'Save a query to keep it as a file.'}
            </li>
          )}
          {saved.data && (
            <li className="folder" title={saved.data.folder}>
              Files: <code>{saved.data.folder}</code>
            </li>
          )}
        </ul>
      ) : (
        <ul className="library-list" aria-label="History">
          {(history.data ?? []).map((entry, index) => (
            <li key={`${entry.ranAt}-${index}`}>
              <button
                className="library-item"
                onClick={() => onOpen(entry.request, summary(entry.request))}
              >
                <span
                  className={`badge ${entry.status !== null && entry.status < 400 ? 'ok' : 'danger'}`}
                >
                  {entry.status ?? '—'}
                </span>
                <span className="name">{summary(entry.request)}</span>
                <time dateTime={entry.ranAt}>{new Date(entry.ranAt).toLocaleTimeString()}</time>
              </button>
            </li>
          ))}
          {history.data?.length === 0 && <li className="empty-line">Nothing run yet.</li>}
        </ul>
      )}
    </aside>
  );
};
