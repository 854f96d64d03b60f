import JsonView from '@uiw/react-json-view';
import { githubDarkTheme } from '@uiw/react-json-view/githubDark';
import { githubLightTheme } from '@uiw/react-json-view/githubLight';
import { Download } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { RunOutput } from '../../../shared/contract/playground';
import { RecordTable } from './RecordTable';
import { recordsOf, toCsv } from './result-records';

/**
 * Twenty's answer: status, timing, size and the rate-limit cost; Twenty's errors with their codes
 * and the place in the query; the body as a JSON tree, its records as a table, the headers.
 */
interface TwentyError {
  message?: string;
  extensions?: { code?: string; subCode?: string; userFriendlyMessage?: string };
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
}

const errorsOf = (body: unknown): TwentyError[] => {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.errors)) return record.errors as TwentyError[];
  // REST: { statusCode, error, messages: [...] }
  if (Array.isArray(record.messages))
    return (record.messages as string[]).map((message) => ({
      message,
      extensions: { code: typeof record.error === 'string' ? record.error : undefined },
    }));
  return [];
};

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1048576).toFixed(2)} MB`;

const download = (name: string, type: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

const dark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches;

export const ResultPanel = ({
  result,
  onLocate,
  pager,
}: {
  result: RunOutput;
  onLocate?: (line: number, column: number) => void;
  /** Previous / next page of a list answer. */
  pager?: ReactNode;
}) => {
  const { exchange } = result;
  const [view, setView] = useState<'json' | 'table' | 'headers'>('json');
  const errors = useMemo(() => errorsOf(exchange.body), [exchange.body]);
  const records = useMemo(() => recordsOf(exchange.body), [exchange.body]);
  const ok = exchange.status < 400 && errors.length === 0;
  return (
    <section className="result-panel" aria-label="Result">
      <header className="result-meta" data-testid="result-meta">
        <span className={`badge ${ok ? 'ok' : 'danger'}`} data-testid="result-status">
          {exchange.status}
        </span>
        <span>{Math.round(exchange.durationMs)} ms</span>
        {exchange.queuedMs >= 1 && (
          <span title="Waiting for the rate limit">queued {Math.round(exchange.queuedMs)} ms</span>
        )}
        <span>{size(exchange.sizeBytes)}</span>
        <span title="Counted against Twenty's rate limit">cost {result.cost}</span>
        {result.actedAs && (
          <span className="badge accent" data-testid="acted-as" title={result.actedAs.apiKeyId}>
            Ran as {result.actedAs.name}
          </span>
        )}
        <div className="spacer" />
        <div className="segmented" role="group" aria-label="Result view">
          {(['json', 'table', 'headers'] as const).map((name) => (
            <button
              key={name}
              aria-pressed={view === name}
              onClick={() => setView(name)}
              disabled={name === 'table' && !records}
            >
              {name === 'json'
                ? 'JSON'
                : name === 'table'
                  ? `Table${records ? ` (${records.length})` : ''}`
                  : 'Headers'}
            </button>
          ))}
        </div>
        <button
          className="btn small"
          onClick={() =>
            download(
              'result.json',
              'application/json',
              JSON.stringify(exchange.body ?? exchange.text, null, 2),
            )
          }
        >
          <Download size={14} /> JSON
        </button>
        <button
          className="btn small"
          disabled={!records}
          onClick={() => records && download('result.csv', 'text/csv', toCsv(records))}
        >
          <Download size={14} /> CSV
        </button>
      </header>
      {pager}
      {errors.length > 0 && (
        <ul className="result-errors" aria-label="Errors">
          {errors.map((error, index) => (
            <li key={index} role="alert">
              {error.extensions?.code && (
                <code className="error-code">{error.extensions.code}</code>
              )}{' '}
              {error.message}
              {error.extensions?.userFriendlyMessage &&
                error.extensions.userFriendlyMessage !== error.message && (
                  <span className="hint"> — {error.extensions.userFriendlyMessage}</span>
                )}
              {error.locations?.map((location) => (
                <button
                  key={`${location.line}:${location.column}`}
                  className="link"
                  onClick={() => onLocate?.(location.line, location.column)}
                >
                  line {location.line}, column {location.column}
                </button>
              ))}
              {error.path && <code className="hint"> at {error.path.join('.')}</code>}
            </li>
          ))}
        </ul>
      )}
      <div className="result-body">
        {view === 'table' && records ? (
          <RecordTable records={records} />
        ) : view === 'headers' ? (
          <dl className="result-headers">
            {Object.entries(exchange.headers).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : exchange.body !== null && typeof exchange.body === 'object' ? (
          <JsonView
            value={exchange.body as object}
            style={dark() ? githubDarkTheme : githubLightTheme}
            collapsed={3}
            displayDataTypes={false}
            enableClipboard
          />
        ) : (
          <pre className="result-text">{exchange.text ?? JSON.stringify(exchange.body)}</pre>
        )}
      </div>
    </section>
  );
};
