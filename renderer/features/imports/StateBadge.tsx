import type { ImportState } from '../../../shared/contract';
import { STATE_LABELS, stateTone } from './format';

export const StateBadge = ({ state }: { state: ImportState }) => (
  <span className="badge import-state" data-tone={stateTone(state)} data-testid="import-state">
    {STATE_LABELS[state]}
  </span>
);
