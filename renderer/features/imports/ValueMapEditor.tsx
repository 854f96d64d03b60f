import { Plus, X } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import type { ModelField } from '../../../shared/contract';
import type { Transform } from '../../../shared/imports';
import { hasOptions, optionsOf } from './field-options';
import { entriesToMap, mapEntries, removeAt, replaceAt } from './transform-edits';

type ValueMap = Extract<Transform, { type: 'valueMap' }>;

/**
 * File values → the field's options. "Fill from the file" lists the values the sample holds;
 * with "create missing options", values that match no option become new options instead of
 * errors.
 */
export const ValueMapEditor = (props: {
  transform: ValueMap;
  field: ModelField;
  sampleValues: readonly string[];
  disabled?: boolean;
  onChange: (transform: ValueMap) => void;
}) => {
  const { transform, onChange, disabled } = props;
  const listId = useId();
  // Rows are kept here so a row being typed (still without its file value) stays on screen.
  const [entries, setRows] = useState<Array<[string, string]>>(() => mapEntries(transform.map));
  const outside = JSON.stringify(transform.map);
  useEffect(() => {
    if (JSON.stringify(entriesToMap(entries)) !== outside) setRows(mapEntries(transform.map));
    // Only a change made elsewhere (a new suggestion, a loaded mapping) resets the rows.
  }, [outside]);
  const options = optionsOf(props.field);
  const setEntries = (next: Array<[string, string]>) => {
    setRows(next);
    onChange({ ...transform, map: entriesToMap(next) });
  };
  const missing = props.sampleValues.filter(
    (value) => !entries.some(([from]) => from.toLowerCase() === value.toLowerCase()),
  );

  return (
    <div className="value-map">
      {!hasOptions(props.field) && (
        <p className="meta">A value map applies to select and rating fields.</p>
      )}
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </datalist>
      <table className="value-map-table">
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col">Option</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map(([from, to], index) => (
            <tr key={index}>
              <td>
                <input
                  aria-label={`File value ${index + 1}`}
                  value={from}
                  disabled={disabled}
                  onChange={(event) =>
                    setEntries(replaceAt(entries, index, [event.target.value, to]))
                  }
                />
              </td>
              <td>
                <input
                  aria-label={`Option for ${from || `value ${index + 1}`}`}
                  value={to}
                  list={listId}
                  disabled={disabled}
                  onChange={(event) =>
                    setEntries(replaceAt(entries, index, [from, event.target.value]))
                  }
                />
              </td>
              <td>
                {!disabled && (
                  <button
                    className="btn small ghost"
                    aria-label={`Remove ${from || `value ${index + 1}`}`}
                    onClick={() => setEntries(removeAt(entries, index))}
                  >
                    <X size={12} />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!disabled && (
        <div className="value-map-actions">
          <button className="btn small" onClick={() => setEntries([...entries, ['', '']])}>
            <Plus size={12} /> Add a value
          </button>
          {missing.length > 0 && (
            <button
              className="btn small"
              title={missing.join(', ')}
              onClick={() =>
                setEntries([
                  ...entries,
                  ...missing.map((value): [string, string] => [
                    value,
                    options.find(
                      (option) =>
                        option.label.toLowerCase() === value.toLowerCase() ||
                        option.value.toLowerCase() === value.toLowerCase(),
                    )?.value ?? '',
                  ]),
                ])
              }
            >
              Fill from the file ({missing.length})
            </button>
          )}
          <label className="check-field">
            <input
              type="checkbox"
              checked={transform.createMissingOptions}
              onChange={(event) =>
                onChange({ ...transform, createMissingOptions: event.target.checked })
              }
            />
            Create missing options
          </label>
        </div>
      )}
    </div>
  );
};
