import type {
  DeliveryDetail,
  DeliveryFilter,
  DeliveryPage,
  DeliverySummary,
  ForwardResult,
  LogSettings,
} from '../../../../shared/contract/webhooks';
import type { ReceiverSetup, ReplayRequest } from './inspector';

/**
 * The inspector process's methods, as the parent calls them over the IPC channel. Secrets travel
 * only in these messages (never argv or the environment).
 */
export interface InspectorMethods {
  startReceiver(setup: ReceiverSetup): { port: number; url: string };
  configureReceiver(input: { id: string; change: Partial<Omit<ReceiverSetup, 'id'>> }): boolean;
  stopReceiver(input: { id: string }): null;
  list(input: { filter: DeliveryFilter; beforeSeq: number | null; limit: number }): DeliveryPage;
  get(input: { id: string }): DeliveryDetail | null;
  exportTo(input: { filter: DeliveryFilter; path: string }): number;
  stats(): {
    deliveries: number;
    oldest: string | null;
    pendingIndex: number;
    settings: LogSettings;
  };
  setSettings(settings: LogSettings): {
    deliveries: number;
    oldest: string | null;
    pendingIndex: number;
    settings: LogSettings;
  };
  clear(input: { receiverId: string | null }): number;
  replay(request: ReplayRequest): Array<ForwardResult & { deliveryId: string }>;
  delivered(input: {
    objectName: string;
    from: string;
    to: string;
    receiverId: string | null;
  }): Array<{ recordId: string; eventName: string; receivedAt: string }>;
  /** Waits until every journaled delivery is searchable (tests, shutdown). */
  idle(): null;
}

export type InspectorMethod = keyof InspectorMethods;

export type ParentMessage = {
  kind: 'call';
  id: number;
  method: InspectorMethod;
  params: unknown;
};

export type ChildMessage =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: string }
  | { kind: 'deliveries'; deliveries: DeliverySummary[] }
  | { kind: 'log'; level: 'error'; message: string; detail: string };
