import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldTypeInfo } from '../../../../shared/domain/field-type-catalog';
import { conversionTargets } from '../../../../shared/schema/convert-value';
import { newFieldOfType } from '../../../../shared/schema/draft-edits';
import type { SchemaField } from '../../../../shared/schema/schema-document';
import { rpc } from '../../../api/rpc';
import { SelectInput } from '../../../ui/form';

/**
 * A type change Twenty refuses, done as a migration: the plan creates a field of the new type,
 * copies every value converted, drops the old field and gives the new one its name. Before that
 * lands in the draft, the preview reads the records and says how many convert and which are lost.
 */
interface Props {
  connectionId: string;
  objectName: string;
  /** The field as it is in the workspace. */
  from: SchemaField;
  /** The field as the draft has it now. */
  current: SchemaField;
  onCancel: () => void;
  onChange: (field: SchemaField) => void;
}

/** The new type's field, keeping what carries over (names, description, active). */
const retyped = (current: SchemaField, type: SchemaField['type']): SchemaField => {
  const fresh = newFieldOfType(type, current.label, fieldTypeInfo(type)?.icon ?? 'IconForms');
  // Options carry over between the select types, and from a select into one.
  const options =
    (type === 'SELECT' || type === 'MULTI_SELECT') && current.options
      ? current.options
      : fresh.options;
  return {
    ...fresh,
    name: current.name,
    isLabelSyncedWithName: current.isLabelSyncedWithName,
    description: current.description,
    isActive: current.isActive,
    options,
  };
};

export const TypeChangeDialog = (props: Props) => {
  const targets = conversionTargets(props.from.type);
  const [type, setType] = useState<SchemaField['type'] | ''>(
    props.current.type !== props.from.type ? props.current.type : (targets[0] ?? ''),
  );
  const next = type ? retyped(props.current, type) : null;
  const preview = useQuery({
    queryKey: [
      'schema',
      'typePreview',
      props.connectionId,
      props.objectName,
      props.from.name,
      type,
    ],
    queryFn: () =>
      rpc.call('schema.previewTypeChange', {
        connectionId: props.connectionId,
        objectName: props.objectName,
        fieldName: props.from.name,
        to: next as SchemaField,
      }),
    enabled: next !== null,
    retry: false,
  });
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>Change the type of {props.from.label}</Dialog.Title>
          <p className="description">
            Twenty cannot change a field&apos;s type. The plan will create a{' '}
            {type ? fieldTypeInfo(type)?.label : 'new'} field, copy each value converted, delete the
            old field and give the new one its name.
          </p>
          {targets.length === 0 ? (
            <p>No conversion from {props.from.type} keeps values.</p>
          ) : (
            <SelectInput
              label="New type"
              value={type}
              options={targets.map((target) => ({
                value: target,
                label: fieldTypeInfo(target)?.label ?? target,
              }))}
              onChange={setType}
            />
          )}
          {preview.isPending && next && <p role="status">Reading the values…</p>}
          {preview.isError && (
            <p className="error" role="alert">
              Preview failed: {(preview.error as Error).message}
            </p>
          )}
          {preview.data && (
            <div className="preview" data-testid="type-preview">
              <p>
                {preview.data.total} record(s): {preview.data.converted} convert,{' '}
                {preview.data.empty} empty, <strong>{preview.data.lost} lost</strong>.
              </p>
              {preview.data.samples.length > 0 && (
                <table className="samples">
                  <thead>
                    <tr>
                      <th>Record</th>
                      <th>Value</th>
                      <th>Why it is lost</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.data.samples.map((sample) => (
                      <tr key={sample.recordId}>
                        <td className="mono">{sample.recordId.slice(0, 8)}</td>
                        <td className="mono">{JSON.stringify(sample.value)}</td>
                        <td>{sample.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={props.onCancel}>
              Cancel
            </button>
            <button
              className="btn primary"
              disabled={!next}
              onClick={() => next && props.onChange(next)}
            >
              Change type in draft
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
