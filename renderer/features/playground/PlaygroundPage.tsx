import * as Dialog from '@radix-ui/react-dialog';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { BookOpen, Copy, Play, Plus, RefreshCw, Save, Sparkles, X } from 'lucide-react';
import { toast } from 'sonner';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  playgroundRequestSchema,
  type PlaygroundRequest,
  type PlaygroundRequestInput,
  type RateLimitMeter,
  type RunOutput,
} from '../../../shared/contract/playground';
import {
  firstPage,
  movePage,
  pageOfAnswer,
  type PageDirection,
  type PagerState,
} from '../../../shared/playground/pagination';
import { curlOf, fetchOf, restAsGraphql } from '../../../shared/playground/snippets';
import { graphqlAsRest } from '../../../shared/playground/graphql-as-rest';
import { rateLimitWait, type RateLimitWait } from '../../../shared/playground/rate-limit-wait';
import { requestCost } from '../../../shared/playground/request-cost';
import { analyzeOperation } from '../../../shared/domain/graphql-operation';
import { isAppError } from '../../../shared/errors/app-error';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { useActiveConnection } from '../workspaces/connection-queries';
import { CodeEditor } from './CodeEditor';
import { CompareResults, type Comparison } from './CompareResults';
import { documentUri, graphqlApi, monaco } from './monaco-setup';
import { operationAt } from './operation-at';
import { Pager } from './Pager';
import { usePlayground, type PlaygroundTab } from './playground-store';
import { QueryLibrary } from './QueryLibrary';
import { RateLimitDialog } from './RateLimitDialog';
import { actAsOf } from './run-as';
import { RunAsSelect } from './RunAsSelect';
import { useRunTarget, type RunOn } from './run-target';
import { SchemaExplorer, asOperation, type SchemaFocus } from './schema-explorer';
import { indexSchema } from './schema-explorer/schema-index';
import { schemaFocusAt } from './schema-focus';
import { RestRequestPane } from './rest-builder/RestRequestPane';
import { ResultPanel } from './ResultPanel';
import { useWorkspaceModel, workspaceModelKey } from './use-workspace-model';

/**
 * Tool 2: GraphQL and REST against the active workspace, with completion and validation from its
 * introspected schema (kept, so it works offline), several tabs, and Twenty's answer as it came.
 */
const parseJson = (text: string, what: string): Record<string, unknown> => {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} are not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
};

const requestOf = (tab: PlaygroundTab, cursor: number): PlaygroundRequestInput => {
  const headers = parseJson(tab.headers, 'Headers') as Record<string, string>;
  if (tab.kind === 'graphql')
    return {
      kind: 'graphql',
      api: tab.api,
      query: tab.query,
      variables: parseJson(tab.variables, 'Variables'),
      operationName: operationAt(tab.query, cursor),
      headers,
    };
  return {
    kind: 'rest',
    api: tab.api,
    method: tab.method,
    path: tab.path.startsWith('/') ? tab.path : `/${tab.path}`,
    body: tab.method === 'GET' ? null : JSON.parse(tab.body || 'null'),
    headers,
  };
};

/** A request (saved, from history) as a tab's fields. */
const tabOf = (request: PlaygroundRequest): Partial<PlaygroundTab> =>
  request.kind === 'graphql'
    ? {
        kind: 'graphql',
        api: request.api,
        query: request.query,
        variables: JSON.stringify(request.variables ?? {}, null, 2),
        headers: JSON.stringify(request.headers, null, 2),
      }
    : {
        kind: 'rest',
        api: request.api,
        method: request.method,
        path: request.path,
        body: request.body === null ? '{}' : JSON.stringify(request.body, null, 2),
        headers: JSON.stringify(request.headers, null, 2),
      };

/** Whether a request can change data: it never runs on both sides to be compared. */
const isWrite = (request: PlaygroundRequestInput): boolean =>
  request.kind === 'rest'
    ? request.method !== 'GET'
    : analyzeOperation(request.query, request.operationName ?? undefined).kind === 'mutation';

const RunTargetSwitch = ({ runOn, onChange }: { runOn: RunOn; onChange(runOn: RunOn): void }) => (
  <div
    className="segmented"
    role="group"
    aria-label="Run on"
    title="The live workspace, its offline replica, or both to compare their answers"
  >
    {(['live', 'replica', 'both'] as const).map((option) => (
      <button key={option} aria-pressed={runOn === option} onClick={() => onChange(option)}>
        {option === 'live' ? 'Live' : option === 'replica' ? 'Replica' : 'Both'}
      </button>
    ))}
  </div>
);

