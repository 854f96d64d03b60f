import type { ToolId } from '../../app/store';
import { useActiveConnection } from '../workspaces/connection-queries';

const TOOLS: Record<
  Exclude<ToolId, 'connections' | 'access'>,
  { title: string; lead: string; items: string[] }
> = {
  'data-model': {
    title: 'Data model',
    lead: 'Design objects, fields and relations on a diagram, and apply them as one reviewed change.',
    items: [
      'Objects and relations on a canvas',
      'Field editor for every Twenty field type',
      'Diff and apply to the workspace',
    ],
  },
  playground: {
    title: 'Query playground',
    lead: 'Write REST and GraphQL queries against the active workspace with completion from its schema.',
    items: [
      'GraphQL with schema-aware completion',
      'REST requests with filters',
      'Offline replica of a real workspace',
    ],
  },
  import: {
    title: 'Import',
    lead: 'Bring spreadsheets into Twenty with mapping, validation and a dry run.',
    items: [
      'CSV and XLSX',
      'Column mapping and value checks',
      'Batched, resumable import within rate limits',
    ],
  },
  webhooks: {
    title: 'Webhooks',
    lead: 'Receive, inspect and replay Twenty webhooks with their signatures checked.',
    items: ['Live delivery log', 'Signature verification', 'Replay to any target'],
  },
};

/** The four tools arrive with their own issues; until then each page says what it will do. */
export const ToolPlaceholder = ({ tool }: { tool: Exclude<ToolId, 'connections' | 'access'> }) => {
  const spec = TOOLS[tool];
  const active = useActiveConnection();
  return (
    <div className="placeholder">
      <h1 className="page-title">{spec.title}</h1>
      <p className="page-subtitle">{spec.lead}</p>
      <p>
        Workspace: <strong data-testid="active-workspace-name">{active?.name ?? '…'}</strong>{' '}
        <span className="mono">{active?.baseUrl}</span>
      </p>
      <p>Coming in this tool:</p>
      <ul>
        {spec.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
};
