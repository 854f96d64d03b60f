import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ModelObject, WorkspaceModel } from '../../../../shared/contract/data-model';
import type { QueryProblem } from '../../../../shared/playground/rest-query';
import { monaco } from '../monaco-setup';
import {
  LANGUAGE_IDS,
  registerQueryLineLanguages,
  setLineContext,
  setLineMarkers,
  type QueryLineKind,
} from './query-line-language';

/**
 * A one-line Monaco editor for a REST `filter` or `order_by`: completion as the admin types
 * (Ctrl+Space opens it anywhere), problems underlined, Enter or Ctrl/Cmd+Enter runs (Enter
 * accepts a suggestion while the list is open), Tab moves on to the next input. A long line
 * wraps and the editor grows with it (up to a few rows), so the whole filter stays in view.
 */
interface Props {
  uri: monaco.Uri;
  kind: QueryLineKind;
  value: string;
  onChange(value: string): void;
  onRun(): void;
  object: ModelObject | null;
  model: WorkspaceModel | undefined;
  problems: QueryProblem[];
  label: string;
  placeholder: string;
}

const darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');
const MAX_HEIGHT = 4 * 20 + 8;

export const QueryLineEditor = (props: Props) => {
  const { uri, kind, value, object, model, problems, label, placeholder } = props;
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    registerQueryLineLanguages();
    const language = LANGUAGE_IDS[kind];
    const existing = monaco.editor.getModel(uri);
    const textModel = existing ?? monaco.editor.createModel(value, language, uri);
    if (textModel.getValue() !== value) textModel.setValue(value);
    const instance = monaco.editor.create(host.current!, {
      model: textModel,
      ariaLabel: label,
      placeholder,
      theme: darkQuery?.matches ? 'vs-dark' : 'vs',
      automaticLayout: true,
      fixedOverflowWidgets: true,
      fontSize: 13,
      lineHeight: 20,
      padding: { top: 4, bottom: 4 },
      lineNumbers: 'off',
      glyphMargin: false,
      folding: false,
      lineDecorationsWidth: 6,
      lineNumbersMinChars: 0,
      minimap: { enabled: false },
      scrollbar: {
        vertical: 'auto',
        horizontal: 'hidden',
        verticalScrollbarSize: 8,
        alwaysConsumeMouseWheel: false,
      },
      overviewRulerLanes: 0,
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
      renderLineHighlight: 'none',
      scrollBeyondLastLine: false,
      scrollBeyondLastColumn: 0,
      wordWrap: 'on',
      contextmenu: false,
      links: false,
      occurrencesHighlight: 'off',
      selectionHighlight: false,
      matchBrackets: 'near',
      renderWhitespace: 'none',
      wordBasedSuggestions: 'off',
      quickSuggestions: { other: 'on', strings: 'off', comments: 'off' },
      suggestOnTriggerCharacters: true,
      suggest: { showWords: false, showStatusBar: false, preview: true },
      tabFocusMode: true,
      find: { addExtraSpaceOnTop: false, seedSearchStringFromSelection: 'never' },
    });
    editor.current = instance;
    const fit = () => {
      const height = Math.min(instance.getContentHeight(), MAX_HEIGHT);
      if (host.current && host.current.clientHeight !== height) {
        host.current.style.height = `${height}px`;
        instance.layout();
      }
    };
    const sizes = instance.onDidContentSizeChange(fit);
    fit();
    const changes = textModel.onDidChangeContent(() => {
      const text = textModel.getValue();
      // One line: a pasted line break becomes nothing (Twenty reads the filter as one line).
      if (/[\r\n]/.test(text)) {
        textModel.setValue(text.replace(/[\r\n]+/g, ''));
        instance.setPosition({ lineNumber: 1, column: textModel.getLineMaxColumn(1) });
        return;
      }
      callbacks.current.onChange(text);
    });
    instance.addCommand(
      monaco.KeyCode.Enter,
      () => callbacks.current.onRun(),
      '!suggestWidgetVisible',
    );
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () =>
      callbacks.current.onRun(),
    );
    return () => {
      changes.dispose();
      sizes.dispose();
      instance.dispose();
      editor.current = null;
    };
    // One editor per model URI; its text is kept in step below.
  }, [uri.toString(), kind]);

  // In the commit that rendered `value`: a passive effect can run after the next keystroke and
  // put an older text back (resetting the cursor and closing the suggestions).
  useLayoutEffect(() => {
    const textModel = editor.current?.getModel();
    if (textModel && textModel.getValue() !== value) textModel.setValue(value);
  }, [value]);

  useEffect(() => {
    setLineContext(uri, { object, model });
  }, [uri.toString(), object, model]);

  useEffect(() => {
    const textModel = editor.current?.getModel();
    if (textModel) setLineMarkers(textModel, problems);
  }, [problems, value]);

  return (
    <div
      className="query-line"
      ref={host}
      data-testid={`query-line-${kind}`}
      data-invalid={problems.some((problem) => problem.severity === 'error') || undefined}
    />
  );
};
