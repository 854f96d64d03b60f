import { Link2, Plus, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ModelObject } from '../../../../shared/contract/data-model';
import { CREATABLE_FIELD_TYPES, fieldTypeInfo } from '../../../../shared/domain/field-type-catalog';
import {
  addField,
  baseObjectName,
  freeLabel,
  newFieldOfType,
  removeObject,
  syncedObjectNames,
  updateObject,
  type ObjectHead,
} from '../../../../shared/schema/draft-edits';
import {
  isStandardObject,
  type CustomSchemaObject,
} from '../../../../shared/schema/schema-document';
import { validateObjectHead } from '../../../../shared/schema/validate-draft';
import { Checkbox, TextInput } from '../../../ui/form';
import { useDraftStore } from '../draft-store';
import { useDataModelView } from '../data-model-store';
import type { ChangeMark } from '../draft-overlay';
import { FieldTypeIcon } from '../field-type-icon';
import { ConfirmDelete } from './ConfirmDelete';

/**
 * An object in the side panel: its names (synced with labels as Twenty does unless unlinked),
 * description, icon, active state, its fields, and a quick "add field" of any creatable type.
 */
interface Props {
  connectionId: string;
  object: ModelObject;
  marks: Map<string, ChangeMark>;
  /** nameSingular and namePlural of every other object in the workspace and draft. */
  takenNames: Set<string>;
  onAddRelation: () => void;
}

const headOf = ({ fields: _fields, ...head }: CustomSchemaObject): ObjectHead => head;

const AddField = ({ object }: { object: ModelObject }) => {
  const edit = useDraftStore((state) => state.edit);
  const select = useDataModelView((state) => state.select);
  const [type, setType] = useState('TEXT');
  const [label, setLabel] = useState('');
  const add = () => {
    const info = fieldTypeInfo(type);
    if (!info) return;
    const taken = new Set(object.fields.map((field) => field.name));
    const field = newFieldOfType(
      info.type,
      freeLabel(label.trim() || info.label, taken),
      info.icon,
    );
    edit((draft) => addField(draft, object.nameSingular, field));
    select({ object: object.nameSingular, field: field.name });
    setLabel('');
  };
  return (
    <form
      className="add-field"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <select aria-label="New field type" value={type} onChange={(e) => setType(e.target.value)}>
        {CREATABLE_FIELD_TYPES.filter((info) => info.type !== 'RELATION').map((info) => (
          <option key={info.type} value={info.type}>
            {info.label}
          </option>
        ))}
      </select>
      <input
        aria-label="New field label"
        placeholder="Label"
        value={label}
        onChange={(event) => setLabel(event.target.value)}
      />
      <button className="btn small" type="submit">
        <Plus size={14} /> Add field
      </button>
    </form>
  );
};

