import type { ModelObject } from '../../../shared/contract';
import type { MappingDocument } from '../../../shared/imports';
import {
  previewCell,
  previewColumns,
  previewDetail,
  problemsOfField,
  type Preview,
} from './preview';

/**
 * The first sample rows converted in the page as the engine will convert them: the value each
 * field gets, cells with problems marked and explained.
 */
export const MappingPreview = (props: {
  preview: Preview;
  mapping: MappingDocument;
  object: ModelObject;
}) => {
  const { preview } = props;
  const columns = previewColumns(props.mapping, preview.rows);
  const label = (key: string) => {
    const field = props.object.fields.find(
      (candidate) => candidate.name === key || `${candidate.name}Id` === key,
    );
    return field?.label ?? key;
  };
  const shown = (field: string) =>
    columns.some((key) => key === field || key === `${field}Id` || field.startsWith(`${key}.`));
  const otherProblems = (row: Preview['rows'][number]) =>
    row.result.problems.filter((problem) => !shown(problem.field.split('.')[0]!));
  const hasOther = preview.rows.some((row) => otherProblems(row).length > 0);
  const withErrors = preview.rows.filter((row) => row.result.hasErrors).length;
  return (
    <section className="mapping-preview" aria-label="Preview">
      <h3>
        Preview{' '}
        <span className="meta">
          first {preview.rows.length} rows converted here ·{' '}
          {withErrors ? `${withErrors} with errors` : 'no errors'}
        </span>
      </h3>
      {preview.failure && (
        <p className="failure" role="alert">
          {preview.failure}
        </p>
      )}
      {Object.entries(preview.newOptions).map(([field, labels]) => (
        <p key={field} className="meta">
          New options for {label(field)}: {labels.join(', ')}
        </p>
      ))}
      {columns.length === 0 ? (
        <p className="meta">Map a field to see its values here.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table preview-table" aria-label="Converted sample rows">
            <thead>
              <tr>
                <th scope="col" className="line">
                  Line
                </th>
                {columns.map((key) => (
                  <th scope="col" key={key}>
                    {label(key)}
                  </th>
                ))}
                {hasOther && <th scope="col">Other problems</th>}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} data-invalid={row.result.hasErrors || undefined}>
                  <td className="line">{row.line}</td>
                  {columns.map((key) => {
                    const field =
                      key.endsWith('Id') && !props.mapping.fields[key] ? key.slice(0, -2) : key;
                    const problems = problemsOfField(row.result.problems, field);
                    const severity = problems.some((problem) => problem.severity === 'error')
                      ? 'error'
                      : problems.length
                        ? 'warning'
                        : undefined;
                    const text = previewCell(row, key);
                    return (
                      <td
                        key={key}
                        data-severity={severity}
                        title={[
                          row.result.values[key] !== undefined
                            ? previewDetail(row.result.values[key])
                            : text,
                          ...problems.map((problem) => problem.message),
                        ].join('\n')}
                      >
                        <span className="cell-value">{text}</span>
                        {problems.map((problem) => (
                          <span key={problem.message} className="cell-problem">
                            {problem.message}
                          </span>
                        ))}
                      </td>
                    );
                  })}
                  {hasOther && (
                    <td data-severity={otherProblems(row).length ? 'error' : undefined}>
                      {otherProblems(row).map((problem) => (
                        <span key={problem.message} className="cell-problem">
                          {problem.message}
                        </span>
                      ))}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
