import * as Dialog from '@radix-ui/react-dialog';
import { KeyRound } from 'lucide-react';
import type { ReactNode } from 'react';
import { CopyButton } from '../../ui/CopyButton';

/**
 * A secret main generated or stored, shown this once: Atelier keeps it in the keychain and never
 * sends it to the page again, so the admin copies it now or not at all.
 */
export const SecretDialog = (props: {
  title: string;
  secret: string;
  children?: ReactNode;
  onClose: () => void;
}) => (
  <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
    <Dialog.Portal>
      <Dialog.Overlay className="overlay" />
      <Dialog.Content className="dialog" aria-describedby={undefined}>
        <Dialog.Title>
          <KeyRound size={16} aria-hidden /> {props.title}
        </Dialog.Title>
        <div className="secret-box">
          <code data-testid="revealed-secret">{props.secret}</code>
          <CopyButton value={props.secret} what="secret" />
        </div>
        <p className="notice" role="note">
          <strong>You won&apos;t see it again.</strong> Atelier keeps it in your OS keychain and
          never shows it again; copy it now if another system (your handler, Twenty) needs it.
        </p>
        {props.children}
        <div className="dialog-actions">
          <button className="btn primary" onClick={props.onClose}>
            Done
          </button>
        </div>
      </Dialog.Content>
    </Dialog.Portal>
  </Dialog.Root>
);
