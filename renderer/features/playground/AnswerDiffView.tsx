import type { AnswerDiff, ValueChange } from './answer-diff';

const shown = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

const Changes = ({ changes, id }: { changes: ValueChange[]; id?: string }) => (
  <>
    {changes.map((change) => (
      <tr key={`${id ?? ''}:${change.path}`}>
        {id !== undefined && <td className="mono">{id}</td>}
        <td className="mono">{change.path || '(answer)'}</td>
        <td className="mono">{shown(change.live)}</td>
        <td className="mono">{shown(change.replica)}</td>
      </tr>
    ))}
  </>
);

const IdList = ({ label, ids }: { label: string; ids: string[] }) =>
  ids.length === 0 ? null : (
    <details>
      <summary>
        {label}: {ids.length}
      </summary>
      <ul className="mono id-list">
        {ids.slice(0, 200).map((id) => (
          <li key={id}>{id}</li>
        ))}
        {ids.length > 200 && <li>… {ids.length - 200} more</li>}
      </ul>
    </details>
  );

/** The live workspace's answer against its replica's, records matched by id. */
export const AnswerDiffView = ({
  diff,
  liveName,
  replicaName,
}: {
  diff: AnswerDiff;
  liveName: string;
  replicaName: string;
}) => {
  const { records } = diff;
  const changedFields =
    records?.changed.reduce((sum, record) => sum + record.changes.length, 0) ?? 0;
  return (
    <section
      className="answer-diff"
      aria-label="Difference between the answers"
      data-same={diff.same}
    >
      <p className="diff-summary" role="status">
        {diff.same
          ? `Same answer from ${liveName} and ${replicaName}`
          : `The answers differ${diff.status ? `: status ${diff.status.live} live, ${diff.status.replica} on the replica` : ''}`}
      </p>
      {records && (
        <p className="meta">
          {records.matched} record(s) in both · {records.onlyLive.length} only live ·{' '}
          {records.onlyReplica.length} only on the replica · {records.changed.length} changed (
          {changedFields} field(s))
        </p>
      )}
      {records && (
        <>
          <IdList label={`Only in ${liveName}`} ids={records.onlyLive} />
          <IdList label={`Only in ${replicaName}`} ids={records.onlyReplica} />
        </>
      )}
      {(changedFields > 0 || diff.other.length > 0) && (
        <table className="diff-table">
          <thead>
            <tr>
              {changedFields > 0 && <th>Record</th>}
              <th>Field</th>
              <th>{liveName}</th>
              <th>{replicaName}</th>
            </tr>
          </thead>
          <tbody>
            {records?.changed.map((record) => (
              <Changes key={record.id} id={record.id} changes={record.changes} />
            ))}
            {changedFields > 0 ? (
              <Changes id="" changes={diff.other} />
            ) : (
              <Changes changes={diff.other} />
            )}
          </tbody>
        </table>
      )}
      <p className="meta">
        Not compared: {diff.ignored.join(', ')} (a replica stamps its own) and cursors.
      </p>
    </section>
  );
};
