import { useEffect, useRef } from 'react';
import type { Contract } from '../../shared/contract';
import type { EventName, EventPayload } from '../../shared/rpc/define-contract';
import { rpc } from './rpc';

/** Subscribes for the component's lifetime; the latest handler is always the one called. */
export const useContractEvent = <E extends EventName<Contract>>(
  event: E,
  handler: (payload: EventPayload<Contract, E>) => void,
): void => {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => rpc.subscribe(event, (payload) => latest.current(payload)), [event]);
};
