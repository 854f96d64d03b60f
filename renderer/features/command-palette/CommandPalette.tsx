import { Command } from 'cmdk';
import { useEffect } from 'react';
import { TOOLS, useUi } from '../../app/store';
import { StatusDot } from '../../ui/StatusDot';
import {
  useConnections,
  useSelectConnection,
  useTestConnection,
} from '../workspaces/connection-queries';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';

/** Ctrl/Cmd-K: every navigation and connection action, searchable. */
export const CommandPalette = () => {
  const { paletteOpen, setPaletteOpen, go, openConnectionDialog, setActivityOpen, activityOpen } =
    useUi();
  const { data } = useConnections();
  const select = useSelectConnection();
  const test = useTestConnection();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen(!useUi.getState().paletteOpen);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [setPaletteOpen]);

  const run = (action: () => void) => () => {
    setPaletteOpen(false);
    action();
  };

  return (
    <Command.Dialog
      open={paletteOpen}
      onOpenChange={setPaletteOpen}
      label="Command palette"
      overlayClassName="cmdk-overlay"
    >
      <Command.Input placeholder="Type a command or a workspace…" />
      <Command.List>
        <Command.Empty>No command matches.</Command.Empty>
        <Command.Group heading="Go to">
          {TOOLS.map((tool) => (
            <Command.Item
              key={tool.id}
              value={`Go to ${tool.label}`}
              onSelect={run(() => go(tool.id))}
            >
              {tool.label}
              <span className="hint">
                {MOD_KEY}+{tool.shortcut}
              </span>
            </Command.Item>
          ))}
        </Command.Group>
        <Command.Group heading="Workspaces">
          {data?.connections.map((connection) => (
            <Command.Item
              key={connection.id}
              value={`Switch to ${connection.name} ${connection.baseUrl}`}
              onSelect={run(() => select.mutate(connection.id))}
            >
              <StatusDot status={connection.status} />
              Switch to {connection.name}
              {connection.id === data.activeId && <span className="hint">active</span>}
            </Command.Item>
          ))}
          <Command.Item
            value="Add connection"
            onSelect={run(() => openConnectionDialog({ mode: 'add' }))}
          >
            Add connection…
          </Command.Item>
          {data && (
            <Command.Item
              value="Test active connection"
              onSelect={run(() => test.mutate(data.activeId))}
            >
              Test the active connection
            </Command.Item>
          )}
        </Command.Group>
        <Command.Group heading="View">
          <Command.Item
            value="Toggle activity panel"
            onSelect={run(() => setActivityOpen(!activityOpen))}
          >
            {activityOpen ? 'Hide' : 'Show'} activity
          </Command.Item>
        </Command.Group>
      </Command.List>
    </Command.Dialog>
  );
};
