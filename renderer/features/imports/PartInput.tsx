import type { ModelField } from '../../../shared/contract';
import type { Part } from '../../../shared/imports';
import { ColumnWithTransforms, type SampleData } from './ColumnWithTransforms';

const UNSET = '\u0000unset';
const CONSTANT = '\u0000constant';
const CHOICES = [
  { value: UNSET, label: '— not set —' },
  { value: CONSTANT, label: 'A fixed value…' },
];

/** One part: a column (with transforms) or a fixed text, e.g. the currency of an amount. */
export const PartInput = (props: {
  label: string;
  part: Part | undefined;
  sample: SampleData;
  field: ModelField;
  onChange: (part: Part | null) => void;
  disabled?: boolean;
}) => {
  const { part } = props;
  const onExtra = (value: string) => props.onChange(value === CONSTANT ? { constant: '' } : null);
  if (part && 'constant' in part)
    return (
      <div className="column-line">
        <select
          aria-label={props.label}
          value={CONSTANT}
          disabled={props.disabled}
          onChange={(event) =>
            event.target.value === UNSET || event.target.value === CONSTANT
              ? onExtra(event.target.value)
              : props.onChange({ column: event.target.value, transforms: [] })
          }
        >
          {CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
          {props.sample.headers.map((header) => (
            <option key={header} value={header}>
              {header}
            </option>
          ))}
        </select>
        <input
          className="constant-input"
          aria-label={`Fixed value of ${props.label}`}
          value={part.constant}
          disabled={props.disabled}
          onChange={(event) => props.onChange({ constant: event.target.value })}
        />
      </div>
    );
  return (
    <ColumnWithTransforms
      label={props.label}
      column={part?.column ?? UNSET}
      transforms={part?.transforms ?? []}
      sample={props.sample}
      field={props.field}
      extra={CHOICES}
      onExtra={onExtra}
      disabled={props.disabled}
      onChange={(next) => props.onChange(next)}
    />
  );
};
