import { CircleAlert, TriangleAlert } from 'lucide-react';
import type { MappingProblem } from '../../../shared/imports';

/** Problems of the mapping itself (compiled against the object), errors first. */
export const MappingProblems = ({ problems }: { problems: readonly MappingProblem[] }) => {
  if (problems.length === 0) return null;
  const sorted = [...problems].sort(
    (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
  );
  return (
    <ul
      className="mapping-problems"
      aria-label="Mapping problems"
      data-severity={sorted[0]?.severity}
    >
      {sorted.map((problem) => (
        <li key={`${problem.field}-${problem.message}`} data-severity={problem.severity}>
          {problem.severity === 'error' ? (
            <CircleAlert size={14} aria-label="Error" />
          ) : (
            <TriangleAlert size={14} aria-label="Warning" />
          )}
          {problem.message}
        </li>
      ))}
    </ul>
  );
};
