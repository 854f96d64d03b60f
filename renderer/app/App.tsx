import {
  Activity,
  Boxes,
  Cable,
  Command as CommandIcon,
  FileUp,
  ShieldCheck,
  Terminal,
  Webhook,
} from 'lucide-react';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { Toaster } from 'sonner';
import { ActivityPanel, useRunningJobCount } from '../features/activity/ActivityPanel';
import { CommandPalette, MOD_KEY } from '../features/command-palette/CommandPalette';
import { ToolPlaceholder } from '../features/tools/ToolPlaceholder';
import { ConnectionDialogs } from '../features/workspaces/ConnectionDialogs';
import { ConnectionsPage } from '../features/workspaces/ConnectionsPage';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';
import { TOOLS, useUi, type ToolId } from './store';

// The diagram (React Flow + ELK) loads when first opened, not with the shell.
const DataModelPage = lazy(() =>
  import('../features/data-model/DataModelPage').then((module) => ({
    default: module.DataModelPage,
  })),
);

// Monaco and its language workers load with the playground, not with the shell.
const PlaygroundPage = lazy(() =>
  import('../features/playground/PlaygroundPage').then((module) => ({
    default: module.PlaygroundPage,
  })),
);

// The import wizard (and the conversion code its preview runs) loads when first opened.
const ImportPage = lazy(() =>
  import('../features/imports/ImportPage').then((module) => ({
    default: module.ImportPage,
  })),
);

// The webhook inspector (and its JSON viewer) loads when first opened.
const WebhooksPage = lazy(() =>
  import('../features/webhooks/WebhooksPage').then((module) => ({
    default: module.WebhooksPage,
  })),
);

// The access matrix and key management load when first opened.
const AccessPage = lazy(() =>
  import('../features/access/AccessPage').then((module) => ({
    default: module.AccessPage,
  })),
);

const ICONS: Record<ToolId, ComponentType<{ size?: number }>> = {
  'data-model': Boxes,
  playground: Terminal,
  import: FileUp,
  webhooks: Webhook,
  connections: Cable,
  access: ShieldCheck,
};

/** Ctrl/Cmd+1…6 jump between tools; Escape closes the activity panel. */
const useGlobalShortcuts = () => {
  const { go, setActivityOpen } = useUi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.shiftKey && !event.altKey) {
        const tool = TOOLS.find((candidate) => candidate.shortcut === event.key);
        if (tool) {
          event.preventDefault();
          go(tool.id);
        }
      }
      if (
        event.key === 'Escape' &&
        !useUi.getState().connectionDialog &&
        !useUi.getState().paletteOpen
      ) {
        setActivityOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go, setActivityOpen]);
};

export const App = () => {
  const { tool, go, activityOpen, setActivityOpen, setPaletteOpen } = useUi();
  const running = useRunningJobCount();
  useGlobalShortcuts();
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <Boxes size={18} /> Atelier
        </div>
        <WorkspaceSwitcher />
        <div className="spacer" />
        <button
          className="btn ghost"
          onClick={() => setPaletteOpen(true)}
          aria-label="Open command palette"
        >
          <CommandIcon size={15} /> Commands <kbd>{MOD_KEY}+K</kbd>
        </button>
        <button
          className="btn ghost"
          aria-pressed={activityOpen}
          aria-label="Activity"
          onClick={() => setActivityOpen(!activityOpen)}
        >
          <Activity size={15} /> Activity {running > 0 && <span className="count">{running}</span>}
        </button>
      </header>
      <nav className="sidebar" aria-label="Tools">
        <div className="nav-section">Tools</div>
        {TOOLS.map((item) => {
          const Icon = ICONS[item.id];
          return (
            <button
              key={item.id}
              className="nav-item"
              aria-current={tool === item.id ? 'page' : undefined}
              onClick={() => go(item.id)}
            >
              <Icon size={16} /> {item.label}
              <kbd>
                {MOD_KEY}+{item.shortcut}
              </kbd>
            </button>
          );
        })}
      </nav>
      <main className="main">
        {tool === 'connections' ? (
          <ConnectionsPage />
        ) : tool === 'data-model' ? (
          <Suspense fallback={<p className="empty">Loading the diagram…</p>}>
            <DataModelPage />
          </Suspense>
        ) : tool === 'playground' ? (
          <Suspense fallback={<p className="empty">Loading the editor…</p>}>
            <PlaygroundPage />
          </Suspense>
        ) : tool === 'import' ? (
          <Suspense fallback={<p className="empty">Loading the import wizard…</p>}>
            <ImportPage />
          </Suspense>
        ) : tool === 'webhooks' ? (
          <Suspense fallback={<p className="empty">Loading the webhook inspector…</p>}>
            <WebhooksPage />
          </Suspense>
        ) : tool === 'access' ? (
          <Suspense fallback={<p className="empty">Loading access…</p>}>
            <AccessPage />
          </Suspense>
        ) : (
          <ToolPlaceholder tool={tool} />
        )}
      </main>
      {activityOpen && <ActivityPanel />}
      <ConnectionDialogs />
      <CommandPalette />
      <Toaster theme="system" richColors closeButton position="bottom-right" />
    </div>
  );
};
