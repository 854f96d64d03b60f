import { X } from 'lucide-react';
import { useState } from 'react';
import type { ModelObject } from '../../../shared/contract';
import { isImplied, OPERATION_ACTIONS, operationOf, toggleOperation } from './operations';

/**
 * Objects × actions, as Twenty matches them: a row per object (and "every object"), a column per
 * action (and "any action"). Boxes a broader operation already covers show ticked and locked.
 */
export const OperationsPicker = (props: {
  objects: ModelObject[];
  /** The workspace's objects are still being read. */
  loading?: boolean;
  value: string[];
  onChange: (operations: string[]) => void;
}) => {
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const rows = [
    { name: '*', label: 'Every object' },
    ...props.objects
      .filter(
        (object) =>
          needle === '' ||
          object.nameSingular.toLowerCase().includes(needle) ||
          object.labelSingular.toLowerCase().includes(needle),
      )
      .map((object) => ({ name: object.nameSingular, label: object.labelSingular })),
  ];
  return (
    <fieldset className="operations-picker">
      <legend>Operations</legend>
      <div className="operation-chips" aria-label="Chosen operations">
        {props.value.length === 0 && <span className="meta">None yet: tick at least one.</span>}
        {props.value.map((operation) => (
          <span key={operation} className="chip">
            <code>{operation}</code>
            <button
              type="button"
              aria-label={`Remove ${operation}`}
              onClick={() => props.onChange(props.value.filter((item) => item !== operation))}
            >
              <X size={11} />
            </button>
          </span>
        ))}
      </div>
      <input
        className="operations-search"
        type="search"
        aria-label="Find an object"
        placeholder="Find an object…"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <div className="operations-scroll">
        <table className="operations-table">
          <thead>
            <tr>
              <th scope="col">Object</th>
              {OPERATION_ACTIONS.map((action) => (
                <th scope="col" key={action}>
                  {action === '*' ? 'any' : action}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row" title={row.name}>
                  {row.label}
                </th>
                {OPERATION_ACTIONS.map((action) => {
                  const operation = operationOf(row.name, action);
                  const implied = isImplied(props.value, row.name, action);
                  return (
                    <td key={action}>
                      <input
                        type="checkbox"
                        aria-label={operation}
                        checked={implied || props.value.includes(operation)}
                        disabled={implied}
                        onChange={() =>
                          props.onChange(toggleOperation(props.value, row.name, action))
                        }
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {props.loading && (
          <p className="meta operations-loading">Reading the workspace&apos;s objects…</p>
        )}
      </div>
    </fieldset>
  );
};
