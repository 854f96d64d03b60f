import { Check, ChevronDown, Settings2 } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useUi } from '../../app/store';
import { StatusDot } from '../../ui/StatusDot';
import { useConnections, useSelectConnection } from './connection-queries';

/** The active workspace and its status; a menu (arrow keys, Enter, Escape) to switch. */
export const WorkspaceSwitcher = () => {
  const { data } = useConnections();
  const select = useSelectConnection();
  const go = useUi((state) => state.go);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const active = data?.connections.find((connection) => connection.id === data.activeId);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    const items = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    }
  };

  const choose = (id: string) => {
    setOpen(false);
    if (id !== data?.activeId) select.mutate(id);
    button.current?.focus();
  };

  return (
    <div className="switcher">
      <button
        ref={button}
        className="switcher-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Workspace: ${active?.name ?? 'loading'}`}
        data-testid="workspace-switcher"
        onClick={() => setOpen(!open)}
      >
        {active && <StatusDot status={active.status} />}
        <span className="label">{active?.name ?? 'Loading…'}</span>
        <ChevronDown size={14} />
      </button>
      {open && data && (
        <div
          className="menu"
          role="menu"
          ref={menu}
          onKeyDown={onMenuKey}
          aria-label="Switch workspace"
        >
          {data.connections.map((connection) => (
            <button
              key={connection.id}
              role="menuitem"
              className="menu-item"
              onClick={() => choose(connection.id)}
            >
              <StatusDot status={connection.status} />
              <span>{connection.name}</span>
              {connection.id === data.activeId ? <Check size={14} /> : <span />}
              <span className="sub">
                {connection.baseUrl || '—'} · {connection.status.message}
              </span>
            </button>
          ))}
          <div className="menu-separator" />
          <button
            role="menuitem"
            className="menu-item"
            onClick={() => {
              setOpen(false);
              go('connections');
            }}
          >
            <Settings2 size={12} />
            <span>Manage connections…</span>
            <span />
          </button>
        </div>
      )}
    </div>
  );
};
