import type { Import } from '../../../shared/contract';
import { formatCount } from './format';
import { totalCounts } from './step-totals';

/** An import's figures in one line: rows, and errors, created, updated, failed when any. */
export const ImportFigures = ({ imported }: { imported: Import }) => {
  const counts = totalCounts(imported);
  const figures: Array<[string, number, string?]> = [
    ['rows', counts.rows],
    ['errors', counts.errorRows, counts.errorRows ? 'danger' : undefined],
    ['created', counts.created],
    ['updated', counts.updated],
    ['failed', counts.failed, counts.failed ? 'danger' : undefined],
  ];
  return (
    <span className="import-figures">
      {figures
        .filter(([label, value]) => label === 'rows' || value > 0)
        .map(([label, value, tone]) => (
          <span key={label} data-tone={tone}>
            <strong>{formatCount(value)}</strong> {label}
          </span>
        ))}
    </span>
  );
};
