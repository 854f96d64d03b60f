import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { RoleDraft } from '../../../shared/contract';
import { TextInput } from '../../ui/form';
import { newRoleDraft } from './access-draft';

/** A role added to the draft; Twenty creates it when the plan is applied. */
export const NewRoleDialog = (props: {
  onCreate: (role: RoleDraft) => void;
  onClose: () => void;
}) => {
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = label.trim() === '';
  const create = () => {
    setTouched(true);
    if (missing) return;
    props.onCreate({
      ...newRoleDraft(`new:${crypto.randomUUID()}`, label.trim()),
      description: description.trim() || null,
    });
    props.onClose();
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>New role</Dialog.Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              create();
            }}
          >
            <TextInput
              label="Role label"
              value={label}
              autoFocus
              errors={touched && missing ? ['A role needs a label'] : undefined}
              onChange={setLabel}
            />
            <TextInput label="Description" value={description} onChange={setDescription} />
            <p className="meta">
              It starts reading every object and writing none; edit its cells and switches, then
              review the plan to create it in Twenty.
            </p>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={props.onClose}>
                Cancel
              </button>
              <button type="submit" className="btn primary">
                Add role to draft
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
