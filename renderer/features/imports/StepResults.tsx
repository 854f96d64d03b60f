import type { Import } from '../../../shared/contract';
import { formatCount } from './format';

/** The results of each file of a run, in run order (parents first). */
export const StepResults = ({ imported }: { imported: Import }) => (
  <div className="table-scroll">
    <table className="data-table step-results" aria-label="Results by file">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Object</th>
          <th scope="col">Created</th>
          <th scope="col">Updated</th>
          <th scope="col">Skipped</th>
          <th scope="col">Failed</th>
          <th scope="col">Related records created</th>
        </tr>
      </thead>
      <tbody>
        {[...imported.steps]
          .sort((a, b) => a.order - b.order)
          .map((step) => (
            <tr key={step.id}>
              <td>{step.fileName}</td>
              <td>{step.mapping.object}</td>
              <td className="number">{formatCount(step.counts.created)}</td>
              <td className="number">{formatCount(step.counts.updated)}</td>
              <td className="number">{formatCount(step.counts.skipped)}</td>
              <td className="number" data-tone={step.counts.failed ? 'danger' : undefined}>
                {formatCount(step.counts.failed)}
              </td>
              <td className="number">{formatCount(step.counts.parentsCreated)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  </div>
);
