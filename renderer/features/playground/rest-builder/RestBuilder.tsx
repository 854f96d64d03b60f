import { ChevronDown, ChevronRight } from 'lucide-react';
import { useMemo } from 'react';
import type { WorkspaceModel } from '../../../../shared/contract/data-model';
import { METADATA_REST_RESOURCES } from '../../../../shared/playground/metadata-rest-resources';
import { editRestLine, partsOfRestLine, restLineOf } from '../../../../shared/playground/rest-path';
import {
  checkFilter,
  checkOrderBy,
  restOperationsOf,
  restRoute,
  type RestOperation,
  type RestRequestSpec,
} from '../../../../shared/playground/rest-query';
import { findObject } from '../../../../shared/playground/rest-query/find-object';
import { monaco } from '../monaco-setup';
import type { PlaygroundTab } from '../playground-store';
import { BODY_TEMPLATES, OPERATION_LABELS } from './operation-labels';
import { ProblemList } from './ProblemList';
import { QueryLineEditor } from './QueryLineEditor';
import { RestParams } from './RestParams';

/**
 * The REST request as parts: object (or metadata resource), operation, id, and the query
 * parameters the operation reads, with `filter` and `order_by` completed and checked against
 * the workspace's model. The tab's method and path stay the request: every edit here rewrites
 * them, and the parts are read back from them, so the path line and the builder never disagree.
 */
interface Props {
  tab: PlaygroundTab;
  model: WorkspaceModel | undefined;
  update(patch: Partial<PlaygroundTab>): void;
  onRun(): void;
}

const NO_PROBLEMS: never[] = [];

