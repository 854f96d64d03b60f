import * as Dialog from '@radix-ui/react-dialog';
import type { RateLimitWait } from '../../../shared/playground/rate-limit-wait';

const windowText = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`);
const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Asked before a run that Twenty's rate limit would hold back (the client waits, not 429s). */
export const RateLimitDialog = (props: {
  workspace: string;
  cost: number;
  wait: RateLimitWait;
  onRun(): void;
  onCancel(): void;
}) => {
  const { wait } = props;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>This run would go over {props.workspace}'s rate limit</Dialog.Title>
          <p>
            It costs {props.cost} request{props.cost === 1 ? '' : 's'} and{' '}
            {wait.remaining === 0
              ? 'none is'
              : `only ${wait.remaining} ${wait.remaining === 1 ? 'is' : 'are'}`}{' '}
            left of {wait.limit} per {windowText(wait.windowMs)}. Atelier holds it back about{' '}
            <strong>{seconds(wait.waitMs)}</strong> rather than let Twenty refuse it, and every
            other call to this workspace (imports, syncs) shares the same allowance.
          </p>
          <div className="dialog-actions">
            <button className="btn" onClick={props.onCancel}>
              Cancel
            </button>
            <button className="btn primary" autoFocus onClick={props.onRun}>
              Run when allowed
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
