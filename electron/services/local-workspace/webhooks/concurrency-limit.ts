/**
 * A bounded work queue: at most `concurrency` tasks run at once, at most `maxPending` wait.
 * `push` never blocks the caller; it returns false when the queue is full (the task is dropped).
 */
export class BoundedQueue {
  private running = 0;
  private readonly pending: Array<() => Promise<void>> = [];
  private readonly idleWaiters: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxPending: number,
  ) {}

  get size(): { running: number; pending: number } {
    return { running: this.running, pending: this.pending.length };
  }

  push(task: () => Promise<void>): boolean {
    if (this.running < this.concurrency) {
      this.start(task);
      return true;
    }
    if (this.pending.length >= this.maxPending) return false;
    this.pending.push(task);
    return true;
  }

  /** Forgets the tasks that have not started; returns how many were dropped. */
  clear(): number {
    return this.pending.splice(0).length;
  }

  /** Resolves once nothing runs and nothing waits. */
  onIdle(): Promise<void> {
    if (this.running === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private start(task: () => Promise<void>): void {
    this.running += 1;
    void task()
      .catch((error: unknown) => console.error('[local-workspace] queued task failed:', error))
      .finally(() => {
        this.running -= 1;
        const next = this.pending.shift();
        if (next) this.start(next);
        else if (this.running === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      });
  }
}
