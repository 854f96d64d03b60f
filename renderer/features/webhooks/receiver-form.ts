import {
  createReceiverInputSchema,
  updateReceiverInputSchema,
  type CreateReceiverInput,
  type Receiver,
  type UpdateReceiverInput,
} from '../../../shared/contract';

/**
 * The receiver dialog's fields, and the contract input they make, checked with the contract's
 * own schema so the dialog shows main's rules under each field before anything is sent.
 */
export interface ReceiverForm {
  name: string;
  /** `free`: any free port (main picks it). */
  portMode: 'free' | 'fixed';
  port: number | null;
  bind: 'loopback' | 'all';
  publicUrl: string;
  toleranceSeconds: number | null;
  maxBodyKb: number | null;
  rejectInvalid: boolean;
  forwardTo: string;
  autoStart: boolean;
  secretMode: 'generate' | 'typed';
  secret: string;
  start: boolean;
}

/** Field errors keyed by the contract's field names. */
export type FormErrors = Partial<Record<string, string[]>>;

export const formOf = (receiver?: Receiver): ReceiverForm => ({
  name: receiver?.name ?? '',
  portMode: receiver?.port ? 'fixed' : 'free',
  port: receiver?.port ?? null,
  bind: receiver?.bind ?? 'loopback',
  publicUrl: receiver?.publicUrl ?? '',
  toleranceSeconds: receiver?.toleranceSeconds ?? 300,
  maxBodyKb: receiver ? Math.round(receiver.maxBodyBytes / 1024) : 1024,
  rejectInvalid: receiver?.rejectInvalid ?? false,
  forwardTo: receiver?.forwardTo ?? '',
  autoStart: receiver?.autoStart ?? true,
  secretMode: 'generate',
  secret: '',
  start: true,
});

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

const optionsOf = (form: ReceiverForm) => ({
  name: form.name,
  bind: form.bind,
  port: form.portMode === 'free' ? null : (form.port ?? Number.NaN),
  publicUrl: orNull(form.publicUrl),
  toleranceSeconds: form.toleranceSeconds ?? Number.NaN,
  maxBodyBytes: form.maxBodyKb === null ? Number.NaN : Math.round(form.maxBodyKb * 1024),
  rejectInvalid: form.rejectInvalid,
  forwardTo: orNull(form.forwardTo),
  autoStart: form.autoStart,
});

/** The contract's bounds in the admin's words (zod's own say "Too small: expected …"). */
const RANGE_MESSAGES: Record<string, string> = {
  name: 'Give the receiver a name (at most 100 characters)',
  port: 'A port from 1024 to 65535',
  toleranceSeconds: 'From 1 to 86,400 seconds (a day)',
  maxBodyBytes: 'From 1 KB to 51,200 KB (50 MB)',
};

const errorsOf = (
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string }>,
): FormErrors => {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'form');
    const message = /expected number, received NaN/i.test(issue.message)
      ? 'Enter a number'
      : (issue.code === 'too_small' || issue.code === 'too_big') && RANGE_MESSAGES[key]
        ? RANGE_MESSAGES[key]
        : issue.message;
    if (!errors[key]?.includes(message)) (errors[key] ??= []).push(message);
  }
  return errors;
};

export const createInputOf = (
  form: ReceiverForm,
): { input: CreateReceiverInput | null; errors: FormErrors } => {
  const input: CreateReceiverInput = {
    ...optionsOf(form),
    secret: form.secretMode === 'typed' ? form.secret : null,
    start: form.start,
  };
  const errors: FormErrors = {};
  if (form.secretMode === 'typed' && form.secret.trim() === '')
    errors.secret = ['Type the secret, or let Atelier generate one'];
  const parsed = createReceiverInputSchema.safeParse(input);
  if (!parsed.success) Object.assign(errors, errorsOf(parsed.error.issues));
  return Object.keys(errors).length > 0 ? { input: null, errors } : { input, errors };
};

/** Only what changed (main restarts a running receiver when port or interface change). */
export const updateInputOf = (
  form: ReceiverForm,
  receiver: Receiver,
): { input: UpdateReceiverInput | null; errors: FormErrors } => {
  const options = optionsOf(form);
  const changed = Object.fromEntries(
    Object.entries(options).filter(
      ([key, value]) => value !== receiver[key as keyof typeof options],
    ),
  );
  const input: UpdateReceiverInput = { id: receiver.id, ...changed };
  const parsed = updateReceiverInputSchema.safeParse(input);
  return parsed.success
    ? { input, errors: {} }
    : { input: null, errors: errorsOf(parsed.error.issues) };
};
