import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  getNodesBounds,
  getViewportForBounds,
  useReactFlow,
  useStore,
  type Edge,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Download, RefreshCw, Search } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { toSchemaDocument } from '../../../shared/schema/model-to-schema';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { useActiveConnection } from '../workspaces/connection-queries';
import { useDataModelView } from './data-model-store';
import { overlayDraft } from './draft-overlay';
import { draftProblems } from './draft-problems';
import { CompareDialog } from './editor/CompareDialog';
import { DraftBar } from './editor/DraftBar';
import { EditorPanel, takenObjectNames } from './editor/EditorPanel';
import { PlanReview } from './editor/PlanReview';
import { RelationDialog } from './editor/RelationDialog';
import {
  clearDraftHistory,
  emptyRenames,
  isDraftEmpty,
  redoDraft,
  undoDraft,
  useDraftStore,
  type Positions,
} from './draft-store';
import { layoutGraph } from './elk-layout';
import { exportDiagram } from './export-diagram';
import { buildGraph, type ObjectNode } from './model-graph';
import { COMPACT_BELOW_ZOOM, ObjectNodeView } from './ObjectNodeView';
import { useDraftPersistence } from './use-draft-persistence';

const NODE_TYPES = { object: ObjectNodeView };
const MIN_ZOOM = 0.05;
const FILTERS = [
  { key: 'customOnly', label: 'Custom only' },
  { key: 'showSystem', label: 'Show system' },
] as const;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);

