import { SlidersHorizontal } from 'lucide-react';
import { useState } from 'react';
import type { ModelField } from '../../../shared/contract';
import type { Transform } from '../../../shared/imports';
import { ColumnSelect } from './ColumnSelect';
import { distinctValues } from './field-options';
import { describeTransform } from './transform-edits';
import { TransformsEditor } from './TransformsEditor';

export interface SampleData {
  headers: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}

/**
 * A column and its transforms: the column picker, a button that opens the transforms editor
 * (showing how many there are), and the editor itself under them.
 */
export const ColumnWithTransforms = (props: {
  label: string;
  column: string;
  transforms: readonly Transform[];
  sample: SampleData;
  field: ModelField;
  onChange: (next: { column: string; transforms: Transform[] }) => void;
  /** Choices before the columns (a part's "not set" and "constant"). */
  extra?: ReadonlyArray<{ value: string; label: string }>;
  onExtra?: (value: string) => void;
  disabled?: boolean;
}) => {
  const [open, setOpen] = useState(false);
  const { transforms } = props;
  const summary = transforms.map(describeTransform).join(' → ');
  // A choice such as "not set" has no cells to transform.
  const isColumn = !props.extra?.some((option) => option.value === props.column);
  return (
    <div className="column-with-transforms">
      <div className="column-line">
        <ColumnSelect
          label={props.label}
          value={props.column}
          headers={props.sample.headers}
          extra={props.extra}
          disabled={props.disabled}
          onChange={(column) =>
            props.extra?.some((option) => option.value === column)
              ? props.onExtra?.(column)
              : props.onChange({ column, transforms: [...transforms] })
          }
        />
        {isColumn && (
          <button
            className="btn small ghost transforms-toggle"
            aria-expanded={open}
            aria-label={`Transforms of ${props.label} (${transforms.length})`}
            title={summary || 'Add transforms'}
            onClick={() => setOpen(!open)}
          >
            <SlidersHorizontal size={13} />
            {transforms.length > 0 ? (
              <span className="transform-summary">{summary}</span>
            ) : (
              <span className="meta">Transforms</span>
            )}
          </button>
        )}
      </div>
      {open && isColumn && (
        <TransformsEditor
          label={props.label}
          transforms={transforms}
          field={props.field}
          disabled={props.disabled}
          sampleValues={distinctValues(props.sample.headers, props.sample.rows, props.column)}
          onChange={(next) => props.onChange({ column: props.column, transforms: next })}
        />
      )}
    </div>
  );
};
