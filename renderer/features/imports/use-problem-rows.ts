import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { ProblemRow } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { toastError } from '../../ui/toast-error';
import { importKey, problemsKey } from './import-queries';
import { nextOffset, replaceRow } from './problem-rows';

export const PAGE_SIZE = 200;
export type RowFilter = 'problems' | 'errors' | 'warnings' | 'duplicates' | 'excluded';

interface Page {
  headers: string[];
  total: number;
  rows: ProblemRow[];
}

/** The rows of a step with problems, a page at a time (by offset) as the grid scrolls. */
export const useProblemRows = (importId: string, stepId: string, filter: RowFilter) =>
  useInfiniteQuery({
    queryKey: [...problemsKey(importId), stepId, filter],
    queryFn: ({ pageParam }) =>
      rpc.call('imports.problemRows', {
        importId,
        stepId,
        filter,
        offset: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: 0,
    getNextPageParam: (_last, pages) => nextOffset(pages),
    // Read again when the grid opens (a validation may have ended while the tool was closed).
    staleTime: 0,
  });

/**
 * Fixes a row (cells, or excluded): the answered row, checked again, replaces the old one in
 * every loaded page of the step, where it stays until the filter is read again; the import is
 * read again for its counts.
 */
export const useFixRow = (importId: string, stepId: string) => {
  const client = useQueryClient();
  return async (
    line: number,
    patch: { cells?: Record<string, string>; excluded?: boolean },
  ): Promise<ProblemRow | null> => {
    try {
      const row = await rpc.call('imports.fixRow', { importId, stepId, line, ...patch });
      client.setQueriesData<InfiniteData<Page, number>>(
        { queryKey: [...problemsKey(importId), stepId] },
        (data) => (data ? { ...data, pages: replaceRow(data.pages, row) } : data),
      );
      void client.invalidateQueries({ queryKey: importKey(importId) });
      return row;
    } catch (error) {
      toastError(error);
      return null;
    }
  };
};
