import { useState } from 'react';
import { problemText, type RowProblem } from './problem-rows';

/**
 * A cell of the review grid: its text, marked when it has a problem (the messages in its
 * tooltip and its description); a click (or Enter) edits it in place, Enter or leaving saves,
 * Escape gives up.
 */
export const GridCell = (props: {
  line: number;
  column: string;
  value: string;
  fixed: boolean;
  problems: readonly RowProblem[] | undefined;
  onFix: (value: string) => Promise<unknown>;
  disabled?: boolean;
}) => {
  const { line, column, value, problems } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value);
  const [saving, setSaving] = useState<string | null>(null);
  const severity = problems?.some((problem) => problem.severity === 'error')
    ? 'error'
    : problems?.length
      ? 'warning'
      : undefined;
  const message = problemText(problems);
  const describedBy = message ? `cell-${line}-${column}-problem` : undefined;

  const commit = () => {
    setEditing(false);
    if (text === value) return;
    setSaving(text);
    void props.onFix(text).finally(() => setSaving(null));
  };

  if (editing)
    return (
      <div role="gridcell" className="grid-cell editing">
        <input
          aria-label={`${column} on line ${line}`}
          autoFocus
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') {
              setText(value);
              setEditing(false);
            }
          }}
        />
      </div>
    );

  return (
    <div
      role="gridcell"
      className="grid-cell"
      data-severity={severity}
      data-fixed={props.fixed || undefined}
      data-saving={saving !== null || undefined}
    >
      <button
        className="grid-cell-button"
        aria-label={`Edit ${column} on line ${line}`}
        aria-describedby={describedBy}
        title={message ? `${value}\n${message}` : value || 'Empty: click to edit'}
        disabled={props.disabled}
        onClick={() => {
          setText(value);
          setEditing(true);
        }}
      >
        {saving ?? value}
      </button>
      {message && (
        <span className="cell-problem" id={describedBy}>
          {message}
        </span>
      )}
    </div>
  );
};
