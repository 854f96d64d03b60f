import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

/** A question before something that writes or deletes; the dialog is named by its title. */
export const ConfirmDialog = (props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) => (
  <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
    <Dialog.Portal>
      <Dialog.Overlay className="overlay" />
      <Dialog.Content className="dialog" aria-describedby={undefined}>
        <Dialog.Title>{props.title}</Dialog.Title>
        <div className="confirm-body">{props.children}</div>
        <div className="dialog-actions">
          <button className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button
            className={props.danger ? 'btn primary danger-fill' : 'btn primary'}
            onClick={() => {
              props.onClose();
              props.onConfirm();
            }}
          >
            {props.confirmLabel}
          </button>
        </div>
      </Dialog.Content>
    </Dialog.Portal>
  </Dialog.Root>
);
