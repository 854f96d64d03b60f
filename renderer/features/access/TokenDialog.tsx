import * as Dialog from '@radix-ui/react-dialog';
import { KeyRound } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { CopyButton } from '../../ui/CopyButton';

/** A new key's token, shown this once: Twenty never shows it again. */
export const TokenDialog = (props: {
  keyName: string;
  token: string;
  children?: ReactNode;
  doneLabel?: string;
  onClose: () => void;
}) => {
  const id = useId();
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>
            <KeyRound size={16} aria-hidden /> Copy this token now — Twenty never shows it again
          </Dialog.Title>
          <div className="field">
            <label htmlFor={id}>Token of {props.keyName}</label>
            <div className="input-row">
              <input
                id={id}
                className="mono"
                readOnly
                value={props.token}
                data-testid="revealed-token"
                onFocus={(event) => event.target.select()}
              />
              <CopyButton value={props.token} what="token" withLabel />
            </div>
          </div>
          {props.children}
          <div className="dialog-actions">
            <button className="btn primary" onClick={props.onClose}>
              {props.doneLabel ?? 'Done'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