export const RestBuilder = ({ tab, model, update, onRun }: Props) => {
  const api = tab.api;
  const line = { method: tab.method, path: tab.path };
  const parts = partsOfRestLine(api, line);
  const spec: Partial<RestRequestSpec> = parts?.spec ?? {};
  const route = spec.operation ? restRoute(api, spec.operation) : null;
  const reads = new Set(route?.params ?? []);
  const object = useMemo(
    () => (api === 'core' && spec.object && model ? findObject(spec.object, model) : null),
    [api, spec.object, model],
  );
  const filterProblems = useMemo(
    () => (spec.filter && object ? checkFilter(spec.filter, object, model) : NO_PROBLEMS),
    [spec.filter, object, model],
  );
  const orderProblems = useMemo(
    () => (spec.orderBy && object ? checkOrderBy(spec.orderBy, object, model) : NO_PROBLEMS),
    [spec.orderBy, object, model],
  );
  const uris = useMemo(
    () => ({
      filter: monaco.Uri.parse(`inmemory://playground/filter-${tab.id}.rest-filter`),
      orderBy: monaco.Uri.parse(`inmemory://playground/order-by-${tab.id}.rest-order-by`),
    }),
    [tab.id],
  );

  const change = (patch: Partial<RestRequestSpec>, body?: string) => {
    const next = parts
      ? editRestLine(api, line, patch)
      : patch.object
        ? restLineOf({ spec: { api, object: patch.object, operation: 'findMany' }, extras: [] })
        : null;
    if (next) update({ method: next.method, path: next.path, ...(body ? { body } : {}) });
  };

  const pickOperation = (operation: RestOperation) => {
    const template = BODY_TEMPLATES[operation];
    const blank = !tab.body.trim() || /^\{\s*\}$/.test(tab.body.trim());
    change({ operation }, template && blank ? template : undefined);
  };

  const objects = (model?.objects ?? [])
    .filter((candidate) => candidate.isActive)
    .sort((a, b) => a.labelPlural.localeCompare(b.labelPlural));
  const known =
    api === 'metadata'
      ? METADATA_REST_RESOURCES.some((resource) => resource.name === spec.object)
      : objects.some((candidate) => candidate.namePlural === spec.object);
  const resource = METADATA_REST_RESOURCES.find((candidate) => candidate.name === spec.object);
  const text = (value: string | undefined) => value ?? '';

  return (
    <section className="rest-builder" aria-label="REST builder" data-open={tab.builderOpen}>
      <button
        className="rest-builder-toggle"
        aria-expanded={tab.builderOpen}
        onClick={() => update({ builderOpen: !tab.builderOpen })}
      >
        {tab.builderOpen ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
        Builder
        {!parts && <span className="hint"> — the path below is not one the builder reads</span>}
      </button>
      {tab.builderOpen && (
        <div className="rest-builder-grid">
          <label htmlFor={`rest-object-${tab.id}`}>{api === 'core' ? 'Object' : 'Resource'}</label>
          <div className="rest-builder-row">
            <select
              id={`rest-object-${tab.id}`}
              value={spec.object ?? ''}
              onChange={(event) => change({ object: event.target.value })}
            >
              {!spec.object && <option value="">Pick one…</option>}
              {spec.object && !known && (
                <option value={spec.object}>
                  {spec.object} {api === 'core' && model ? '(not in the model)' : ''}
                </option>
              )}
              {api === 'metadata' ? (
                METADATA_REST_RESOURCES.map((candidate) => (
                  <option key={candidate.name} value={candidate.name}>
                    {candidate.label} (/{candidate.name})
                  </option>
                ))
              ) : (
                <>
                  <optgroup label="Objects">
                    {objects
                      .filter((candidate) => !candidate.isSystem)
                      .map((candidate) => (
                        <option key={candidate.id} value={candidate.namePlural}>
                          {candidate.labelPlural} (/{candidate.namePlural})
                        </option>
                      ))}
                  </optgroup>
                  <optgroup label="System objects">
                    {objects
                      .filter((candidate) => candidate.isSystem)
                      .map((candidate) => (
                        <option key={candidate.id} value={candidate.namePlural}>
                          {candidate.labelPlural} (/{candidate.namePlural})
                        </option>
                      ))}
                  </optgroup>
                </>
              )}
            </select>
          </div>
          <label htmlFor={`rest-operation-${tab.id}`}>Operation</label>
          <div className="rest-builder-row">
            <select
              id={`rest-operation-${tab.id}`}
              value={spec.operation ?? ''}
              disabled={!parts}
              onChange={(event) => pickOperation(event.target.value as RestOperation)}
            >
              {!spec.operation && <option value="">—</option>}
              {restOperationsOf(api).map((operation) => (
                <option key={operation} value={operation}>
                  {OPERATION_LABELS[operation]} · {restRoute(api, operation).method}
                </option>
              ))}
            </select>
          </div>

          {api === 'core' && !model && (
            <p className="hint span" role="status">
              Reading the workspace&apos;s model: completion and checks start once it is read.
            </p>
          )}

          {route?.needsId && (
            <>
              <label htmlFor={`rest-id-${tab.id}`}>Id</label>
              <input
                id={`rest-id-${tab.id}`}
                className="mono"
                placeholder="The record's UUID"
                value={text(spec.id)}
                onChange={(event) => change({ id: event.target.value.trim() || undefined })}
              />
            </>
          )}

          {reads.has('filter') && (
            <>
              <span>Filter</span>
              <div className="rest-builder-query">
                <QueryLineEditor
                  uri={uris.filter}
                  kind="filter"
                  value={text(spec.filter)}
                  onChange={(filter) => change({ filter: filter || undefined })}
                  onRun={onRun}
                  object={object}
                  model={model}
                  problems={filterProblems}
                  label="Filter"
                  placeholder="e.g. and(name[like]:%acme%,employees[gte]:10) — Ctrl+Space completes"
                />
                <ProblemList problems={filterProblems} label="Filter problems" />
              </div>
            </>
          )}

          {reads.has('orderBy') && (
            <>
              <span>Order by</span>
              <div className="rest-builder-query">
                <QueryLineEditor
                  uri={uris.orderBy}
                  kind="orderBy"
                  value={text(spec.orderBy)}
                  onChange={(orderBy) => change({ orderBy: orderBy || undefined })}
                  onRun={onRun}
                  object={object}
                  model={model}
                  problems={orderProblems}
                  label="Order by"
                  placeholder="e.g. createdAt[DescNullsLast],name"
                />
                <ProblemList problems={orderProblems} label="Order by problems" />
              </div>
            </>
          )}

          <RestParams api={api} spec={spec} reads={reads} change={change} />

          {resource?.listParams && spec.operation === 'findMany' && (
            <p className="hint span">
              This list also reads {resource.listParams.map((name) => `?${name}=…`).join(', ')}: add
              it to the path.
            </p>
          )}
        </div>
      )}
    </section>
  );
};
