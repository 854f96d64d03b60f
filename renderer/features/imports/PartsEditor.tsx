import { Plus, X } from 'lucide-react';
import type { ModelField } from '../../../shared/contract';
import type { Part } from '../../../shared/imports';
import { ColumnWithTransforms, type SampleData } from './ColumnWithTransforms';
import { isListPart, listParts, partLabel, setPart, type ColumnsSource } from './mapping-edits';
import { removeAt, replaceAt } from './transform-edits';

const UNSET = '\u0000unset';
const CONSTANT = '\u0000constant';
const CHOICES = [
  { value: UNSET, label: '— not set —' },
  { value: CONSTANT, label: 'A fixed value…' },
];

/** One part: a column (with transforms) or a fixed text, e.g. the currency of an amount. */
const PartInput = (props: {
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

/**
 * A composite built from several columns: one input per part (first / last name, amount /
 * currency, address lines…); the list parts (additional e-mails, phones, links) take several.
 */
export const PartsEditor = (props: {
  label: string;
  field: ModelField;
  parts: readonly string[];
  source: ColumnsSource;
  sample: SampleData;
  onChange: (source: ColumnsSource) => void;
  disabled?: boolean;
}) => {
  const { source, onChange } = props;
  return (
    <div className="parts" role="group" aria-label={`Parts of ${props.label}`}>
      {props.parts.map((part) => {
        const label = `${props.label} ${partLabel(part)}`;
        if (!isListPart(part)) {
          const value = source.parts[part];
          return (
            <div className="part-row" key={part}>
              <span className="part-name">{partLabel(part)}</span>
              <PartInput
                label={label}
                part={Array.isArray(value) ? value[0] : value}
                sample={props.sample}
                field={props.field}
                disabled={props.disabled}
                onChange={(next) => onChange(setPart(source, part, next))}
              />
            </div>
          );
        }
        const items = listParts(source, part);
        return (
          <div className="part-row" key={part}>
            <span className="part-name">{partLabel(part)}</span>
            <div className="part-list">
              {items.map((item, index) => (
                <div className="part-item" key={index}>
                  <PartInput
                    label={`${label} ${index + 1}`}
                    part={item}
                    sample={props.sample}
                    field={props.field}
                    disabled={props.disabled}
                    onChange={(next) =>
                      onChange(
                        setPart(
                          source,
                          part,
                          next ? replaceAt(items, index, next) : removeAt(items, index),
                        ),
                      )
                    }
                  />
                  {!props.disabled && (
                    <button
                      className="btn small ghost"
                      aria-label={`Remove ${label} ${index + 1}`}
                      onClick={() => onChange(setPart(source, part, removeAt(items, index)))}
                    >
                      <X size={12} />
                    </button>
                  )}
                </div>
              ))}
              {!props.disabled && (
                <button
                  className="btn small ghost"
                  onClick={() =>
                    onChange(
                      setPart(source, part, [
                        ...items,
                        { column: props.sample.headers[0] ?? '', transforms: [] },
                      ]),
                    )
                  }
                >
                  <Plus size={12} /> Add a column
                </button>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
};
