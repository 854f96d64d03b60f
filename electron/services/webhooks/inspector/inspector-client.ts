import { fork, type ChildProcess } from 'node:child_process';
import type { DeliverySummary } from '../../../../shared/contract/webhooks';
import type { WorkspaceRunner } from '../../local-workspace/forked-workspace';
import type { ChildMessage, InspectorMethods, ParentMessage } from './inspector-protocol';

/**
 * The parent's side of the inspector process: typed calls over the IPC channel, delivery batches
 * as events. If the process dies, calls fail with a clear message and `onExit` is told.
 */
export interface InspectorClient {
  call<M extends keyof InspectorMethods>(
    method: M,
    ...params: Parameters<InspectorMethods[M]>
  ): Promise<ReturnType<InspectorMethods[M]>>;
  pid: number;
  stop(): Promise<void>;
}

export interface StartInspectorOptions {
  runner: WorkspaceRunner;
  dataDir: string;
  onDeliveries: (deliveries: DeliverySummary[]) => void;
  onLog?: (message: string, detail: string) => void;
  onExit?: (message: string) => void;
}

export const startInspectorProcess = (options: StartInspectorOptions): Promise<InspectorClient> => {
  const child: ChildProcess = fork(options.runner.script, ['--data-dir', options.dataDir], {
    execArgv: options.runner.execArgv,
    env: { ...process.env, ...options.runner.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: unknown) => (output = (output + String(chunk)).slice(-8000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (value: never) => void; reject: (error: Error) => void }
  >();
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise<InspectorClient>((resolve, reject) => {
    let ready = false;
    child.once('error', (error) => {
      if (!ready) reject(new Error(`Could not start the webhook inspector: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      const why = `exit code ${code ?? signal}${output ? `: ${output.trim().split('\n').slice(-5).join('\n')}` : ''}`;
      for (const { reject: fail } of waiting.values()) {
        fail(new Error(`The webhook inspector stopped (${why})`));
      }
      waiting.clear();
      if (!ready) reject(new Error(`The webhook inspector stopped while starting (${why})`));
      else if (!stopping) options.onExit?.(`The webhook inspector stopped unexpectedly (${why})`);
    });
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'deliveries') options.onDeliveries(message.deliveries);
      else if (message.kind === 'log') options.onLog?.(message.message, message.detail);
      else if (message.kind === 'result') {
        const pending = waiting.get(message.id);
        waiting.delete(message.id);
        if (!pending) return;
        if (message.ok) pending.resolve(message.value as never);
        else pending.reject(new Error(message.error));
      } else if (message.kind === 'ready' && !ready) {
        ready = true;
        resolve({
          pid: child.pid!,
          call: (method, ...params) =>
            new Promise((done, fail) => {
              if (!child.connected) {
                fail(new Error('The webhook inspector is not running'));
                return;
              }
              const id = nextId++;
              waiting.set(id, { resolve: done as (value: never) => void, reject: fail });
              const call: ParentMessage = { kind: 'call', id, method, params: params[0] };
              child.send(call);
            }),
          async stop() {
            if (stopping || child.exitCode !== null) return;
            stopping = true;
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(timer);
          },
        });
      }
    });
  });
};
