import { useMemo } from 'react';
import type { ModelObject, WorkspaceModel } from '../../../shared/contract';
import type { FieldSource, MappingDocument, MappingSuggestion } from '../../../shared/imports';
import type { SampleData } from './ColumnWithTransforms';
import { FieldRow } from './FieldRow';
import { suggestionIsApplied, targetFields, type TargetField } from './mapping-edits';
import { problemsOfField, type Preview } from './preview';

/**
 * The object's fields with their sources: mapped and required ones first; the others folded
 * under "Other fields", one click from being mapped.
 */
export const FieldList = (props: {
  object: ModelObject;
  model: WorkspaceModel;
  mapping: MappingDocument;
  sample: SampleData;
  suggestion: MappingSuggestion;
  preview: Preview;
  onField: (field: string, source: FieldSource | null) => void;
  disabled?: boolean;
}) => {
  const { mapping, preview } = props;
  const targets = useMemo(
    () => targetFields(props.object, props.model),
    [props.object, props.model],
  );
  const shown = targets.filter(
    (target) => target.required || mapping.fields[target.field.name] !== undefined,
  );
  const others = targets.filter((target) => !shown.includes(target));

  const row = (target: TargetField) => {
    const name = target.field.name;
    return (
      <FieldRow
        key={name}
        target={target}
        source={mapping.fields[name]}
        model={props.model}
        sample={props.sample}
        disabled={props.disabled}
        reasons={props.suggestion.chosen.filter(
          (chosen) => chosen.target.field === name && suggestionIsApplied(mapping, chosen),
        )}
        problems={preview.mappingProblems.filter((problem) => problem.field === name)}
        sampleIssues={
          preview.rows.filter(
            (sampleRow) => problemsOfField(sampleRow.result.problems, name).length,
          ).length
        }
        onChange={(source) => props.onField(name, source)}
      />
    );
  };

  return (
    <section className="mapping-fields" aria-label="Fields">
      <h3>
        Fields of {props.object.labelPlural}{' '}
        <span className="count-muted">{shown.length} mapped or required</span>
      </h3>
      <div className="field-rows">{shown.map(row)}</div>
      {others.length > 0 && (
        <details className="other-fields">
          <summary>Other fields ({others.length} not imported)</summary>
          <div className="field-rows">{others.map(row)}</div>
        </details>
      )}
    </section>
  );
};