const window_ = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`);

const RateMeter = ({ meter }: { meter: RateLimitMeter | undefined }) =>
  meter && meter.buckets.length > 0 ? (
    <span
      className="rate-meter"
      data-testid="rate-meter"
      title="Requests left in Twenty's rate-limit windows, as this app's client counts them"
    >
      {meter.buckets
        .map((bucket) => `${bucket.remaining}/${bucket.limit} per ${window_(bucket.windowMs)}`)
        .join(' · ')}
      {meter.pausedForMs > 0 && ` · paused ${Math.ceil(meter.pausedForMs / 1000)} s`}
    </span>
  ) : null;

export const PlaygroundPage = () => {
  const active = useActiveConnection();
  const { tabs, activeId, open, close, activate, update } = usePlayground();
  const tab = tabs.find((candidate) => candidate.id === activeId) ?? tabs[0]!;
  const connectionId = active?.id ?? null;
  const target = useRunTarget(active);
  // The workspace a run goes to (the live one when comparing both).
  const runConnection = target
    ? target.runOn === 'replica'
      ? target.replica
      : target.live
    : active;
  const runId = runConnection?.id ?? null;
  const queryClient = useQueryClient();
  const [results, setResults] = useState<Record<string, RunOutput | undefined>>({});
  // The request each tab's answer came from and the page it is, for the result panel's pager.
  const [pages, setPages] = useState<
    Record<string, { request: PlaygroundRequest; pager: PagerState } | undefined>
  >({});
  // Why the last run of a tab never reached Twenty (refused, offline): shown where the answer goes.
  const [failures, setFailures] = useState<Record<string, string | undefined>>({});
  const [running, setRunning] = useState(false);
  const [confirming, setConfirming] = useState<PlaygroundRequestInput | null>(null);
  const [side, setSide] = useState<'variables' | 'headers'>('variables');
  const [comparisons, setComparisons] = useState<Record<string, Comparison | undefined>>({});
  const [rateWarning, setRateWarning] = useState<{
    request: PlaygroundRequestInput;
    cost: number;
    wait: RateLimitWait;
  } | null>(null);
  const [docs, setDocs] = useState(false);
  const [docsFocus, setDocsFocus] = useState<SchemaFocus | null>(null);
  const queryEditor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  const schemas = {
    core: useQuery({
      queryKey: ['playground', 'schema', connectionId, 'core'],
      queryFn: () =>
        rpc.call('playground.introspect', { connectionId: connectionId!, api: 'core' }),
      enabled: connectionId !== null && active?.status.state !== 'starting',
      staleTime: Infinity,
    }),
    metadata: useQuery({
      queryKey: ['playground', 'schema', connectionId, 'metadata'],
      queryFn: () =>
        rpc.call('playground.introspect', { connectionId: connectionId!, api: 'metadata' }),
      enabled: connectionId !== null && active?.status.state !== 'starting',
      staleTime: Infinity,
    }),
  };
  // The editor's own actions (F12) outlive renders: they read the latest schema and tab here.
  const schemasRef = useRef({ core: schemas.core.data, metadata: schemas.metadata.data });
  schemasRef.current = { core: schemas.core.data, metadata: schemas.metadata.data };
  const tabRef = useRef(tab);
  tabRef.current = tab;
  const workspaceModel = useWorkspaceModel(connectionId, active?.status.state !== 'starting');
  const meter = useQuery({
    queryKey: ['playground', 'rateLimit', runId],
    queryFn: () => rpc.call('playground.rateLimit', { connectionId: runId! }),
    enabled: runId !== null && runConnection?.status.state !== 'starting',
    refetchInterval: 5000,
  });

  // Each tab's document is checked against its API's schema (by model URI).
  const tabKey = tabs.map((t) => `${t.id}:${t.api}`).join(',');
  useEffect(() => {
    const configs = (['core', 'metadata'] as const).flatMap((api) => {
      const read = schemas[api].data;
      if (!read) return [];
      return [
        {
          // The language service caches a schema by URI: a schema read again gets a new one.
          uri: `atelier://schema/${connectionId}/${api}/${read.readAt}.graphql`,
          introspectionJSON: read.schema as never,
          fileMatch: tabs
            .filter((t) => t.api === api)
            .map((t) => documentUri(api, t.id, 'query').toString()),
        },
      ];
    });
    graphqlApi.setSchemaConfig(configs);
    graphqlApi.setDiagnosticSettings({
      ...graphqlApi.diagnosticSettings,
      validateVariablesJSON: Object.fromEntries(
        tabs.map((t) => [
          documentUri(t.api, t.id, 'query').toString(),
          [documentUri(t.api, t.id, 'variables').toString()],
        ]),
      ),
    });
  }, [schemas.core.data, schemas.metadata.data, tabKey, connectionId]);

  /** Runs a request for the active tab; `pager` when it reads another page of the last answer. */
  const send = async (
    request: PlaygroundRequestInput,
    confirmMutation = false,
    pager?: PagerState,
  ) => {
    if (!runId) return;
    setRunning(true);
    try {
      const output = await rpc.call('playground.run', {
        connectionId: runId,
        request,
        confirmMutation,
        actAs: actAsOf(usePlayground.getState().actAs[runId]),
      });
      setResults((current) => ({ ...current, [tab.id]: output }));
      setComparisons((current) => ({ ...current, [tab.id]: undefined }));
      const parsed = playgroundRequestSchema.safeParse(request);
      setPages((current) => ({
        ...current,
        [tab.id]: parsed.success
          ? { request: parsed.data, pager: pager ?? firstPage(parsed.data) }
          : undefined,
      }));
      setFailures((current) => ({ ...current, [tab.id]: undefined }));
      void queryClient.invalidateQueries({ queryKey: ['playground', 'history', runId] });
      queryClient.setQueryData(['playground', 'rateLimit', runId], output.rateLimit);
    } catch (error) {
      if (isAppError(error) && error.details?.needsConfirmation) setConfirming(request);
      else {
        setFailures((current) => ({ ...current, [tab.id]: (error as Error).message }));
        toastError(error);
      }
    } finally {
      setRunning(false);
    }
  };

  /** The same read on the live workspace and its replica, answers kept side by side. */
  const compareBoth = async (request: PlaygroundRequestInput) => {
    if (!target) return;
    if (isWrite(request)) {
      toastError(
        new Error('Only reads are compared: a write would change both workspaces. Run it on one.'),
      );
      return;
    }
    setRunning(true);
    const answers = await Promise.allSettled(
      [target.live.id, target.replica.id].map((id) =>
        rpc.call('playground.run', { connectionId: id, request, confirmMutation: false }),
      ),
    );
    const [live, replica] = answers.map((answer) =>
      answer.status === 'fulfilled' ? answer.value : (answer.reason as Error).message,
    );
    setComparisons((current) => ({ ...current, [tab.id]: { live: live!, replica: replica! } }));
    setFailures((current) => ({ ...current, [tab.id]: undefined }));
    for (const id of [target.live.id, target.replica.id])
      void queryClient.invalidateQueries({ queryKey: ['playground', 'history', id] });
    setRunning(false);
  };

  const run = () => {
    try {
      const model = queryEditor.current?.getModel();
      const position = queryEditor.current?.getPosition();
      const cursor = model && position ? model.getOffsetAt(position) : 0;
      const request = requestOf(tab, cursor);
      if (target?.runOn === 'both') {
        void compareBoth(request);
        return;
      }
      // A run the rate limit would hold back is the admin's call, not a surprise wait.
      const cost = requestCost(request);
      const wait = meter.data && cost > 0 ? rateLimitWait(meter.data, cost) : null;
      if (wait && runConnection?.kind === 'remote') setRateWarning({ request, cost, wait });
      else void send(request);
    } catch (error) {
      toastError(error);
    }
  };

  /** F12 / "Go to definition in the schema": the schema docs opened where the cursor is. */
  const showInSchema = () => {
    const editor = queryEditor.current;
    const read = schemasRef.current[tabRef.current.api];
    const position = editor?.getPosition();
    if (!editor || !read || !position) return;
    const focus = schemaFocusAt(
      indexSchema(read.schema as never).schema,
      editor.getValue(),
      position.lineNumber - 1,
      position.column - 1,
    );
    if (!focus) return;
    setDocs(true);
    // A new object each time: the explorer moves on a changed focus only.
    setDocsFocus({ ...focus });
  };

  const insertFromSchema = (
    text: string,
    operation: 'query' | 'mutation' | 'subscription' | null,
  ) => {
    const editor = queryEditor.current;
    const selection = editor?.getSelection();
    if (!editor || !selection) return;
    const empty = !editor.getValue().trim();
    editor.executeEdits('schema-explorer', [
      {
        range: selection,
        text: empty && operation ? asOperation(text, operation) : text,
        forceMoveMarkers: true,
      },
    ]);
    editor.focus();
  };

  const current = (): PlaygroundRequest => {
    const model = queryEditor.current?.getModel();
    const position = queryEditor.current?.getPosition();
    return playgroundRequestSchema.parse(
      requestOf(tab, model && position ? model.getOffsetAt(position) : 0),
    );
  };

  const save = async (overwrite = false) => {
    if (!connectionId) return;
    try {
      await rpc.call('playground.saveQuery', {
        connectionId,
        name: tab.title,
        request: current(),
        overwrite,
      });
      toast.success(`Saved "${tab.title}"`);
      await queryClient.invalidateQueries({ queryKey: ['playground', 'saved', connectionId] });
    } catch (error) {
      if (isAppError(error) && error.code === 'CONFLICT')
        toast(`A saved query is already called "${tab.title}"`, {
          action: { label: 'Replace it', onClick: () => void save(true) },
        });
      else toastError(error);
    }
  };

  const copyAs = async (format: string) => {
    try {
      const request = current();
      const baseUrl = active!.baseUrl;
      let text: string;
      if (format === 'curl') text = curlOf(request, baseUrl);
      else if (format === 'fetch') text = fetchOf(request, baseUrl);
      else {
        const read = await queryClient.fetchQuery({
          queryKey: workspaceModelKey(active!.id),
          queryFn: () => rpc.call('dataModel.getModel', { connectionId: active!.id }),
        });
        if (request.kind === 'graphql') {
          const rest = graphqlAsRest(request, read.model);
          if ('problem' in rest) throw new Error(`No REST twin: ${rest.problem}`);
          open({ ...tabOf(rest.request), title: `${tab.title} (REST)` });
          return;
        }
        const twin = restAsGraphql(request, read.model, { paged: true });
        if (!twin)
          throw new Error(
            'This request has no GraphQL twin (only REST lists: GET with filter, order_by, limit)',
          );
        open({
          title: `${tab.title} (GraphQL)`,
          kind: 'graphql',
          api: 'core',
          query: twin.query,
          variables: JSON.stringify(twin.variables, null, 2),
        });
        return;
      }
      await navigator.clipboard.writeText(text);
      toast.success(
        `Copied as ${format === 'curl' ? 'curl' : 'fetch (TypeScript)'}: the key is read from TWENTY_API_KEY`,
      );
    } catch (error) {
      toastError(error);
    }
  };

  /** Variables, headers and REST bodies: JSON, one model per tab. */
  const jsonPane = (field: 'variables' | 'headers' | 'body', label: string) => (
    <CodeEditor
      key={uris[field].toString()}
      uri={uris[field]}
      language="json"
      value={tab[field]}
      label={label}
      onChange={(value) => update(tab.id, { [field]: value })}
      onRun={run}
    />
  );

  const movePageTo = (direction: PageDirection) => {
    const last = pages[tab.id];
    const answer = pageOfAnswer(results[tab.id]?.exchange.body);
    if (!last || !answer) return;
    const move = movePage(last.request, last.pager, answer, direction);
    if (move.ok) void send(move.request, false, move.state);
    else toastError(new Error(move.problem));
  };

  const pagerOf = (output: RunOutput) => {
    const last = pages[tab.id];
    const answer = pageOfAnswer(output.exchange.body);
    if (!last || !answer || output.exchange.status >= 400) return null;
    return (
      <Pager
        request={last.request}
        state={last.pager}
        answer={answer}
        busy={running}
        onMove={movePageTo}
      />
    );
  };

  const locate = (line: number, column: number) => {
    queryEditor.current?.setPosition({ lineNumber: line, column });
    queryEditor.current?.revealLineInCenter(line);
    queryEditor.current?.focus();
  };

  const schema = schemas[tab.api];
  const result = results[tab.id];
  const uris = useMemo(
    () => ({
      query: documentUri(tab.api, tab.id, 'query'),
      variables: documentUri(tab.api, tab.id, 'variables'),
      headers: monaco.Uri.parse(`inmemory://playground/headers-${tab.id}.json`),
      body: monaco.Uri.parse(`inmemory://playground/body-${tab.id}.json`),
    }),
    [tab.api, tab.id],
  );

  if (!active) return <p className="empty">Loading…</p>;
  return (
    <div className="playground-page">
      <div className="diagram-title">
        <h1>Query playground</h1>
        <span data-testid="active-workspace-name">{active.name}</span>
        {active.readOnly && (
          <span className="badge" title="Set in Connections: writes are refused">
            read-only
          </span>
        )}
        <div className="spacer" />
        {runConnection?.kind === 'replica' ? (
          <span className="rate-meter" data-testid="rate-meter">
            Replica: no rate limit, no network
          </span>
        ) : (
          <RateMeter meter={meter.data} />
        )}
      </div>
      <div className="playground-tabs" role="tablist" aria-label="Queries">
        {tabs.map((t) => (
          <div key={t.id} className="playground-tab" data-active={t.id === tab.id}>
            <button role="tab" aria-selected={t.id === tab.id} onClick={() => activate(t.id)}>
              {t.title}
            </button>
            <button className="icon" aria-label={`Close ${t.title}`} onClick={() => close(t.id)}>
              <X size={12} />
            </button>
          </div>
        ))}
        <button className="icon" aria-label="New query tab" onClick={() => open()}>
          <Plus size={14} />
        </button>
      </div>
      <div className="diagram-toolbar" role="toolbar" aria-label="Query">
        <input
          className="tab-title"
          aria-label="Query name"
          value={tab.title}
          onChange={(event) => update(tab.id, { title: event.target.value })}
        />
        <div className="segmented" role="group" aria-label="Request kind">
          {(['graphql', 'rest'] as const).map((kind) => (
            <button
              key={kind}
              aria-pressed={tab.kind === kind}
              onClick={() => update(tab.id, { kind })}
            >
              {kind === 'graphql' ? 'GraphQL' : 'REST'}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="API">
          {(['core', 'metadata'] as const).map((api) => (
            <button
              key={api}
              aria-pressed={tab.api === api}
              onClick={() => update(tab.id, { api })}
            >
              {api === 'core' ? 'Core' : 'Metadata'}
            </button>
          ))}
        </div>
        {target && <RunTargetSwitch runOn={target.runOn} onChange={target.setRunOn} />}
        {tab.kind === 'graphql' && (
          <button
            className="btn small"
            aria-label="Schema docs"
            aria-pressed={docs}
            title="Schema docs (F12 in the editor opens what is under the cursor)"
            onClick={() => setDocs(!docs)}
          >
            <BookOpen size={14} />
          </button>
        )}
        {tab.kind === 'graphql' && (
          <button
            className="btn small"
            aria-label="Prettify"
            title="Prettify (Shift+Alt+F)"
            onClick={() =>
              void queryEditor.current?.getAction('editor.action.formatDocument')?.run()
            }
          >
            <Sparkles size={14} />
          </button>
        )}
        <button
          className="btn small"
          aria-label="Read the schema again"
          title="Read the schema again"
          onClick={() =>
            void rpc
              .call('playground.introspect', {
                connectionId: active.id,
                api: tab.api,
                refresh: true,
              })
              .then(async (read) => {
                queryClient.setQueryData(['playground', 'schema', active.id, tab.api], read);
                // Saved REST queries and the REST builder use the model: read it again too.
                queryClient.setQueryData(
                  workspaceModelKey(active.id),
                  await rpc.call('dataModel.getModel', { connectionId: active.id, refresh: true }),
                );
                await queryClient.invalidateQueries({
                  queryKey: ['playground', 'saved', active.id],
                });
              })
              .catch(toastError)
          }
        >
          <RefreshCw size={14} />
        </button>
        <button className="btn small" onClick={() => void save()}>
          <Save size={14} /> Save
        </button>
        <label className="copy-as">
          <Copy size={14} />
          <select
            aria-label="Copy as"
            value=""
            onChange={(event) => {
              const format = event.target.value;
              event.target.value = '';
              if (format) void copyAs(format);
            }}
          >
            <option value="">Copy as…</option>
            <option value="curl">curl</option>
            <option value="fetch">fetch (TypeScript)</option>
            <option value={tab.kind === 'rest' ? 'graphql' : 'rest'}>
              {tab.kind === 'rest' ? 'GraphQL twin (new tab)' : 'REST twin (new tab)'}
            </option>
          </select>
        </label>
        <div className="spacer" />
        <span className="meta">
          {schema.isPending
            ? 'Reading the schema…'
            : schema.data?.source === 'cache'
              ? `Schema from ${new Date(schema.data.readAt).toLocaleString()} (offline)`
              : ''}
        </span>
        {runId && target?.runOn !== 'both' && <RunAsSelect connectionId={runId} />}
        <button
          className="btn primary"
          onClick={run}
          disabled={running}
          title="Run (Ctrl/Cmd+Enter in the editor)"
        >
          <Play size={14} /> {running ? 'Running…' : 'Run'}
        </button>
      </div>
      <div className="playground-body" data-docs={docs && tab.kind === 'graphql'}>
        <QueryLibrary
          connectionId={active.id}
          onOpen={(request, title) => open({ ...tabOf(request), title })}
        />
        <div className="playground-editors">
          {tab.kind === 'graphql' ? (
            <>
              <div className="editor-main">
                <CodeEditor
                  key={uris.query.toString()}
                  uri={uris.query}
                  language="graphql"
                  value={tab.query}
                  label="GraphQL query"
                  onChange={(query) => update(tab.id, { query })}
                  onRun={run}
                  onReady={(editor) => {
                    queryEditor.current = editor;
                    editor.addAction({
                      id: 'atelier.schema-definition',
                      label: 'Go to definition in the schema',
                      keybindings: [monaco.KeyCode.F12],
                      contextMenuGroupId: 'navigation',
                      run: showInSchema,
                    });
                  }}
                />
              </div>
              <div className="segmented small" role="group" aria-label="Query inputs">
                <button aria-pressed={side === 'variables'} onClick={() => setSide('variables')}>
                  Variables
                </button>
                <button aria-pressed={side === 'headers'} onClick={() => setSide('headers')}>
                  Headers
                </button>
              </div>
              <div className="editor-side">
                {side === 'variables'
                  ? jsonPane('variables', 'Variables')
                  : jsonPane('headers', 'Headers')}
              </div>
            </>
          ) : (
            <RestRequestPane
              tab={tab}
              model={workspaceModel.data?.model}
              update={(patch) => update(tab.id, patch)}
              onRun={run}
              bodyUri={uris.body}
              jsonPane={jsonPane}
            />
          )}
        </div>
        <div className="playground-result">
          {failures[tab.id] && (
            <p className="run-failure" role="alert">
              Not sent: {failures[tab.id]}
            </p>
          )}
          {comparisons[tab.id] && target ? (
            <CompareResults
              comparison={comparisons[tab.id]!}
              liveName={target.live.name}
              replicaName={target.replica.name}
              onLocate={locate}
            />
          ) : result ? (
            <ResultPanel result={result} onLocate={locate} pager={pagerOf(result)} />
          ) : (
            <p className="empty">Run the query to see Twenty's answer here.</p>
          )}
        </div>
        {docs && tab.kind === 'graphql' && (
          <div className="playground-docs">
            {schema.data ? (
              <SchemaExplorer
                schema={schema.data.schema as never}
                api={tab.api}
                focus={docsFocus}
                onInsertField={(text, context) => insertFromSchema(text, context.operation)}
                onClose={() => setDocs(false)}
              />
            ) : (
              <p className="empty">Reading the schema…</p>
            )}
          </div>
        )}
      </div>
      {rateWarning && runConnection && (
        <RateLimitDialog
          workspace={runConnection.name}
          cost={rateWarning.cost}
          wait={rateWarning.wait}
          onCancel={() => setRateWarning(null)}
          onRun={() => {
            const { request } = rateWarning;
            setRateWarning(null);
            void send(request);
          }}
        />
      )}
      {confirming && runConnection && (
        <Dialog.Root open onOpenChange={(isOpen) => !isOpen && setConfirming(null)}>
          <Dialog.Portal>
            <Dialog.Overlay className="overlay" />
            <Dialog.Content className="dialog" aria-describedby={undefined}>
              <Dialog.Title>Change data in {runConnection.name}?</Dialog.Title>
              <p>
                This request can create, change or delete records in{' '}
                <strong>{runConnection.name}</strong> ({runConnection.baseUrl}). Run it there?
              </p>
              <div className="dialog-actions">
                <button className="btn" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
                <button
                  className="btn danger"
                  onClick={() => {
                    const request = confirming;
                    setConfirming(null);
                    void send(request, true);
                  }}
                >
                  Run on {runConnection.name}
                </button>
              </div>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      )}
    </div>
  );
};
