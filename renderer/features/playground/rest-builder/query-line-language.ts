import type { ModelObject, WorkspaceModel } from '../../../../shared/contract/data-model';
import {
  completeFilter,
  completeOrderBy,
  type CompletionItem,
  type QueryProblem,
} from '../../../../shared/playground/rest-query';
import { monaco } from '../monaco-setup';

/**
 * REST `filter` and `order_by` as two small Monaco languages: colours, completion of field
 * names, comparators, directions and values from the workspace's model (shared/playground's
 * completeFilter / completeOrderBy), and the checks' problems as markers. Each line editor's
 * model says, by its URI, which object it queries.
 */
export type QueryLineKind = 'filter' | 'orderBy';

export const LANGUAGE_IDS: Record<QueryLineKind, string> = {
  filter: 'atelier-rest-filter',
  orderBy: 'atelier-rest-order-by',
};

interface LineContext {
  object: ModelObject | null;
  model: WorkspaceModel | undefined;
}

const contexts = new Map<string, LineContext>();

/** What the line at `uri` queries (read by completion as the admin types). */
export const setLineContext = (uri: monaco.Uri, context: LineContext) =>
  contexts.set(uri.toString(), context);

const complete = (kind: QueryLineKind, text: string, offset: number, context: LineContext) =>
  context.object
    ? (kind === 'filter' ? completeFilter : completeOrderBy)(
        text,
        offset,
        context.object,
        context.model,
      )
    : [];

const KINDS: Record<CompletionItem['kind'], monaco.languages.CompletionItemKind> = {
  field: monaco.languages.CompletionItemKind.Field,
  subField: monaco.languages.CompletionItemKind.Property,
  operator: monaco.languages.CompletionItemKind.Operator,
  value: monaco.languages.CompletionItemKind.EnumMember,
  conjunction: monaco.languages.CompletionItemKind.Keyword,
};

const rangeOf = (model: monaco.editor.ITextModel, start: number, end: number) =>
  monaco.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(end));

const provider = (kind: QueryLineKind): monaco.languages.CompletionItemProvider => ({
  triggerCharacters: ['[', '.', ':', ',', '('],
  provideCompletionItems(model, position) {
    const context = contexts.get(model.uri.toString());
    if (!context) return { suggestions: [] };
    const text = model.getValue();
    const offset = model.getOffsetAt(position);
    const items = complete(kind, text, offset, context);
    return {
      suggestions: items.map((item, index) => {
        // Once accepted, open the list again when there is something to pick next
        // (`jobTitle[` → comparators, `stage[eq]:` → the stage's options).
        const after = text.slice(0, item.replace.start) + item.insertText;
        const more =
          /[[.(:]$/.test(item.insertText) &&
          complete(kind, after + text.slice(item.replace.end), after.length, context).length > 0;
        return {
          label: { label: item.label, description: item.detail },
          kind: KINDS[item.kind],
          detail: item.detail,
          insertText: item.insertText,
          range: rangeOf(model, item.replace.start, item.replace.end),
          sortText: String(index).padStart(4, '0'),
          ...(more ? { command: { id: 'editor.action.triggerSuggest', title: 'Suggest' } } : {}),
        };
      }),
    };
  },
});

let registered = false;

export const registerQueryLineLanguages = () => {
  if (registered) return;
  registered = true;
  for (const kind of ['filter', 'orderBy'] as const) {
    const id = LANGUAGE_IDS[kind];
    monaco.languages.register({ id });
    monaco.languages.setMonarchTokensProvider(id, {
      tokenizer: {
        root: [
          [/\b(and|or|not)(?=\s*\()/, 'keyword'],
          [/\[\w*\]?/, 'type'],
          [/"[^"]*"?|'[^']*'?/, 'string'],
          [/-?\d[\d.eE+-]*(?=[,)\]]|$)/, 'number'],
          [/[A-Za-z_][\w.]*/, 'identifier'],
          [/[(),:]/, 'delimiter'],
        ],
      },
    });
    monaco.languages.setLanguageConfiguration(id, {
      brackets: [
        ['(', ')'],
        ['[', ']'],
      ],
      autoClosingPairs: [
        { open: '(', close: ')' },
        { open: '"', close: '"' },
      ],
    });
    monaco.languages.registerCompletionItemProvider(id, provider(kind));
  }
};

/** The checks' problems as squiggles, with the hint after the message. */
export const setLineMarkers = (model: monaco.editor.ITextModel, problems: QueryProblem[]) => {
  const length = model.getValueLength();
  monaco.editor.setModelMarkers(
    model,
    'atelier-rest-query',
    problems.map((problem) => {
      // An empty range (a missing `]` at the end) still needs a character to underline.
      const end = problem.end > problem.start ? problem.end : Math.min(problem.start + 1, length);
      const start = end > problem.start ? problem.start : Math.max(0, end - 1);
      const range = rangeOf(model, start, end);
      return {
        startLineNumber: range.startLineNumber,
        startColumn: range.startColumn,
        endLineNumber: range.endLineNumber,
        endColumn: range.endColumn,
        message: problem.hint ? `${problem.message} — ${problem.hint}` : problem.message,
        severity:
          problem.severity === 'error'
            ? monaco.MarkerSeverity.Error
            : monaco.MarkerSeverity.Warning,
      };
    }),
  );
};
