import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './concurrency-limit';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe('BoundedQueue', () => {
  it('runs at most `concurrency` tasks and starts queued ones as others finish', async () => {
    const queue = new BoundedQueue(2, 10);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    gates.forEach((gate, index) =>
      queue.push(async () => {
        started.push(index);
        await gate.promise;
      }),
    );
    expect(started).toEqual([0, 1]);
    expect(queue.size).toEqual({ running: 2, pending: 1 });
    gates[0]!.resolve();
    await gates[0]!.promise;
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await queue.onIdle();
    expect(queue.size).toEqual({ running: 0, pending: 0 });
  });

  it('refuses tasks beyond maxPending and can drop waiting tasks', async () => {
    const queue = new BoundedQueue(1, 1);
    const gate = deferred();
    expect(queue.push(() => gate.promise)).toBe(true);
    expect(queue.push(async () => undefined)).toBe(true);
    expect(queue.push(async () => undefined)).toBe(false);
    expect(queue.clear()).toBe(1);
    gate.resolve();
    await queue.onIdle();
  });

  it('keeps going when a task throws', async () => {
    const queue = new BoundedQueue(1, 5);
    const errors = console.error;
    console.error = () => undefined;
    let ran = false;
    queue.push(async () => {
      throw new Error('boom');
    });
    queue.push(async () => {
      ran = true;
    });
    await queue.onIdle();
    console.error = errors;
    expect(ran).toBe(true);
  });
});
