import type { ModelField, WorkspaceModel } from '../../../shared/contract';
import type { LookupSource } from '../../../shared/imports';
import { ColumnWithTransforms, type SampleData } from './ColumnWithTransforms';
import { defaultLookupKey, listSeparatorOf, lookupKeys, withListSeparator } from './mapping-edits';

/**
 * A relation found by a value of the other object: the column holding it, the other object's
 * field it matches (unique ones first), and whether missing records are created. Given
 * `linkable` (a note's noteTargets: attached through a junction), the admin also picks which
 * object the records are attached to and the separator of several targets in one cell.
 */
export const LookupEditor = (props: {
  label: string;
  field: ModelField;
  source: LookupSource;
  model: WorkspaceModel;
  sample: SampleData;
  onChange: (source: LookupSource) => void;
  linkable?: readonly string[] | null;
  disabled?: boolean;
}) => {
  const { source, onChange, linkable } = props;
  const keys = lookupKeys(props.model, source.object);
  const other = props.model.objects.find((object) => object.nameSingular === source.object);
  const separator = listSeparatorOf(source.transforms);
  return (
    <div className="lookup">
      <ColumnWithTransforms
        label={`Column for ${props.label}`}
        column={source.column}
        transforms={source.transforms}
        sample={props.sample}
        field={props.field}
        disabled={props.disabled}
        onChange={(next) => onChange({ ...source, ...next })}
      />
      <div className="lookup-line">
        {linkable ? (
          <>
            <span className="meta">attached to the</span>
            <select
              aria-label={`Object of ${props.label}`}
              value={source.object}
              disabled={props.disabled}
              onChange={(event) =>
                onChange({
                  ...source,
                  object: event.target.value,
                  by: defaultLookupKey(props.model, event.target.value),
                })
              }
            >
              {!linkable.includes(source.object) && (
                <option value={source.object}>{source.object}</option>
              )}
              {linkable.map((name) => (
                <option key={name} value={name}>
                  {props.model.objects
                    .find((object) => object.nameSingular === name)
                    ?.labelSingular.toLowerCase() ?? name}
                </option>
              ))}
            </select>
            <span className="meta">whose</span>
          </>
        ) : (
          <span className="meta">
            finds the {other?.labelSingular.toLowerCase() ?? source.object} whose
          </span>
        )}
        <select
          aria-label={`Match ${props.label} by`}
          value={source.by.split('.')[0]}
          disabled={props.disabled}
          onChange={(event) => onChange({ ...source, by: event.target.value })}
        >
          {!keys.some((key) => key.value === source.by.split('.')[0]) && (
            <option value={source.by}>{source.by}</option>
          )}
          {keys.map((key) => (
            <option key={key.value} value={key.value}>
              {key.label}
            </option>
          ))}
        </select>
        <span className="meta">is the cell</span>
        {linkable && (
          <label className="check-field">
            several per cell, separated by
            <input
              className="mono separator-input"
              aria-label={`Separator of ${props.label}`}
              size={3}
              value={separator ?? ''}
              placeholder="none"
              disabled={props.disabled}
              onChange={(event) =>
                onChange({
                  ...source,
                  transforms: withListSeparator(source.transforms, event.target.value || null),
                })
              }
            />
          </label>
        )}
        <label className="check-field">
          <input
            type="checkbox"
            checked={source.createMissing}
            disabled={props.disabled}
            onChange={(event) => onChange({ ...source, createMissing: event.target.checked })}
          />
          Create missing {other?.labelPlural.toLowerCase() ?? 'records'}
        </label>
      </div>
    </div>
  );
};
