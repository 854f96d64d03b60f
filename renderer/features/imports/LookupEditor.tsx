import type { ModelField, WorkspaceModel } from '../../../shared/contract';
import type { LookupSource } from '../../../shared/imports';
import { ColumnWithTransforms, type SampleData } from './ColumnWithTransforms';
import { lookupKeys } from './mapping-edits';

/**
 * A relation found by a value of the other object: the column holding it, the other object's
 * field it matches (unique ones first), and whether missing records are created.
 */
export const LookupEditor = (props: {
  label: string;
  field: ModelField;
  source: LookupSource;
  model: WorkspaceModel;
  sample: SampleData;
  onChange: (source: LookupSource) => void;
  disabled?: boolean;
}) => {
  const { source, onChange } = props;
  const keys = lookupKeys(props.model, source.object);
  const other = props.model.objects.find((object) => object.nameSingular === source.object);
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
        <span className="meta">
          finds the {other?.labelSingular.toLowerCase() ?? source.object} whose
        </span>
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
