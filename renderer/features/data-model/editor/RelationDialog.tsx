import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState } from 'react';
import type { ModelObject } from '../../../../shared/contract/data-model';
import {
  addManyToMany,
  addRelation,
  newObjectHead,
  relationField,
  safeName,
  type RelationSpec,
} from '../../../../shared/schema/draft-edits';
import { ON_DELETE_ACTIONS } from '../../../../shared/schema/schema-document';
import { validateField, validateObjectHead } from '../../../../shared/schema/validate-draft';
import { SelectInput, TextInput } from '../../../ui/form';
import { useDraftStore } from '../draft-store';
import { useDataModelView } from '../data-model-store';

/**
 * A relation drawn on the diagram (or added from the panel): many-to-one, one-to-many, or
 * many-to-many through a junction object Twenty-style (a new object with a many-to-one to each
 * side), with both ends named and the on-delete behaviour, created in one edit.
 */
type Kind = 'MANY_TO_ONE' | 'ONE_TO_MANY' | 'MANY_TO_MANY';

interface Props {
  source: ModelObject;
  target: ModelObject | null;
  objects: ModelObject[];
  takenObjectNames: Set<string>;
  onClose: () => void;
}

const KINDS = [
  { value: 'MANY_TO_ONE', label: 'Many-to-one (each record links to one)' },
  { value: 'ONE_TO_MANY', label: 'One-to-many (each record has many)' },
  { value: 'MANY_TO_MANY', label: 'Many-to-many (through a junction object)' },
] as const;

const names = (object: ModelObject) => new Set(object.fields.map((field) => field.name));

type ObjectHead = ReturnType<typeof newObjectHead>;

/**
 * The junction's two many-to-one fields and the fields they give each end. Between an object and
 * itself the two sides need their own names ("From …" / "To …").
 */
const manyToManySides = (source: ModelObject, other: ModelObject, head: ObjectHead) => {
  const self = source.nameSingular === other.nameSingular;
  const side = (object: ModelObject, prefix: 'From' | 'To' | null) => {
    const label = prefix ? `${prefix} ${object.labelSingular}` : object.labelSingular;
    const inverseLabel = prefix ? `${head.labelPlural} ${prefix.toLowerCase()}` : head.labelPlural;
    return {
      objectName: object.nameSingular,
      label,
      fieldName: safeName(label),
      inverseLabel,
      inverseName: prefix ? safeName(inverseLabel) : head.namePlural,
    };
  };
  return self
    ? { left: side(source, 'From'), right: side(other, 'To') }
    : { left: side(source, null), right: side(other, null) };
};

export const RelationDialog = ({ source, target, objects, takenObjectNames, onClose }: Props) => {
  const edit = useDraftStore((state) => state.edit);
  const select = useDataModelView((state) => state.select);
  const [targetName, setTargetName] = useState(target?.nameSingular ?? objects[0]?.nameSingular);
  const other = objects.find((object) => object.nameSingular === targetName) ?? null;
  const [kind, setKind] = useState<Kind>('MANY_TO_ONE');
  const [label, setLabel] = useState<string | null>(null);
  const [inverseLabel, setInverseLabel] = useState<string | null>(null);
  const [onDelete, setOnDelete] = useState<RelationSpec['onDelete']>('SET_NULL');
  const [junctionLabel, setJunctionLabel] = useState<string | null>(null);

  // Defaults follow the chosen ends until the admin types a name.
  const fieldLabel =
    label ?? (kind === 'MANY_TO_ONE' ? other?.labelSingular : other?.labelPlural) ?? '';
  const otherLabel =
    inverseLabel ?? (kind === 'MANY_TO_ONE' ? source.labelPlural : source.labelSingular);
  const junction = junctionLabel ?? `${source.labelSingular} ${other?.labelSingular ?? ''}`.trim();

  const spec: RelationSpec | null = other
    ? {
        objectName: source.nameSingular,
        type: kind === 'ONE_TO_MANY' ? 'ONE_TO_MANY' : 'MANY_TO_ONE',
        targetObject: other.nameSingular,
        label: fieldLabel,
        name: safeName(fieldLabel),
        icon: 'IconLink',
        inverseLabel: otherLabel,
        inverseName: safeName(otherLabel),
        inverseIcon: 'IconLink',
        onDelete: kind === 'MANY_TO_ONE' ? onDelete : null,
      }
    : null;
  const junctionHead = newObjectHead(junction, `${junction}s`);

  const errors = useMemo(() => {
    if (!spec || !other) return ['Choose the object at the other end'];
    if (kind === 'MANY_TO_MANY') {
      const issues = validateObjectHead(junctionHead, takenObjectNames).map((i) => i.message);
      const { left, right } = manyToManySides(source, other, junctionHead);
      for (const [side, object] of [
        [left, source],
        [right, other],
      ] as const)
        if (names(object).has(side.inverseName))
          issues.push(`Name "${side.inverseName}" is not available on ${object.labelSingular}`);
      return issues;
    }
    const issues = validateField(relationField(spec), names(source)).map((i) => i.message);
    if (names(other).has(spec.inverseName))
      issues.push(`Name "${spec.inverseName}" is not available on ${other.labelSingular}`);
    return issues;
  }, [spec, other, kind, junctionHead, takenObjectNames, source]);

  const create = () => {
    if (!spec || !other || errors.length > 0) return;
    if (kind === 'MANY_TO_MANY') {
      const sides = manyToManySides(source, other, junctionHead);
      edit((draft) => addManyToMany(draft, { junction: junctionHead, ...sides }));
      select({ object: junctionHead.nameSingular });
    } else {
      edit((draft) => addRelation(draft, spec));
      select({ object: source.nameSingular, field: spec.name });
    }
    onClose();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>New relation from {source.labelSingular}</Dialog.Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              create();
            }}
          >
            <SelectInput
              label="To object"
              value={targetName ?? ''}
              options={objects.map((object) => ({
                value: object.nameSingular,
                label: object.labelSingular,
              }))}
              onChange={setTargetName}
            />
            <SelectInput label="Kind" value={kind} options={KINDS} onChange={setKind} />
            {kind === 'MANY_TO_MANY' ? (
              <TextInput
                label="Junction object"
                value={junction}
                onChange={setJunctionLabel}
                hint={`Twenty has no many-to-many type: a "${junction}" object links ${source.labelPlural} and ${other?.labelPlural ?? '…'}, one record per pair. Each side's new field lists the other side's records, as Twenty shows a many-to-many.`}
              />
            ) : (
              <>
                <TextInput
                  label={`Field on ${source.labelSingular}`}
                  value={fieldLabel}
                  onChange={setLabel}
                  hint={`API name: ${spec?.name ?? ''}`}
                />
                <TextInput
                  label={`Field on ${other?.labelSingular ?? 'the other object'}`}
                  value={otherLabel}
                  onChange={setInverseLabel}
                  hint={`API name: ${spec?.inverseName ?? ''}`}
                />
                {kind === 'MANY_TO_ONE' && (
                  <SelectInput
                    label={`When a ${other?.labelSingular ?? 'linked record'} is deleted`}
                    value={onDelete ?? 'SET_NULL'}
                    options={ON_DELETE_ACTIONS.map((value) => ({ value, label: value }))}
                    onChange={setOnDelete}
                  />
                )}
              </>
            )}
            {errors.map((message) => (
              <p className="error" role="alert" key={message}>
                {message}
              </p>
            ))}
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="btn primary" disabled={errors.length > 0}>
                Add to draft
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
