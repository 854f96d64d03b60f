import type { TextRange } from '../../domain/rest-grammar/filter-syntax';

export type { TextRange };

/** A problem placed in the query text; `message` is Twenty's own where Twenty has one. */
export interface QueryProblem extends TextRange {
  message: string;
  /** 'warning': Twenty runs it, but not as meant (e.g. `like` on a number, through a text cast). */
  severity: 'error' | 'warning';
  hint?: string;
}

export type CompletionKind = 'field' | 'subField' | 'operator' | 'value' | 'conjunction';

export interface CompletionItem {
  label: string;
  insertText: string;
  kind: CompletionKind;
  detail: string;
  /** The text the item replaces (the partial word around the cursor). */
  replace: TextRange;
}
