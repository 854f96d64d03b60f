import { AlertCircle, AlertTriangle } from 'lucide-react';
import type { QueryProblem } from '../../../../shared/playground/rest-query';

/** The checks' problems under a query line, in words (the squiggles say where). */
export const ProblemList = ({ problems, label }: { problems: QueryProblem[]; label: string }) =>
  problems.length === 0 ? null : (
    <ul className="query-problems" aria-label={label}>
      {problems.map((problem, index) => (
        <li key={index} data-severity={problem.severity}>
          {problem.severity === 'error' ? <AlertCircle size={13} /> : <AlertTriangle size={13} />}
          <span>
            {problem.message}
            {problem.hint && <span className="hint"> — {problem.hint}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
