import type { PlaygroundApi } from '../../../../shared/contract/playground';
import type { RestParam, RestRequestSpec } from '../../../../shared/playground/rest-query';

/**
 * The REST builder's plain parameters, those of them the operation reads: limit, depth, soft
 * delete, upsert and the paging cursors (rows of the builder's grid, label then inputs).
 */
interface Props {
  api: PlaygroundApi;
  spec: Partial<RestRequestSpec>;
  reads: Set<RestParam>;
  change(patch: Partial<RestRequestSpec>): void;
}

const text = (value: string | undefined) => value ?? '';

export const RestParams = ({ api, spec, reads, change }: Props) => (
  <>
    {(reads.has('limit') ||
      reads.has('depth') ||
      reads.has('softDelete') ||
      reads.has('upsert')) && (
      <>
        <span>Options</span>
        <div className="rest-builder-row">
          {reads.has('limit') && (
            <label className="inline">
              Limit
              <input
                type="number"
                min={1}
                max={api === 'core' ? 200 : 1000}
                placeholder={api === 'core' ? '60' : '1000'}
                value={spec.limit ?? ''}
                onChange={(event) =>
                  change({
                    limit: event.target.value === '' ? undefined : Number(event.target.value),
                  })
                }
              />
            </label>
          )}
          {reads.has('depth') && (
            <label className="inline">
              Depth
              <select
                value={spec.depth ?? ''}
                onChange={(event) =>
                  change({
                    depth:
                      event.target.value === '' ? undefined : event.target.value === '1' ? 1 : 0,
                  })
                }
              >
                <option value="">default (0)</option>
                <option value="0">0 — fields only</option>
                <option value="1">1 — with related records</option>
              </select>
            </label>
          )}
          {reads.has('softDelete') && (
            <label className="inline">
              <input
                type="checkbox"
                checked={spec.softDelete ?? false}
                onChange={(event) => change({ softDelete: event.target.checked || undefined })}
              />
              Soft delete (restorable)
            </label>
          )}
          {reads.has('upsert') && (
            <label className="inline">
              <input
                type="checkbox"
                checked={spec.upsert ?? false}
                onChange={(event) => change({ upsert: event.target.checked || undefined })}
              />
              Upsert (update the record an id or unique field matches)
            </label>
          )}
        </div>
      </>
    )}

    {reads.has('startingAfter') && (
      <>
        <span>Cursors</span>
        <div className="rest-builder-row">
          <label className="inline grow">
            Starting after
            <input
              className="mono"
              placeholder="endCursor of a page"
              value={text(spec.startingAfter)}
              onChange={(event) =>
                change({ startingAfter: event.target.value.trim() || undefined })
              }
            />
          </label>
          <label className="inline grow">
            Ending before
            <input
              className="mono"
              placeholder="startCursor of a page"
              value={text(spec.endingBefore)}
              onChange={(event) => change({ endingBefore: event.target.value.trim() || undefined })}
            />
          </label>
        </div>
      </>
    )}
  </>
);
