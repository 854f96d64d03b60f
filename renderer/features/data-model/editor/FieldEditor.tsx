import { Trash2, Shuffle } from 'lucide-react';
import { useMemo, useState } from 'react';
import { fieldTypeInfo } from '../../../../shared/domain/field-type-catalog';
import {
  baseField,
  baseFieldKey,
  removeField,
  safeName,
  updateField,
} from '../../../../shared/schema/draft-edits';
import { ON_DELETE_ACTIONS, type SchemaField } from '../../../../shared/schema/schema-document';
import { junctionIssues, validateField } from '../../../../shared/schema/validate-draft';
import { Checkbox, SelectInput, TextInput } from '../../../ui/form';
import { useDraftStore } from '../draft-store';
import { useDataModelView } from '../data-model-store';
import { ConfirmDelete } from './ConfirmDelete';
import { FieldSettings } from './FieldSettings';
import { OptionsEditor, optionsFromRows, rowsFromOptions, type OptionRow } from './OptionsEditor';
import { TypeChangeDialog } from './TypeChangeDialog';

/**
 * One custom field of the draft: what it is called (label and API name, synced as Twenty does
 * unless unlinked), its type's settings, options, default, required/unique, its relation's other
 * side. Edits are checked with Twenty's rules as typed and land in the draft when an input is
 * left (one undo step per change, not per keystroke).
 */
interface Props {
  connectionId: string;
  objectName: string;
  field: SchemaField;
  /** Names of the object's other fields (standard and system ones too). */
  otherNames: Set<string>;
}

