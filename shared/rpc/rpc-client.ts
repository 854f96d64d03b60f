import { AppError } from '../errors/app-error';
import type {
  ContractSpec,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from './define-contract';
import type { RpcTransport } from './wire';

export interface RpcClient<C extends ContractSpec> {
  /** Resolves with the validated output or rejects with an AppError carrying main's message. */
  call<M extends MethodName<C>>(method: M, input: MethodInput<C, M>): Promise<MethodOutput<C, M>>;
  subscribe<E extends EventName<C>>(
    event: E,
    handler: (payload: EventPayload<C, E>) => void,
  ): () => void;
}

/** The typed face of a transport; outputs were validated by main, so no second parse here. */
export const createRpcClient = <C extends ContractSpec>(transport: RpcTransport): RpcClient<C> => ({
  async call(method, input) {
    const result = await transport.call(method, input);
    if (!result.ok) throw AppError.from(result.error);
    return result.value as never;
  },
  subscribe(event, handler) {
    return transport.subscribe(event, handler as (payload: unknown) => void);
  },
});
