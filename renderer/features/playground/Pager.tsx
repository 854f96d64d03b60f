import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { PlaygroundRequest } from '../../../shared/contract/playground';
import {
  graphqlPagingProblem,
  type AnswerPage,
  type PageDirection,
  type PagerState,
} from '../../../shared/playground/pagination';

/**
 * Previous / next page of a list answer, the page number and where its records sit among all
 * (REST lists and GraphQL connections); a GraphQL query that cannot page says what it lacks.
 */
interface Props {
  request: PlaygroundRequest;
  state: PagerState;
  answer: AnswerPage;
  busy: boolean;
  onMove(direction: PageDirection): void;
}

const number = (value: number) => value.toLocaleString();

export const Pager = ({ request, state, answer, busy, onMove }: Props) => {
  const problem = graphqlPagingProblem(request);
  const more = answer.pageInfo?.hasNextPage || (answer.totalCount ?? 0) > answer.count;
  if (problem)
    return more ? (
      <p className="result-pager hint" role="note">
        {problem}
      </p>
    ) : null;
  if (!answer.pageInfo)
    return more && request.kind === 'graphql' ? (
      <p className="result-pager hint" role="note">
        To page, select the list&apos;s <code>pageInfo {'{ hasNextPage endCursor }'}</code>.
      </p>
    ) : null;
  const from = (state.offsets[state.page - 1] ?? 0) + 1;
  const to = from + answer.count - 1;
  const total = answer.totalCount === null ? '' : ` of ${number(answer.totalCount)}`;
  return (
    <nav className="result-pager" aria-label="Pages">
      <button
        className="btn small"
        aria-label="Previous page"
        title="Previous page"
        disabled={busy || state.page <= 1}
        onClick={() => onMove('previous')}
      >
        <ChevronLeft size={14} /> Previous
      </button>
      <span data-testid="page-position" aria-live="polite">
        Page {state.page} ·{' '}
        {answer.count === 0 ? 'no records' : `records ${number(from)}–${number(to)}${total}`}
      </span>
      <button
        className="btn small"
        aria-label="Next page"
        title="Next page"
        disabled={busy || !answer.pageInfo.hasNextPage}
        onClick={() => onMove('next')}
      >
        Next <ChevronRight size={14} />
      </button>
    </nav>
  );
};