const unquote = (value: unknown) =>
  typeof value === 'string' ? value.replace(/^['"](.*)['"]$/, '$1') : String(value);

const defaultsOf = (field: SchemaField): string[] =>
  field.defaultValue === null
    ? []
    : Array.isArray(field.defaultValue)
      ? field.defaultValue.map(unquote)
      : [unquote(field.defaultValue)];

const ON_DELETE_LABELS = {
  SET_NULL: 'Set the link to empty',
  CASCADE: 'Delete the linked records too',
  RESTRICT: 'Refuse the delete while linked',
  NO_ACTION: 'No action',
} as const;

export const FieldEditor = ({ connectionId, objectName, field: saved, otherNames }: Props) => {
  const edit = useDraftStore((state) => state.edit);
  const draftDocs = useDraftStore((state) => state);
  const select = useDataModelView((state) => state.select);
  const draft = useMemo(
    () =>
      draftDocs.base && draftDocs.target
        ? { base: draftDocs.base, target: draftDocs.target, renames: draftDocs.renames }
        : null,
    [draftDocs.base, draftDocs.target, draftDocs.renames],
  );
  const before = draft ? baseField(draft, objectName, saved.name) : null;
  const [field, setField] = useState(saved);
  const [rows, setRows] = useState<OptionRow[]>(() => {
    // Each option knows which workspace values it stands for (renames and merges so far).
    const key = draft ? baseFieldKey(draft, objectName, saved.name) : null;
    const moves = (key && draft?.renames.options[key]) || {};
    const baseValues = (before?.options ?? []).map((option) => option.value);
    const origins: Record<string, string[]> = {};
    for (const option of saved.options ?? [])
      origins[option.value] = baseValues.filter(
        (value) => (moves[value] ?? value) === option.value,
      );
    return rowsFromOptions(saved.options, origins);
  });
  const [confirming, setConfirming] = useState(false);
  const [changingType, setChangingType] = useState(false);
  const isNew = before === null;
  const isEnum = field.type === 'SELECT' || field.type === 'MULTI_SELECT';

  // The many-to-one relations beside this one on its object: when that object is a junction,
  // the inverse can list their records (a many-to-many, as Twenty shows it).
  const siblings = useMemo(
    () =>
      draftDocs.target?.objects.find((object) => object.nameSingular === objectName)?.fields ?? [],
    [draftDocs.target, objectName],
  );
  const junctionChoices = siblings.filter(
    (other) => other.name !== saved.name && other.relation?.type === 'MANY_TO_ONE',
  );
  const issues = useMemo(
    () => [...validateField(field, otherNames), ...junctionIssues(field, siblings)],
    [field, otherNames, siblings],
  );
  const errorsFor = (path: string) =>
    issues.filter((issue) => issue.path === path).map((issue) => issue.message);

  const change = (patch: Partial<SchemaField>) =>
    setField((current) => {
      const next = { ...current, ...patch };
      if (next.isLabelSyncedWithName && patch.label !== undefined) next.name = safeName(next.label);
      return next;
    });

  const commit = (next: SchemaField = field, nextRows: OptionRow[] = rows) => {
    const origins = Object.fromEntries(nextRows.map((row) => [row.value, row.origins]));
    edit((draft) => updateField(draft, objectName, saved.name, next, isEnum ? origins : undefined));
    if (next.name !== saved.name) select({ object: objectName, field: next.name }, true);
  };

  const commitPatch = (patch: Partial<SchemaField>) => {
    const next = { ...field, ...patch };
    setField(next);
    commit(next);
  };

  const onOptions = (nextRows: OptionRow[], defaults: string[]) => {
    const options = optionsFromRows(nextRows);
    const defaultValue =
      defaults.length === 0
        ? null
        : field.type === 'MULTI_SELECT'
          ? defaults.map((value) => `'${value}'`)
          : `'${defaults[0]}'`;
    const next = { ...field, options, defaultValue };
    setRows(nextRows);
    setField(next);
    commit(next, nextRows);
  };

  const typeInfo = fieldTypeInfo(field.type);
  const relation = field.relation;
  return (
    <section className="editor-section" aria-label={`Field ${field.label}`}>
      <header className="editor-head">
        <h2>{field.label || 'New field'}</h2>
        <span className="badge">{typeInfo?.label ?? field.type}</span>
        {isNew && <span className="badge ok">new</span>}
      </header>
      <TextInput
        label="Label"
        value={field.label}
        onChange={(label) => change({ label })}
        onCommit={() => commit()}
        errors={errorsFor('label')}
      />
      <TextInput
        label="API name"
        value={field.name}
        disabled={field.isLabelSyncedWithName}
        onChange={(name) => change({ name })}
        onCommit={() => commit()}
        errors={errorsFor('name')}
        hint={isNew ? undefined : 'Renaming keeps the values (the plan renames, not re-creates)'}
      />
      <Checkbox
        label="Sync API name with label"
        checked={field.isLabelSyncedWithName}
        onChange={(checked) =>
          commitPatch({
            isLabelSyncedWithName: checked,
            ...(checked ? { name: safeName(field.label) } : {}),
          })
        }
      />
      <TextInput
        label="Description"
        multiline
        value={field.description ?? ''}
        onChange={(description) => change({ description: description || null })}
        onCommit={() => commit()}
      />
      <TextInput
        label="Icon"
        hint="Tabler icon name, e.g. IconTag"
        value={field.icon ?? ''}
        onChange={(icon) => change({ icon: icon || null })}
        onCommit={() => commit()}
      />
      {relation ? (
        <fieldset className="relation-settings">
          <legend>
            {relation.type === 'MANY_TO_ONE' ? 'Many-to-one' : 'One-to-many'} →{' '}
            <code>{relation.targetObject}</code>
          </legend>
          <TextInput
            label={`Field on ${relation.targetObject}`}
            value={relation.inverseLabel}
            onChange={(inverseLabel) =>
              change({
                relation: { ...relation, inverseLabel, inverseName: safeName(inverseLabel) },
              })
            }
            onCommit={() => commit()}
            errors={[...errorsFor('relation.inverseLabel'), ...errorsFor('relation.inverseName')]}
            hint={`API name: ${relation.inverseName}`}
          />
          {relation.type === 'MANY_TO_ONE' && (
            <SelectInput
              label="When the linked record is deleted"
              value={relation.onDelete ?? 'SET_NULL'}
              options={ON_DELETE_ACTIONS.map((value) => ({
                value,
                label: ON_DELETE_LABELS[value],
              }))}
              onChange={(onDelete) => commitPatch({ relation: { ...relation, onDelete } })}
            />
          )}
          {relation.type === 'MANY_TO_ONE' &&
            (junctionChoices.length > 0 || relation.junctionTarget) && (
              <SelectInput
                label={`${relation.inverseLabel} on ${relation.targetObject} lists`}
                hint="Many-to-many: the records at the other end of this junction instead of the junction's own"
                value={relation.junctionTarget ?? ''}
                options={[
                  { value: '', label: `${objectName} records (one-to-many)` },
                  ...junctionChoices.map((other) => ({
                    value: other.name,
                    label: `${other.relation!.targetObject} records through ${other.label} (many-to-many)`,
                  })),
                ]}
                errors={errorsFor('relation.junctionTarget')}
                onChange={(value) =>
                  commitPatch({ relation: { ...relation, junctionTarget: value || null } })
                }
              />
            )}
        </fieldset>
      ) : (
        <>
          <FieldSettings
            field={field}
            errorsFor={errorsFor}
            onChange={(patch) => commitPatch(patch)}
          />
          {isEnum && (
            <OptionsEditor
              rows={rows}
              multi={field.type === 'MULTI_SELECT'}
              defaults={defaultsOf(field)}
              errorsFor={errorsFor}
              existing={!isNew}
              onChange={onOptions}
            />
          )}
          <Checkbox
            label="Required"
            hint={
              isNew ? 'Records must have a value' : 'Twenty sets this only when a field is created'
            }
            checked={!field.isNullable}
            disabled={!isNew}
            onChange={(checked) => commitPatch({ isNullable: !checked })}
            errors={errorsFor('defaultValue')}
          />
          {typeInfo?.canBeUnique && (
            <Checkbox
              label="Unique"
              checked={field.isUnique}
              onChange={(isUnique) => commitPatch({ isUnique })}
              errors={errorsFor('isUnique')}
            />
          )}
        </>
      )}
      <Checkbox
        label="Active"
        hint="An inactive field keeps its data but is hidden"
        checked={field.isActive}
        onChange={(isActive) => commitPatch({ isActive })}
      />
      <div className="editor-actions">
        {!isNew && !relation && (
          <button type="button" className="btn small" onClick={() => setChangingType(true)}>
            <Shuffle size={14} /> Change type…
          </button>
        )}
        <button type="button" className="btn small danger" onClick={() => setConfirming(true)}>
          <Trash2 size={14} /> Delete field
        </button>
      </div>
      {confirming && (
        <ConfirmDelete
          connectionId={connectionId}
          title={`Delete field ${field.label}?`}
          subject={isNew ? null : { objectName, fieldName: before?.name ?? field.name }}
          consequence={
            isNew
              ? 'It was never created in the workspace.'
              : relation
                ? 'The links between records and the field on the other object go with it.'
                : 'Its values in every record are dropped when the plan is applied.'
          }
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            select({ object: objectName });
            edit((draft) => removeField(draft, objectName, saved.name));
          }}
        />
      )}
      {changingType && before && (
        <TypeChangeDialog
          connectionId={connectionId}
          objectName={objectName}
          from={before}
          current={field}
          onCancel={() => setChangingType(false)}
          onChange={(next) => {
            setChangingType(false);
            setField(next);
            setRows(rowsFromOptions(next.options));
            commit(next, rowsFromOptions(next.options));
          }}
        />
      )}
    </section>
  );
};
