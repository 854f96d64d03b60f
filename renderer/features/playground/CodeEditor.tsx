import { useEffect, useLayoutEffect, useRef } from 'react';
import { monaco } from './monaco-setup';

/**
 * One Monaco editor bound to a model identified by `uri`, so language services (GraphQL schema,
 * variables JSON schema) know which document it is. Ctrl/Cmd+Enter runs; the value flows out
 * on change and back in when it changes elsewhere (a tab switch, prettify, history).
 */
interface Props {
  uri: monaco.Uri;
  language: 'graphql' | 'json';
  value: string;
  onChange: (value: string) => void;
  onRun?: () => void;
  /** The editor instance, for actions such as prettify and moving the cursor to an error. */
  onReady?: (editor: monaco.editor.IStandaloneCodeEditor) => void;
  label: string;
}

const darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');

export const CodeEditor = ({ uri, language, value, onChange, onRun, onReady, label }: Props) => {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };

  useEffect(() => {
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, language, uri);
    if (model.getValue() !== value) model.setValue(value);
    const instance = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      ariaLabel: label,
      theme: darkQuery?.matches ? 'vs-dark' : 'vs',
      fixedOverflowWidgets: true,
    });
    editor.current = instance;
    onReady?.(instance);
    const changes = model.onDidChangeContent(() => callbacks.current.onChange(model.getValue()));
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () =>
      callbacks.current.onRun?.(),
    );
    const onScheme = (event: MediaQueryListEvent) =>
      monaco.editor.setTheme(event.matches ? 'vs-dark' : 'vs');
    darkQuery?.addEventListener('change', onScheme);
    return () => {
      darkQuery?.removeEventListener('change', onScheme);
      changes.dispose();
      instance.dispose();
      editor.current = null;
    };
    // The model is the document: made once per URI, its text kept in step below.
  }, [uri.toString(), language]);

  // In the commit that rendered `value`: a passive effect can run after the next keystroke and
  // put an older text back (resetting the cursor and closing the suggestions).
  useLayoutEffect(() => {
    const model = editor.current?.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
  }, [value]);

  return <div className="code-editor" ref={host} data-testid={`editor-${language}`} />;
};
