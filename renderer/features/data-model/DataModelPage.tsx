import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  useReactFlow,
  type Edge,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Download, RefreshCw, Search } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DiagramLayout } from '../../../shared/contract/data-model';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { useActiveConnection } from '../workspaces/connection-queries';
import { useDataModelView } from './data-model-store';
import { layoutGraph } from './elk-layout';
import { exportDiagram } from './export-diagram';
import { buildGraph, type ObjectNode } from './model-graph';
import { ObjectNodeView } from './ObjectNodeView';

const NODE_TYPES = { object: ObjectNodeView };
const FILTERS = [
  { key: 'customOnly', label: 'Custom only' },
  { key: 'showSystem', label: 'Show system' },
] as const;

const Diagram = ({ connectionId }: { connectionId: string }) => {
  const queryClient = useQueryClient();
  const view = useDataModelView();
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
  const graph = useMemo(
    () =>
      model.data
        ? buildGraph(model.data.model, view)
        : { nodes: [] as ObjectNode[], edges: [] as Edge[] },
    [model.data, view],
  );
  const [nodes, setNodes, onNodesChange] = useNodesState<ObjectNode>([]);
  // Saved positions are read when laying out, not a reason to lay out again (a drag saves them).
  const saved = useRef<DiagramLayout['positions'] | null>(null);
  if (layout.data && !saved.current) saved.current = layout.data.positions;
  const shownIds = useRef('');

  // ELK places every object; positions the admin dragged win over it. The view is fitted again
  // only when the set of objects changes (a filter), never after a drag.
  const layoutReady = layout.data !== undefined;
  useEffect(() => {
    if (!layoutReady) return;
    let cancelled = false;
    void layoutGraph(graph.nodes, graph.edges).then((computed) => {
      if (cancelled) return;
      const positions = saved.current ?? {};
      setNodes(
        graph.nodes.map((node) => ({
          ...node,
          position: positions[node.id] ?? computed[node.id] ?? node.position,
        })),
      );
      const ids = graph.nodes.map((node) => node.id).join(',');
      if (ids !== shownIds.current) {
        shownIds.current = ids;
        requestAnimationFrame(() => void flow.fitView({ padding: 0.1 }));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [graph, layoutReady, setNodes, flow]);

  // The searched object is marked without laying anything out again.
  const shown = useMemo(
    () =>
      nodes.map((node) =>
        node.data.highlighted === (node.id === highlight)
          ? node
          : { ...node, data: { ...node.data, highlighted: node.id === highlight } },
      ),
    [nodes, highlight],
  );

  const keepPositions = (moved: ObjectNode[]) => {
    const positions = { ...(saved.current ?? {}) };
    for (const node of moved) positions[node.id] = { x: node.position.x, y: node.position.y };
    const next: DiagramLayout = { positions };
    saved.current = positions;
    queryClient.setQueryData(['dataModel', 'layout', connectionId], next);
    rpc.call('dataModel.saveLayout', { connectionId, layout: next }).catch(toastError);
  };

  const focus = (term: string) => {
    const needle = term.trim().toLowerCase();
    if (!needle || !model.data) return;
    const match =
      model.data.model.objects.find(
        (object) =>
          object.nameSingular.toLowerCase() === needle ||
          object.labelSingular.toLowerCase() === needle,
      ) ??
      model.data.model.objects.find(
        (object) =>
          object.nameSingular.toLowerCase().includes(needle) ||
          object.labelSingular.toLowerCase().includes(needle),
      );
    if (!match) return toastError(new Error(`No object matches "${term}"`));
    setHighlight(match.nameSingular);
    void flow.fitView({ nodes: [{ id: match.nameSingular }], duration: 400, maxZoom: 1.2 });
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
            {model.data?.model.objects.map((object) => (
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
      {model.data?.source === 'cache' && (
        <p className="notice" role="status">
          Offline copy read {new Date(model.data.readAt).toLocaleString()}: {model.data.problem}
        </p>
      )}
      <div className="diagram" ref={wrapper} data-testid="diagram">
        <ReactFlow
          nodes={shown}
          edges={graph.edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onNodeDragStop={(_event, _node, moved) => keepPositions(moved as ObjectNode[])}
          onPaneClick={() => setHighlight(null)}
          minZoom={0.05}
          onlyRenderVisibleElements
          proOptions={{ hideAttribution: true }}
          colorMode="system"
        >
          <Background gap={24} />
          <MiniMap pannable zoomable />
          <Controls />
        </ReactFlow>
      </div>
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
          <Diagram connectionId={active.id} />
        </ReactFlowProvider>
      )}
    </div>
  );
};
