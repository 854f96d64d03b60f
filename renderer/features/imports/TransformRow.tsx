import { ChevronDown, ChevronUp, X } from 'lucide-react';
import type { ModelField } from '../../../shared/contract';
import type { Transform } from '../../../shared/imports';
import { TRANSFORM_TYPES, transformProblem } from './transform-edits';
import { TransformParams } from './TransformParams';

/** One transform: its kind, its settings, and the buttons to move or remove it. */
export const TransformRow = (props: {
  index: number;
  count: number;
  transform: Transform;
  field: ModelField;
  sampleValues: readonly string[];
  disabled?: boolean;
  onChange: (transform: Transform) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}) => {
  const { transform, index } = props;
  const label =
    TRANSFORM_TYPES.find((type) => type.type === transform.type)?.label ?? transform.type;
  const problem = transformProblem(transform);
  return (
    <li className="transform-row" aria-label={`${index + 1}. ${label}`}>
      <span className="transform-name">{label}</span>
      <div className="transform-params">
        <TransformParams
          transform={transform}
          field={props.field}
          sampleValues={props.sampleValues}
          disabled={props.disabled}
          onChange={props.onChange}
        />
        {problem && (
          <span className="error" role="alert">
            {problem}
          </span>
        )}
      </div>
      {!props.disabled && (
        <span className="transform-actions">
          <button
            className="btn small ghost"
            aria-label={`Move ${label} up`}
            disabled={index === 0}
            onClick={() => props.onMove(-1)}
          >
            <ChevronUp size={13} />
          </button>
          <button
            className="btn small ghost"
            aria-label={`Move ${label} down`}
            disabled={index === props.count - 1}
            onClick={() => props.onMove(1)}
          >
            <ChevronDown size={13} />
          </button>
          <button
            className="btn small ghost"
            aria-label={`Remove ${label}`}
            onClick={props.onRemove}
          >
            <X size={13} />
          </button>
        </span>
      )}
    </li>
  );
};
