import type { z } from 'zod';

/**
 * A contract is data: every method names its zod input and output, every event its payload.
 * Both sides import the same object, so a method or event that does not exist does not compile,
 * and the main process validates against the same schemas the renderer was typed with.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the command palette and the docs. */
  summary: string;
}

export interface ContractSpec {
  methods: Record<string, MethodSpec>;
  events: Record<string, z.ZodType>;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): MethodSpec<I, O> => ({ input, output, summary });

/** `area.verbNoun` for methods, `area.onSomething` for events — checked when the contract loads. */
const METHOD_NAME = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;
const EVENT_NAME = /^[a-z][a-zA-Z]*\.on[A-Z][a-zA-Z]*$/;

export const defineContract = <C extends ContractSpec>(contract: C): C => {
  for (const name of Object.keys(contract.methods)) {
    if (!METHOD_NAME.test(name) || EVENT_NAME.test(name)) {
      throw new Error(`Contract method "${name}" must be named area.verbNoun`);
    }
  }
  for (const name of Object.keys(contract.events)) {
    if (!EVENT_NAME.test(name)) throw new Error(`Contract event "${name}" must be named area.onX`);
  }
  return contract;
};

export type MethodName<C extends ContractSpec> = keyof C['methods'] & string;
export type EventName<C extends ContractSpec> = keyof C['events'] & string;
export type MethodInput<C extends ContractSpec, M extends MethodName<C>> = z.input<
  C['methods'][M]['input']
>;
export type MethodOutput<C extends ContractSpec, M extends MethodName<C>> = z.output<
  C['methods'][M]['output']
>;
export type EventPayload<C extends ContractSpec, E extends EventName<C>> = z.output<C['events'][E]>;
