import { Plus } from 'lucide-react';
import type { ModelField } from '../../../shared/contract';
import type { Transform } from '../../../shared/imports';
import {
  move,
  newTransform,
  removeAt,
  replaceAt,
  TRANSFORM_TYPES,
  type TransformType,
} from './transform-edits';
import { TransformRow } from './TransformRow';

/**
 * The transforms of one column (or part), in order: text ones reshape the cell, reading ones
 * tell the converter how the file writes values. Add, edit, reorder, remove.
 */
export const TransformsEditor = (props: {
  label: string;
  transforms: readonly Transform[];
  onChange: (transforms: Transform[]) => void;
  field: ModelField;
  sampleValues: readonly string[];
  disabled?: boolean;
}) => {
  const { transforms, onChange } = props;
  return (
    <div className="transforms" role="group" aria-label={`Transforms of ${props.label}`}>
      {transforms.length === 0 && <p className="meta">No transforms: cells are read as written.</p>}
      <ol className="transform-list">
        {transforms.map((transform, index) => (
          <TransformRow
            key={index}
            index={index}
            count={transforms.length}
            transform={transform}
            field={props.field}
            sampleValues={props.sampleValues}
            disabled={props.disabled}
            onChange={(next) => onChange(replaceAt(transforms, index, next))}
            onRemove={() => onChange(removeAt(transforms, index))}
            onMove={(by) => onChange(move(transforms, index, by))}
          />
        ))}
      </ol>
      {!props.disabled && (
        <label className="add-transform">
          <Plus size={13} aria-hidden="true" />
          <select
            aria-label={`Add a transform to ${props.label}`}
            value=""
            onChange={(event) => {
              if (event.target.value)
                onChange([...transforms, newTransform(event.target.value as TransformType)]);
            }}
          >
            <option value="">Add a transform…</option>
            {TRANSFORM_TYPES.map((type) => (
              <option key={type.type} value={type.type} title={type.hint}>
                {type.label} — {type.hint}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
};
