import { Plus, X } from 'lucide-react';
import type { ModelField } from '../../../shared/contract';
import type { SampleData } from './ColumnWithTransforms';
import { PartInput } from './PartInput';
import { isListPart, listParts, partLabel, setPart, type ColumnsSource } from './mapping-edits';
import { removeAt, replaceAt } from './transform-edits';

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
