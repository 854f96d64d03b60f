import { AppError, isAppError } from '../errors/app-error';
import type { z } from 'zod';
import type { ContractSpec, EventName, EventPayload, MethodName } from './define-contract';
import type { CallResult } from './wire';

/** Handlers get the parsed (defaulted) input and may return anything the output schema accepts. */
export type Handlers<C extends ContractSpec> = {
  [M in MethodName<C>]: (
    input: z.output<C['methods'][M]['input']>,
  ) => Promise<z.input<C['methods'][M]['output']>> | z.input<C['methods'][M]['output']>;
};

export interface DispatcherOptions {
  /** Unexpected failures are logged here with their stack; the caller only sees INTERNAL. */
  onInternalError?: (method: string, error: unknown) => void;
}

const issuesText = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string =>
  issues
    .slice(0, 5)
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');

/**
 * The main-process side of every transport: look the method up, validate the input, run the
 * handler, validate (and strip) the output, and turn every failure into a typed error value.
 * Output parsing drops fields a schema does not declare, which is one more guard against a secret
 * reaching the renderer by accident.
 */
export const createDispatcher = <C extends ContractSpec>(
  contract: C,
  handlers: Handlers<C>,
  options: DispatcherOptions = {},
) => {
  const dispatch = async (method: unknown, rawInput: unknown): Promise<CallResult> => {
    if (typeof method !== 'string' || !Object.hasOwn(contract.methods, method)) {
      return fail('INVALID_INPUT', `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
    }
    const spec = contract.methods[method]!;
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      return fail(
        'INVALID_INPUT',
        `Invalid input for ${method}: ${issuesText(parsed.error.issues)}`,
      );
    }
    try {
      const handler = handlers[method as MethodName<C>] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        options.onInternalError?.(
          method,
          new Error(`Output invalid: ${issuesText(output.error.issues)}`),
        );
        return fail('INTERNAL', `${method} produced an answer the contract does not allow`);
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toJSON() };
      options.onInternalError?.(method, error);
      return fail('INTERNAL', `${method} failed unexpectedly; see the app log`);
    }
  };
  return { dispatch };
};

const fail = (code: 'INVALID_INPUT' | 'INTERNAL', message: string): CallResult => ({
  ok: false,
  error: new AppError(code, message).toJSON(),
});

export type Dispatcher = ReturnType<typeof createDispatcher>;

export interface EventHub<C extends ContractSpec> {
  emit<E extends EventName<C>>(event: E, payload: EventPayload<C, E>): void;
  /** Transports listen to every event and forward those their peer subscribed to. */
  listen(listener: (event: string, payload: unknown) => void): () => void;
}

/** Events are validated on the way out too; a bad payload is a bug in main, never sent. */
export const createEventHub = <C extends ContractSpec>(
  contract: C,
  onInvalid: (event: string, error: unknown) => void = () => {},
): EventHub<C> => {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  return {
    emit(event, payload) {
      const parsed = contract.events[event]!.safeParse(payload);
      if (!parsed.success) return onInvalid(event, parsed.error);
      for (const listener of listeners) listener(event, parsed.data);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
