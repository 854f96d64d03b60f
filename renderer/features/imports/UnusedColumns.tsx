import { Plus } from 'lucide-react';
import type { ColumnSuggestion, MappingSuggestion } from '../../../shared/imports';

const targetName = (suggestion: ColumnSuggestion) =>
  suggestion.target.lookup
    ? `${suggestion.target.field} (lookup by ${suggestion.target.lookup.by})`
    : suggestion.target.part
      ? `${suggestion.target.field} › ${suggestion.target.part}`
      : suggestion.target.field;

/**
 * Columns no field reads, each with its best remaining candidate (score and reason) to take in
 * one click — or left out on purpose.
 */
export const UnusedColumns = (props: {
  columns: readonly string[];
  suggestion: MappingSuggestion | null;
  onUse: (suggestion: ColumnSuggestion) => void;
  disabled?: boolean;
}) => {
  if (props.columns.length === 0) return null;
  return (
    <section className="unused-columns" aria-label="Columns not imported">
      <h3>
        Columns not imported <span className="count-muted">{props.columns.length}</span>
      </h3>
      <ul>
        {props.columns.map((column) => {
          const best = props.suggestion?.candidates[column]?.[0];
          const sniff = props.suggestion?.sniffs[column];
          return (
            <li key={column}>
              <span className="mono">{column}</span>
              {sniff && sniff.kind !== 'text' && <span className="badge">{sniff.kind}</span>}
              {best ? (
                <>
                  <span className="meta" title={best.reason}>
                    could be {targetName(best)} ({Math.round(best.score * 100)}%: {best.reason})
                  </span>
                  {!props.disabled && (
                    <button
                      className="btn small"
                      aria-label={`Map ${column} to ${targetName(best)}`}
                      onClick={() => props.onUse(best)}
                    >
                      <Plus size={12} /> Use
                    </button>
                  )}
                </>
              ) : (
                <span className="meta">no field fits</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
};
