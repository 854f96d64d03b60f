import { useEffect, useMemo, type ReactNode } from 'react';
import type { WorkspaceModel } from '../../../../shared/contract/data-model';
import { REST_METHODS } from '../../../../shared/contract/playground';
import { restBodySchema } from '../../../../shared/playground/record-body-schema';
import { API_ROOTS, partsOfRestLine } from '../../../../shared/playground/rest-path';
import { findObject } from '../../../../shared/playground/rest-query/find-object';
import type { monaco } from '../monaco-setup';
import type { PlaygroundTab } from '../playground-store';
import { setBodySchema } from './body-schemas';
import { RestBuilder } from './RestBuilder';

/**
 * A REST tab's inputs: the builder, the request line it writes (method + path, editable by
 * hand and read back), the JSON body checked against the object's fields, and the headers.
 */
interface Props {
  tab: PlaygroundTab;
  model: WorkspaceModel | undefined;
  update(patch: Partial<PlaygroundTab>): void;
  onRun(): void;
  bodyUri: monaco.Uri;
  jsonPane(field: 'body' | 'headers', label: string): ReactNode;
}

const WITH_BODY = new Set<PlaygroundTab['method']>(['POST', 'PATCH', 'PUT']);

export const RestRequestPane = ({ tab, model, update, onRun, bodyUri, jsonPane }: Props) => {
  const parts = partsOfRestLine(tab.api, { method: tab.method, path: tab.path });
  const object = tab.api === 'core' && parts ? parts.spec.object : null;
  const operation = parts?.spec.operation ?? null;
  const schema = useMemo(() => {
    const target = object && model ? findObject(object, model) : null;
    return target && model && operation ? restBodySchema(target, model, operation) : null;
  }, [object, operation, model]);
  useEffect(() => setBodySchema(bodyUri, schema), [bodyUri, schema]);

  return (
    <>
      <RestBuilder tab={tab} model={model} update={update} onRun={onRun} />
      <div className="rest-line">
        <select
          aria-label="Method"
          value={tab.method}
          onChange={(event) => update({ method: event.target.value as PlaygroundTab['method'] })}
        >
          {REST_METHODS.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <code>{API_ROOTS[tab.api]}</code>
        <input
          aria-label="Path"
          value={tab.path}
          spellCheck={false}
          onChange={(event) => update({ path: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onRun();
          }}
        />
      </div>
      {WITH_BODY.has(tab.method) && (
        <>
          <div className="pane-caption">
            Body
            {schema && <span className="hint">checked against the fields of {object}</span>}
          </div>
          <div className="editor-main">{jsonPane('body', 'Request body')}</div>
        </>
      )}
      <div className="pane-caption">Headers</div>
      <div className="editor-side">{jsonPane('headers', 'Headers')}</div>
    </>
  );
};