const Diagram = ({
  connectionId,
  connectionName,
}: {
  connectionId: string;
  connectionName: string;
}) => {
  const queryClient = useQueryClient();
  // Only the view options shape the graph; selecting an object must not lay it out again.
  const view = useDataModelView(
    useShallow(({ customOnly, showSystem, naming, fields, set }) => ({
      customOnly,
      showSystem,
      naming,
      fields,
      set,
    })),
  );
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const model = useQuery({
    queryKey: ['dataModel', connectionId],
    queryFn: () => rpc.call('dataModel.getModel', { connectionId }),
  });
  const layout = useQuery({
    queryKey: ['dataModel', 'layout', connectionId],
    queryFn: () => rpc.call('dataModel.getLayout', { connectionId }),
    staleTime: Infinity,
  });
  const draftRead = useQuery({
    queryKey: ['schema', 'draft', connectionId],
    queryFn: () => rpc.call('schema.getDraft', { connectionId }),
    staleTime: Infinity,
    gcTime: 0,
  });
  const store = useDraftStore();
  const loaded = store.connectionId === connectionId && store.base !== null;
  // The draft is loaded once per workspace: later model reads do not overwrite the admin's work.
  useEffect(() => {
    if (loaded || !model.data || !layout.data || draftRead.isPending) return;
    const live = toSchemaDocument(model.data.model);
    const saved = draftRead.data ?? null;
    // A draft the workspace already matches (applied elsewhere, or by the CLI) is spent.
    const spent =
      saved !== null && isDraftEmpty({ base: live, target: saved.target, renames: emptyRenames() });
    if (spent) rpc.call('schema.discardDraft', { connectionId }).catch(toastError);
    useDraftStore.getState().load(connectionId, live, spent ? null : saved, layout.data.positions);
    clearDraftHistory();
  }, [loaded, model.data, layout.data, draftRead.isPending, draftRead.data, connectionId]);
  useDraftPersistence(connectionId, loaded);

  const overlay = useMemo(
    () =>
      model.data && loaded && store.base && store.target
        ? overlayDraft(model.data.model, {
            base: store.base,
            target: store.target,
            renames: store.renames,
          })
        : null,
    [model.data, loaded, store.base, store.target, store.renames],
  );
  const problems = useMemo(
    () =>
      overlay && store.target ? draftProblems(overlay.model, overlay.marks, store.target) : [],
    [overlay, store.target],
  );
  const graph = useMemo(
    () =>
      overlay
        ? buildGraph(overlay.model, view, overlay.marks)
        : { nodes: [] as ObjectNode[], edges: [] as Edge[], collapsed: false },
    [overlay, view],
  );
  const [nodes, setNodes, onNodesChange] = useNodesState<ObjectNode>([]);
  // Edge labels measure themselves when they mount: not worth it where they cannot be read.
  const zoomedOut = useStore((state) => state.transform[2] < COMPACT_BELOW_ZOOM);
  const edges = useMemo(
    () => (zoomedOut ? graph.edges.map((edge) => ({ ...edge, label: undefined })) : graph.edges),
    [graph.edges, zoomedOut],
  );
  // Kept positions are read when laying out, not a reason to lay out again (a drag keeps them).
  const saved = useRef<Positions>({});
  saved.current = store.positions;
  const shownIds = useRef('');
  const [relationFrom, setRelationFrom] = useState<{
    source: string;
    target: string | null;
  } | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [comparing, setComparing] = useState(false);

  // ELK places every object; positions the admin dragged win over it. The view is fitted again
  // only when the set of objects changes (a filter), never after a drag.
  const layoutReady = loaded;
  useEffect(() => {
    if (!layoutReady) return;
    let cancelled = false;
    void layoutGraph(graph.nodes, graph.edges).then((computed) => {
      if (cancelled) return;
      const positions = saved.current;
      const placed = graph.nodes.map((node) => ({
        ...node,
        position: positions[node.id] ?? computed[node.id] ?? node.position,
      }));
      setNodes(placed);
      const ids = graph.nodes.map((node) => node.id).join(',');
      const box = wrapper.current?.getBoundingClientRect();
      if (ids !== shownIds.current && box && placed.length > 0) {
        shownIds.current = ids;
        // Fitted from the known sizes: fitView would wait for every node to be measured, and
        // off-screen nodes are never drawn.
        void flow.setViewport(
          getViewportForBounds(getNodesBounds(placed), box.width, box.height, MIN_ZOOM, 1.2, 0.1),
        );
      }
    });
    return () => {
      cancelled = true;
    };
  }, [graph, layoutReady, setNodes, flow]);

  // An undo or redo of a move puts the objects back where the history says.
  useEffect(() => {
    setNodes((current) =>
      current.map((node) => {
        const kept = store.positions[node.id];
        return kept && (kept.x !== node.position.x || kept.y !== node.position.y)
          ? { ...node, position: kept }
          : node;
      }),
    );
  }, [store.positions, setNodes]);

  const selection = useDataModelView((state) => state.selection);
  // The searched and the selected object are marked without laying anything out again.
  const shown = useMemo(
    () =>
      nodes.map((node) => {
        const highlighted = node.id === highlight;
        const selected = node.id === selection?.object;
        return node.data.highlighted === highlighted &&
          node.data.selected === selected &&
          node.data.zoomedOut === zoomedOut
          ? node
          : { ...node, data: { ...node.data, highlighted, selected, zoomedOut } };
      }),
    [nodes, highlight, selection?.object, zoomedOut],
  );

  const keepPositions = (moved: ObjectNode[]) =>
    store.move(
      Object.fromEntries(
        moved.map((node) => [node.id, { x: node.position.x, y: node.position.y }]),
      ),
    );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undoDraft();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redoDraft();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const afterApply = async (applied: boolean) => {
    setReviewing(false);
    if (!applied) return;
    try {
      // Main read the model again after applying; what is left of the draft is kept against it.
      const read = await rpc.call('dataModel.getModel', { connectionId });
      queryClient.setQueryData(['dataModel', connectionId], read);
      const fresh = toSchemaDocument(read.model);
      const left = useDraftStore.getState().target;
      useDraftStore.getState().reset(fresh);
      // What the plan did not apply (it stopped) stays a draft against the workspace as it is now.
      if (left && !isDraftEmpty({ base: fresh, target: left, renames: emptyRenames() }))
        useDraftStore.getState().edit((draft) => ({ ...draft, target: left }));
      else await rpc.call('schema.discardDraft', { connectionId });
      clearDraftHistory();
    } catch (error) {
      toastError(error);
    }
  };

  const objects = overlay?.model.objects ?? [];
  const focus = (term: string) => {
    const needle = term.trim().toLowerCase();
    if (!needle || !overlay) return;
    const match =
      objects.find(
        (object) =>
          object.nameSingular.toLowerCase() === needle ||
          object.labelSingular.toLowerCase() === needle,
      ) ??
      objects.find(
        (object) =>
          object.nameSingular.toLowerCase().includes(needle) ||
          object.labelSingular.toLowerCase().includes(needle),
      );
    if (!match) return toastError(new Error(`No object matches "${term}"`));
    setHighlight(match.nameSingular);
    useDataModelView.getState().select({ object: match.nameSingular });
    // Once the side panel the selection opens has narrowed the diagram, or the object would be
    // centred under the panel.
    requestAnimationFrame(() =>
      requestAnimationFrame(
        () =>
          void flow.fitView({ nodes: [{ id: match.nameSingular }], duration: 400, maxZoom: 1.2 }),
      ),
    );
  };

  const refresh = async () => {
    try {
      const read = await rpc.call('dataModel.getModel', { connectionId, refresh: true });
      queryClient.setQueryData(['dataModel', connectionId], read);
    } catch (error) {
      toastError(error);
    }
  };

  if (model.isError) {
    return (
      <p className="empty" role="alert">
        The model could not be read: {(model.error as Error).message}{' '}
        <button className="btn small" onClick={() => void model.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  return (
    <>
      <div className="diagram-toolbar" role="toolbar" aria-label="Diagram">
        <form
          className="search"
          onSubmit={(event) => {
            event.preventDefault();
            focus(search);
          }}
        >
          <Search size={14} />
          <input
            aria-label="Find an object"
            placeholder="Find an object…"
            list="model-objects"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <datalist id="model-objects">
            {objects.map((object) => (
              <option key={object.id} value={object.labelSingular} />
            ))}
          </datalist>
        </form>
        {FILTERS.map(({ key, label }) => (
          <label className="check" key={key}>
            <input
              type="checkbox"
              checked={view[key]}
              onChange={(event) => view.set({ [key]: event.target.checked })}
            />
            {label}
          </label>
        ))}
        <div className="segmented" role="group" aria-label="Names">
          <button
            aria-pressed={view.naming === 'label'}
            onClick={() => view.set({ naming: 'label' })}
          >
            Labels
          </button>
          <button aria-pressed={view.naming === 'api'} onClick={() => view.set({ naming: 'api' })}>
            API names
          </button>
        </div>
        <div className="segmented" role="group" aria-label="Fields">
          <button
            aria-pressed={!graph.collapsed}
            title="Every object with its fields"
            onClick={() => view.set({ fields: 'shown' })}
          >
            Fields
          </button>
          <button
            aria-pressed={graph.collapsed}
            title="Objects only, with their field counts (the default above 120 objects)"
            onClick={() => view.set({ fields: 'collapsed' })}
          >
            Collapsed
          </button>
        </div>
        <div className="spacer" />
        <span className="meta">
          {model.data
            ? `${graph.nodes.length} objects · ${graph.edges.length} relations`
            : 'Reading…'}
        </span>
        <button className="btn small" onClick={refresh} aria-label="Read the model again">
          <RefreshCw size={14} />
        </button>
        {(['png', 'svg'] as const).map((format) => (
          <button
            key={format}
            className="btn small"
            onClick={() =>
              wrapper.current &&
              exportDiagram(wrapper.current, format, `data-model-${connectionId}`).catch(toastError)
            }
          >
            <Download size={14} /> {format.toUpperCase()}
          </button>
        ))}
      </div>
      <DraftBar
        connectionName={connectionName}
        takenNames={takenObjectNames(overlay?.model ?? { objects: [] }, '')}
        onReview={() => setReviewing(true)}
        onDiscard={() => {
          const { base } = useDraftStore.getState();
          if (base) useDraftStore.getState().reset(base);
        }}
        onCompare={() => setComparing(true)}
        problems={problems}
      />
      {model.data?.source === 'cache' && (
        <p className="notice" role="status">
          Offline copy read {new Date(model.data.readAt).toLocaleString()}: {model.data.problem}
        </p>
      )}
      <div className="diagram-body">
        <div className="diagram" ref={wrapper} data-testid="diagram">
          <ReactFlow
            nodes={shown}
            edges={edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onNodeDragStop={(_event, _node, moved) => keepPositions(moved as ObjectNode[])}
            onNodeClick={(_event, node) => useDataModelView.getState().select({ object: node.id })}
            onConnect={({ source, target }) => source && setRelationFrom({ source, target })}
            onPaneClick={() => setHighlight(null)}
            minZoom={MIN_ZOOM}
            onlyRenderVisibleElements
            proOptions={{ hideAttribution: true }}
            colorMode="system"
          >
            <Background gap={24} />
            <MiniMap pannable zoomable />
            <Controls />
          </ReactFlow>
        </div>
        {overlay && (
          <EditorPanel
            connectionId={connectionId}
            model={overlay.model}
            marks={overlay.marks}
            onAddRelation={(source) => setRelationFrom({ source, target: null })}
          />
        )}
      </div>
      {relationFrom && overlay && (
        <RelationDialog
          source={objects.find((o) => o.nameSingular === relationFrom.source) ?? objects[0]!}
          target={objects.find((o) => o.nameSingular === relationFrom.target) ?? null}
          objects={objects.filter(
            (o) => !o.isSystem && overlay.marks.get(o.nameSingular) !== 'removed',
          )}
          takenObjectNames={takenObjectNames(overlay.model, '')}
          onClose={() => setRelationFrom(null)}
        />
      )}
      {reviewing && store.target && (
        <PlanReview
          connectionId={connectionId}
          workspaceName={connectionName}
          target={store.target}
          renames={store.renames}
          base={store.base}
          onClose={(applied) => void afterApply(applied)}
        />
      )}
      {comparing && (
        <CompareDialog activeConnectionId={connectionId} onClose={() => setComparing(false)} />
      )}
    </>
  );
};

/** Tool 1: the active workspace's model on a diagram. */
export const DataModelPage = () => {
  const active = useActiveConnection();
  if (!active) return <p className="empty">Loading…</p>;
  return (
    <div className="diagram-page">
      <div className="diagram-title">
        <h1>Data model</h1>
        <span data-testid="active-workspace-name">{active.name}</span>
      </div>
      {active.status.state === 'starting' ? (
        // Read once it is up: a read now would only fail.
        <p className="empty" role="status">
          The local workspace is starting…
        </p>
      ) : (
        <ReactFlowProvider key={active.id}>
          <Diagram connectionId={active.id} connectionName={active.name} />
        </ReactFlowProvider>
      )}
    </div>
  );
};
