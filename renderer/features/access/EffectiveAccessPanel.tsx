import { ExpandButton } from './ExpandButton';
import { useId, useState } from 'react';
import type { AccessOverview, EffectiveAccess } from '../../../shared/contract';
import { useEffectiveAccess } from './access-queries';
import { useAccessActions, useAccessUi } from './access-store';
import { SOURCE_LABELS, subjectGroups, subjectOf, subjectValue } from './subject-options';

const Mark = ({ on, what }: { on: boolean; what: string }) => (
  <span className="mark" data-on={on} aria-label={`${what}: ${on ? 'yes' : 'no'}`} role="img">
    {on ? '✓' : '✗'}
  </span>
);

/** What a key or role can actually do in Twenty, object by object and field by field. */
export const EffectiveAccessPanel = ({ overview }: { overview: AccessOverview }) => {
  const { subject, showSystem } = useAccessUi();
  const { inspect, setShowSystem } = useAccessActions();
  const selectId = useId();
  const groups = subjectGroups(overview);
  const access = useEffectiveAccess(overview.connectionId, subject);
  return (
    <div className="effective-view">
      <div className="matrix-toolbar">
        <label htmlFor={selectId}>Key or role</label>
        <select
          id={selectId}
          value={subjectValue(subject)}
          onChange={(event) => inspect(subjectOf(event.target.value))}
        >
          <option value="">Choose…</option>
          <optgroup label="Roles">
            {groups.roles.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
          {groups.keys.length > 0 && (
            <optgroup label="API keys">
              {groups.keys.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={showSystem}
            onChange={(event) => setShowSystem(event.target.checked)}
          />
          Show system objects
        </label>
      </div>
      {!subject ? (
        <p className="empty">Pick a key or a role to see what it can do.</p>
      ) : access.isPending ? (
        <p className="meta">Working out the access…</p>
      ) : access.isError ? (
        <p className="failure" role="alert">
          {access.error.message}
        </p>
      ) : (
        <EffectiveTables
          access={access.data}
          showSystem={showSystem}
          flagLabels={new Map(overview.permissionFlags.map((flag) => [flag.key, flag.label]))}
        />
      )}
    </div>
  );
};

const EffectiveTables = ({
  access,
  showSystem,
  flagLabels,
}: {
  access: EffectiveAccess;
  showSystem: boolean;
  flagLabels: ReadonlyMap<string, string>;
}) => {
  const [open, setOpen] = useState<string[]>([]);
  const objects = access.objects
    .filter((object) => showSystem || !object.isSystem)
    .sort((a, b) => a.label.localeCompare(b.label));
  const toggle = (id: string) =>
    setOpen((current) =>
      current.includes(id) ? current.filter((item) => item !== id) : [...current, id],
    );
  return (
    <>
      <p className="meta" data-testid="effective-role">
        Runs with the role <strong>{access.roleLabel}</strong>.
      </p>
      <div className="table-scroll">
        <table className="effective-table" aria-label="Effective access">
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col">Read</th>
              <th scope="col">Create/update</th>
              <th scope="col">Delete</th>
              <th scope="col">Destroy</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {objects.map((object) => {
              const expanded = open.includes(object.objectId);
              return [
                <tr key={object.objectId}>
                  <th scope="row">
                    <ExpandButton
                      expanded={expanded}
                      label={`${object.label} fields`}
                      onToggle={() => toggle(object.objectId)}
                    />
                    {object.label}
                  </th>
                  <td>
                    <Mark on={object.read} what="read" />
                  </td>
                  <td>
                    <Mark on={object.update} what="create/update" />
                  </td>
                  <td>
                    <Mark on={object.softDelete} what="delete" />
                  </td>
                  <td>
                    <Mark on={object.destroy} what="destroy" />
                  </td>
                  <td>
                    <span className="badge source" data-source={object.source}>
                      {SOURCE_LABELS[object.source]}
                    </span>
                  </td>
                </tr>,
                ...(expanded
                  ? object.fields.map((field) => (
                      <tr key={`${object.objectId}:${field.fieldId}`} className="field-row">
                        <th scope="row">
                          <span className="field-label">{field.label}</span>
                        </th>
                        <td>
                          <Mark on={field.read} what="read" />
                        </td>
                        <td>
                          <Mark on={field.update} what="update" />
                        </td>
                        <td colSpan={3}>
                          {!field.read ? (
                            <span className="badge danger">hidden</span>
                          ) : !field.update && object.update ? (
                            <span className="badge warn">read-only</span>
                          ) : null}
                        </td>
                      </tr>
                    ))
                  : []),
              ];
            })}
          </tbody>
        </table>
      </div>
      {(['settings', 'tool'] as const).map((kind) => (
        <section
          key={kind}
          aria-label={kind === 'settings' ? 'Settings permissions' : 'Tool permissions'}
        >
          <h3 className="plan-heading">
            {kind === 'settings' ? 'Settings permissions' : 'Tool permissions'}
          </h3>
          <ul className="flag-list">
            {access.flags
              .filter((flag) => flag.kind === kind)
              .map((flag) => {
                const label = flagLabels.get(flag.key) ?? flag.key;
                return (
                  <li key={flag.key} data-granted={flag.granted}>
                    <Mark on={flag.granted} what={label} /> {label}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </>
  );
};
