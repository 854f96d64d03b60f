import type { FieldMetadataType } from '../../../shared/domain/field-metadata-type';
import type { Transform } from '../../../shared/imports';
import type { DraftIssue } from '../../../shared/schema/validate-draft';
import { columnOptions, columnTypes, type NewColumn } from './new-object';
import { transformsForType } from './new-object-plan';

const PREVIEWED = 6;

const typeLabel = (column: NewColumn, type: FieldMetadataType) =>
  columnTypes(column).find((entry) => entry.type === type)?.label ?? type;

/** What the column's values become: the options of a select, else a value of the sample. */
const ValuesPreview = ({ column }: { column: NewColumn }) => {
  if (column.baseField) return <span className="meta">Fills the object's own Name field</span>;
  const options = columnOptions(column);
  if (options.length)
    return (
      <span className="option-chips" aria-label={`Options of ${column.column}`}>
        {options.slice(0, PREVIEWED).map((option) => (
          <span className="option-chip" key={option.value} title={option.value}>
            {option.label}
          </span>
        ))}
        {options.length > PREVIEWED && (
          <span className="meta">+{options.length - PREVIEWED} more</span>
        )}
      </span>
    );
  const format = transformsForType(column.transforms, column.type).find(
    (transform): transform is Extract<Transform, { type: 'date' }> => transform.type === 'date',
  );
  return (
    <span className="meta sample-value" title={column.values.slice(0, 5).join('\n')}>
      {column.values[0] ? `e.g. ${column.values[0]}` : 'Empty in the sample'}
      {format ? ` · read as ${format.format}` : ''}
    </span>
  );
};

/**
 * One column of the file as a field of the new object: kept or not, its label and API name
 * (checked as typed with the data-model editor's rules) and its type.
 */
export const NewObjectColumnRow = (props: {
  column: NewColumn;
  issues: readonly DraftIssue[];
  onChange: (patch: Partial<Pick<NewColumn, 'included' | 'label' | 'name' | 'type'>>) => void;
}) => {
  const { column, issues, onChange } = props;
  const { column: header, included } = column;
  const fixed = column.baseField !== null;
  const nameErrors = issues.filter((issue) => issue.path !== 'label');
  const labelErrors = issues.filter((issue) => issue.path === 'label');
  const errorId = `new-field-${header.replace(/\W+/g, '-')}-error`;
  return (
    <tr data-included={included || undefined} data-testid="new-object-column">
      <td>
        <input
          type="checkbox"
          aria-label={`Include ${header}`}
          checked={included}
          onChange={(event) => onChange({ included: event.target.checked })}
        />
      </td>
      <td className="mono column-name" title={header}>
        {header}
      </td>
      <td>
        <input
          aria-label={`Label of ${header}`}
          value={column.label}
          disabled={!included || fixed}
          aria-invalid={labelErrors.length ? true : undefined}
          onChange={(event) => onChange({ label: event.target.value })}
        />
        {included &&
          labelErrors.map((issue) => (
            <span className="error" key={issue.message} role="alert">
              {issue.message}
            </span>
          ))}
      </td>
      <td>
        <input
          className="mono"
          aria-label={`API name of ${header}`}
          value={column.name}
          spellCheck={false}
          disabled={!included || fixed}
          aria-invalid={nameErrors.length ? true : undefined}
          aria-describedby={nameErrors.length ? errorId : undefined}
          onChange={(event) => onChange({ name: event.target.value })}
        />
        {included &&
          nameErrors.map((issue) => (
            <span className="error" id={errorId} key={issue.message} role="alert">
              {issue.message}
            </span>
          ))}
      </td>
      <td>
        <select
          aria-label={`Type of ${header}`}
          value={column.type}
          disabled={!included || fixed}
          onChange={(event) => onChange({ type: event.target.value as FieldMetadataType })}
        >
          {columnTypes(column).map((entry) => (
            <option key={entry.type} value={entry.type}>
              {entry.label}
            </option>
          ))}
        </select>
        {column.type !== column.inferredType && included && (
          <span className="meta">Values looked like {typeLabel(column, column.inferredType)}</span>
        )}
      </td>
      <td className="values-cell">
        <ValuesPreview column={column} />
      </td>
    </tr>
  );
};
