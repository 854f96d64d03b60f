import type { DraftIssue } from '../../../shared/schema/validate-draft';
import { updateColumn, type NewObjectProposal } from './new-object';
import { NewObjectColumnRow } from './NewObjectColumnRow';

/** The file's columns as the new object's fields, one row each. */
export const NewObjectColumns = (props: {
  proposal: NewObjectProposal;
  issues: Record<string, DraftIssue[]>;
  sampleRows: number;
  onChange: (next: NewObjectProposal) => void;
}) => {
  const { proposal, issues, onChange } = props;
  const included = proposal.columns.filter((column) => column.included).length;
  return (
    <section className="new-object-columns" aria-label="Fields from the columns">
      <h3>
        Fields{' '}
        <span className="meta">
          {included} of {proposal.columns.length} columns · types from the first {props.sampleRows}{' '}
          rows
        </span>
      </h3>
      <div className="table-scroll">
        <table className="new-object-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Include</span>
              </th>
              <th scope="col">Column</th>
              <th scope="col">Label</th>
              <th scope="col">API name</th>
              <th scope="col">Type</th>
              <th scope="col">Values</th>
            </tr>
          </thead>
          <tbody>
            {proposal.columns.map((column) => (
              <NewObjectColumnRow
                key={column.column}
                column={column}
                issues={issues[column.column] ?? []}
                onChange={(patch) => onChange(updateColumn(proposal, column.column, patch))}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
