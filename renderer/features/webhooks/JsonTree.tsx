import JsonView from '@uiw/react-json-view';
import { githubDarkTheme } from '@uiw/react-json-view/githubDark';
import { githubLightTheme } from '@uiw/react-json-view/githubLight';

const dark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches;

/** A JSON value as a foldable tree (objects and arrays), or as text (anything else). */
export const JsonTree = ({ value, collapsed = 3 }: { value: unknown; collapsed?: number }) =>
  value !== null && typeof value === 'object' ? (
    <JsonView
      value={value as object}
      style={{ ...(dark() ? githubDarkTheme : githubLightTheme), background: 'transparent' }}
      collapsed={collapsed}
      displayDataTypes={false}
      enableClipboard
    />
  ) : (
    <code className="json-scalar">{JSON.stringify(value) ?? 'undefined'}</code>
  );
