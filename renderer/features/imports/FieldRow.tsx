import { Sparkles } from 'lucide-react';
import type { WorkspaceModel } from '../../../shared/contract';
import type { ColumnSuggestion, FieldSource, MappingProblem } from '../../../shared/imports';
import { ColumnWithTransforms, type SampleData } from './ColumnWithTransforms';
import { ConstantInput } from './ConstantInput';
import { LookupEditor } from './LookupEditor';
import {
  kindsFor,
  KIND_LABELS,
  switchKind,
  targetLabel,
  type SourceKind,
  type TargetField,
} from './mapping-edits';
import { PartsEditor } from './PartsEditor';

/**
 * One target field and where its value comes from: the kind of source, the editor for it, why
 * it was suggested, and the problems of the mapping and of the sample rows for it.
 */
export const FieldRow = (props: {
  target: TargetField;
  source: FieldSource | undefined;
  model: WorkspaceModel;
  sample: SampleData;
  reasons: readonly ColumnSuggestion[];
  problems: readonly MappingProblem[];
  sampleIssues: number;
  onChange: (source: FieldSource | null) => void;
  disabled?: boolean;
}) => {
  const { target, source, onChange, disabled } = props;
  const label = targetLabel(target);
  const kind: SourceKind = source?.kind ?? 'none';
  return (
    <div
      className="field-row"
      role="group"
      aria-label={label}
      data-mapped={kind !== 'none'}
      data-invalid={props.problems.some((problem) => problem.severity === 'error') || undefined}
    >
      <div className="field-head">
        <div className="field-name">
          <strong>{label}</strong>
          <span className="field-type mono">{target.field.type.toLowerCase()}</span>
          {target.required && <span className="badge danger">required</span>}
          {target.field.isUnique && <span className="badge">unique</span>}
        </div>
        <div className="field-reason">
          {props.reasons.map((reason) => (
            <span key={`${reason.column}-${reason.target.part ?? ''}`} title={reason.reason}>
              <Sparkles size={11} aria-hidden="true" /> {Math.round(reason.score * 100)}% ·{' '}
              {reason.reason}
            </span>
          ))}
        </div>
      </div>
      <select
        className="kind-select"
        aria-label={`Source of ${label}`}
        value={kind}
        disabled={disabled}
        onChange={(event) =>
          onChange(
            switchKind(
              target,
              event.target.value as SourceKind,
              source,
              props.sample.headers,
              props.model,
            ),
          )
        }
      >
        {kindsFor(target).map((option) => (
          <option key={option} value={option}>
            {option === 'column' && target.relation ? 'Column of record ids' : KIND_LABELS[option]}
          </option>
        ))}
      </select>
      <div className="field-source">
        {source?.kind === 'column' && (
          <ColumnWithTransforms
            label={`Column for ${label}`}
            column={source.column}
            transforms={source.transforms}
            sample={props.sample}
            field={target.field}
            disabled={disabled}
            onChange={(next) => onChange({ ...source, ...next })}
          />
        )}
        {source?.kind === 'columns' && (
          <PartsEditor
            label={label}
            field={target.field}
            parts={target.parts}
            source={source}
            sample={props.sample}
            disabled={disabled}
            onChange={onChange}
          />
        )}
        {source?.kind === 'constant' && (
          <ConstantInput
            label={label}
            target={target}
            value={source.value}
            disabled={disabled}
            onChange={(value) => onChange({ kind: 'constant', value })}
          />
        )}
        {source?.kind === 'lookup' && (
          <LookupEditor
            label={label}
            field={target.field}
            source={source}
            model={props.model}
            sample={props.sample}
            linkable={target.linkable}
            disabled={disabled}
            onChange={onChange}
          />
        )}
        {props.problems.map((problem) => (
          <span
            key={problem.message}
            className={problem.severity === 'error' ? 'error' : 'warning'}
            role={problem.severity === 'error' ? 'alert' : undefined}
          >
            {problem.message}
          </span>
        ))}
        {props.sampleIssues > 0 && (
          <span className="warning">
            {props.sampleIssues} sample row{props.sampleIssues === 1 ? '' : 's'} with a problem here
            (see the preview)
          </span>
        )}
      </div>
    </div>
  );
};
