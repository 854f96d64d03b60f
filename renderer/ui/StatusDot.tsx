import type { Connection } from '../../shared/contract';

export const StatusDot = ({ status }: { status: Connection['status'] }) => (
  <span className="dot" data-state={status.state} aria-hidden="true" />
);

export const StatusLine = ({ status }: { status: Connection['status'] }) => (
  <span className="status" data-testid="connection-status" data-state={status.state}>
    <StatusDot status={status} />
    {status.message}
  </span>
);