export const ObjectEditor = ({ connectionId, object, marks, takenNames, onAddRelation }: Props) => {
  const { edit, target, base, renames } = useDraftStore();
  const select = useDataModelView((state) => state.select);
  const naming = useDataModelView((state) => state.naming);
  const wanted = target?.objects.find(
    (candidate) => candidate.nameSingular === object.nameSingular,
  );
  const custom = wanted && !isStandardObject(wanted) ? wanted : null;
  const [head, setHead] = useState<ObjectHead | null>(custom ? headOf(custom) : null);
  const [confirming, setConfirming] = useState(false);
  const mark = marks.get(object.nameSingular);
  const issues = useMemo(
    () => (head ? validateObjectHead(head, takenNames) : []),
    [head, takenNames],
  );
  const errorsFor = (path: string) =>
    issues.filter((issue) => issue.path === path).map((issue) => issue.message);
  const original =
    base && target ? baseObjectName({ base, target, renames }, object.nameSingular) : null;

  const change = (patch: Partial<ObjectHead>) =>
    setHead((current) => {
      if (!current) return current;
      const next = { ...current, ...patch };
      return next.isLabelSyncedWithName ? { ...next, ...syncedObjectNames(next) } : next;
    });
  const commit = (next: ObjectHead | null = head) => {
    if (!next || !custom) return;
    edit((draft) => updateObject(draft, object.nameSingular, next));
    if (next.nameSingular !== object.nameSingular) select({ object: next.nameSingular }, true);
  };
  const commitPatch = (patch: Partial<ObjectHead>) => {
    if (!head) return;
    let next = { ...head, ...patch };
    if (next.isLabelSyncedWithName) next = { ...next, ...syncedObjectNames(next) };
    setHead(next);
    commit(next);
  };

  const fields = [...object.fields]
    .filter((field) => !field.isSystem)
    .sort((a, b) => Number(b.isCustom) - Number(a.isCustom) || a.label.localeCompare(b.label));

  return (
    <section className="editor-section" aria-label={`Object ${object.labelSingular}`}>
      <header className="editor-head">
        <h2>{object.labelSingular}</h2>
        <span className="badge">{custom ? 'custom' : 'standard'}</span>
        {mark && <span className={`badge mark-${mark}`}>{mark}</span>}
      </header>
      {mark === 'removed' ? (
        <p className="notice">Deleted in this draft. Undo (Ctrl+Z) brings it back.</p>
      ) : head ? (
        <>
          <div className="two-columns">
            <TextInput
              label="Singular label"
              value={head.labelSingular}
              onChange={(labelSingular) => change({ labelSingular })}
              onCommit={() => commit()}
              errors={errorsFor('labelSingular')}
            />
            <TextInput
              label="Plural label"
              value={head.labelPlural}
              onChange={(labelPlural) => change({ labelPlural })}
              onCommit={() => commit()}
              errors={errorsFor('labelPlural')}
            />
            <TextInput
              label="API name (singular)"
              value={head.nameSingular}
              disabled={head.isLabelSyncedWithName}
              onChange={(nameSingular) => change({ nameSingular })}
              onCommit={() => commit()}
              errors={errorsFor('nameSingular')}
            />
            <TextInput
              label="API name (plural)"
              value={head.namePlural}
              disabled={head.isLabelSyncedWithName}
              onChange={(namePlural) => change({ namePlural })}
              onCommit={() => commit()}
              errors={errorsFor('namePlural')}
            />
          </div>
          <Checkbox
            label="Sync API names with labels"
            checked={head.isLabelSyncedWithName}
            onChange={(isLabelSyncedWithName) => commitPatch({ isLabelSyncedWithName })}
          />
          {original && original !== head.nameSingular && (
            <p className="hint">
              Renamed from <code>{original}</code>: webhooks and integrations that name it must
              follow.
            </p>
          )}
          <TextInput
            label="Description"
            multiline
            value={head.description ?? ''}
            onChange={(description) => change({ description: description || null })}
            onCommit={() => commit()}
          />
          <TextInput
            label="Icon"
            hint="Tabler icon name, e.g. IconBox"
            value={head.icon ?? ''}
            onChange={(icon) => change({ icon: icon || null })}
            onCommit={() => commit()}
          />
          <Checkbox
            label="Active"
            hint="An inactive object keeps its records but is hidden"
            checked={head.isActive}
            onChange={(isActive) => commitPatch({ isActive })}
          />
        </>
      ) : (
        <p className="hint">
          A standard object: its own fields belong to Twenty. Custom fields can be added.
        </p>
      )}
      {mark !== 'removed' && (
        <>
          <h3 className="editor-subhead">Fields</h3>
          <ul className="field-list" aria-label="Fields">
            {fields.map((field) => {
              const fieldMark = marks.get(`${object.nameSingular}.${field.name}`);
              const editable = field.isCustom && fieldMark !== 'removed';
              return (
                <li key={field.id} data-mark={fieldMark}>
                  <button
                    type="button"
                    disabled={!editable}
                    onClick={() => select({ object: object.nameSingular, field: field.name })}
                    title={
                      editable ? 'Edit' : field.isCustom ? 'Deleted in draft' : 'Standard field'
                    }
                  >
                    <FieldTypeIcon type={field.type} />
                    <span>{naming === 'api' ? field.name : field.label}</span>
                    {fieldMark && <span className={`badge mark-${fieldMark}`}>{fieldMark}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          <AddField object={object} />
          <button type="button" className="btn small" onClick={onAddRelation}>
            <Link2 size={14} /> Add relation…
          </button>
          {custom && (
            <div className="editor-actions">
              <button
                type="button"
                className="btn small danger"
                onClick={() => setConfirming(true)}
              >
                <Trash2 size={14} /> Delete object
              </button>
            </div>
          )}
        </>
      )}
      {confirming && (
        <ConfirmDelete
          connectionId={connectionId}
          title={`Delete object ${object.labelSingular}?`}
          subject={original ? { objectName: original } : null}
          consequence={
            original
              ? 'Its table, every record, its fields and the relations pointing at it are dropped when the plan is applied.'
              : 'It was never created in the workspace.'
          }
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            select(null);
            edit((draft) => removeObject(draft, object.nameSingular));
          }}
        />
      )}
    </section>
  );
};
