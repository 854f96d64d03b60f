import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import type { Connection, ObjectChoice, Replica } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { isAppError } from '../../../shared/errors/app-error';
import { toastError } from '../../ui/toast-error';

/** What an admin decides before a pull: every object, or some, each with an optional cap. */
interface Choice {
  picked: boolean;
  cap: string;
}

const capOf = (text: string): number | null | 'invalid' => {
  if (!text.trim()) return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= 10_000_000 ? value : 'invalid';
};

export const PullDialog = (props: {
  remote: Connection;
  replica: Replica | null;
  onClose: () => void;
}) => {
  const { remote, replica } = props;
  const model = useQuery({
    queryKey: ['dataModel', remote.id],
    queryFn: () => rpc.call('dataModel.getModel', { connectionId: remote.id }),
  });
  const objects = useMemo(
    () =>
      (model.data?.model.objects ?? [])
        .filter((object) => object.isActive && !object.isSystem)
        .sort((a, b) => a.labelPlural.localeCompare(b.labelPlural)),
    [model.data],
  );
  const previous = new Map((replica?.objects ?? []).map((choice) => [choice.name, choice]));
  const [all, setAll] = useState(replica?.objects === null || !replica);
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      [...previous.values()].map((choice) => [
        choice.name,
        { picked: true, cap: choice.recordCap ? String(choice.recordCap) : '' },
      ]),
    ),
  );
  const choiceOf = (name: string): Choice => choices[name] ?? { picked: false, cap: '' };
  const set = (name: string, patch: Partial<Choice>) =>
    setChoices((current) => ({ ...current, [name]: { ...choiceOf(name), ...patch } }));

  const picked = objects.filter((object) => choiceOf(object.nameSingular).picked);
  const invalid = picked.some((object) => capOf(choiceOf(object.nameSingular).cap) === 'invalid');
  const canPull = all || (picked.length > 0 && !invalid);

  const pull = () => {
    const selection: ObjectChoice[] | null = all
      ? null
      : picked.map((object) => ({
          name: object.nameSingular,
          recordCap: capOf(choiceOf(object.nameSingular).cap) as number | null,
        }));
    props.onClose();
    // The pull runs as a job: its progress shows on the card and in the activity panel.
    rpc
      .call('replica.pull', { connectionId: remote.id, objects: selection })
      .then(() => toast.success(`The replica of ${remote.name} is ready`))
      .catch((error) => {
        if (isAppError(error) && error.code === 'CANCELLED')
          toast(`Pull stopped: resume it from ${remote.name}'s card`);
        else toastError(error);
      });
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog pull-dialog">
          <Dialog.Title>Pull a replica of {remote.name}</Dialog.Title>
          <Dialog.Description className="description">
            Copies the schema and records into a local workspace of its own, within {remote.name}'s
            rate limit ({remote.rateLimit.shortLimit} requests per{' '}
            {remote.rateLimit.shortTtlMs / 1000} s). A stopped pull resumes where it stopped.
          </Dialog.Description>
          <fieldset className="segmented-radios">
            <label>
              <input type="radio" checked={all} onChange={() => setAll(true)} /> Every object
            </label>
            <label>
              <input type="radio" checked={!all} onChange={() => setAll(false)} /> Chosen objects
            </label>
          </fieldset>
          {!all && (
            <div className="pull-objects" role="group" aria-label="Objects to pull">
              {model.isPending && <p className="meta">Reading the objects…</p>}
              {objects.map((object) => {
                const choice = choiceOf(object.nameSingular);
                const capError = capOf(choice.cap) === 'invalid';
                return (
                  <div className="pull-object" key={object.nameSingular}>
                    <label>
                      <input
                        type="checkbox"
                        checked={choice.picked}
                        onChange={(event) =>
                          set(object.nameSingular, { picked: event.target.checked })
                        }
                      />
                      {object.labelPlural}
                      {object.isCustom && <span className="badge">custom</span>}
                    </label>
                    <input
                      aria-label={`Record cap for ${object.labelPlural}`}
                      placeholder="all records"
                      inputMode="numeric"
                      value={choice.cap}
                      disabled={!choice.picked}
                      aria-invalid={capError || undefined}
                      title={capError ? 'A whole number from 1' : 'At most this many records'}
                      onChange={(event) => set(object.nameSingular, { cap: event.target.value })}
                    />
                  </div>
                );
              })}
              <p className="meta">
                Relations to objects left out are not copied. System objects (notes' targets,
                attachments…) come with "Every object".
              </p>
            </div>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={props.onClose}>
              Cancel
            </button>
            <button className="btn primary" disabled={!canPull} onClick={pull}>
              {replica?.state === 'interrupted' ? 'Resume pull' : 'Pull'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
};
