import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type Contract } from '../contract';
import { AppError } from '../errors/app-error';
import { defineContract, method } from './define-contract';
import { createDispatcher, createEventHub, type Handlers } from './dispatcher';

const tiny = defineContract({
  methods: {
    'demo.getThing': method(
      z.object({ id: z.string().min(1) }),
      z.object({ id: z.string(), name: z.string() }),
      'demo',
    ),
  },
  events: { 'demo.onThing': z.object({ id: z.string() }) },
});

describe('createDispatcher', () => {
  it('validates input, runs the handler and strips fields the output does not declare', async () => {
    const { dispatch } = createDispatcher(tiny, {
      'demo.getThing': ({ id }) => ({ id, name: 'n', apiKey: 'must-not-leak' }) as never,
    });
    expect(await dispatch('demo.getThing', { id: 'a' })).toEqual({
      ok: true,
      value: { id: 'a', name: 'n' },
    });
  });

  it('names the method and the field when the input is wrong', async () => {
    const { dispatch } = createDispatcher(tiny, {
      'demo.getThing': () => ({ id: 'x', name: 'y' }),
    });
    const result = await dispatch('demo.getThing', { id: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toMatch(/demo\.getThing: id: /);
  });

  it('refuses unknown and prototype method names', async () => {
    const { dispatch } = createDispatcher(tiny, {
      'demo.getThing': () => ({ id: 'x', name: 'y' }),
    });
    for (const name of ['demo.nope', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await dispatch(name, {})).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });

  it('passes typed errors through and hides unexpected ones behind INTERNAL', async () => {
    const logged: unknown[] = [];
    const failing = (error: Error) =>
      createDispatcher(
        tiny,
        {
          'demo.getThing': () => {
            throw error;
          },
        },
        { onInternalError: (_method, cause) => logged.push(cause) },
      );
    expect(
      await failing(new AppError('AUTH', 'Token invalid')).dispatch('demo.getThing', { id: 'a' }),
    ).toEqual({ ok: false, error: { code: 'AUTH', message: 'Token invalid' } });
    const internal = await failing(new Error('secret stack detail')).dispatch('demo.getThing', {
      id: 'a',
    });
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('secret stack detail');
    expect(logged).toHaveLength(1);
  });

  it('reports an output that breaks the contract instead of sending it', async () => {
    const { dispatch } = createDispatcher(tiny, {
      'demo.getThing': () => ({ id: 1 }) as never,
    });
    expect(await dispatch('demo.getThing', { id: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('the app contract under fuzzing', () => {
  // Every handler fails the test if reached: malformed input must stop at validation.
  const handlers = Object.fromEntries(
    Object.keys(contract.methods).map((name) => [
      name,
      () => {
        throw new Error(`handler ${name} ran on malformed input`);
      },
    ]),
  ) as unknown as Handlers<Contract>;
  const { dispatch } = createDispatcher(contract, handlers, {
    onInternalError: (name, error) => {
      throw new Error(`${name}: ${(error as Error).message}`);
    },
  });

  for (const [name, spec] of Object.entries(contract.methods)) {
    it(`${name} rejects malformed input with INVALID_INPUT naming the method`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.anything(), async (input) => {
          fc.pre(!spec.input.safeParse(input).success);
          const result = await dispatch(name, input);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('INVALID_INPUT');
            expect(result.error.message).toContain(name);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('names follow area.verbNoun and area.onX', () => {
    expect(() =>
      defineContract({ methods: { bad: method(z.null(), z.null(), '') }, events: {} }),
    ).toThrow(/area\.verbNoun/);
    expect(() => defineContract({ methods: {}, events: { 'a.changed': z.null() } })).toThrow(
      /area\.onX/,
    );
  });
});

describe('createEventHub', () => {
  it('delivers valid payloads and drops ones that break the contract', () => {
    const dropped: string[] = [];
    const hub = createEventHub(tiny, (event) => dropped.push(event));
    const seen: unknown[] = [];
    const stop = hub.listen((event, payload) => seen.push([event, payload]));
    hub.emit('demo.onThing', { id: 'a' });
    hub.emit('demo.onThing', { id: 3 } as never);
    stop();
    hub.emit('demo.onThing', { id: 'b' });
    expect(seen).toEqual([['demo.onThing', { id: 'a' }]]);
    expect(dropped).toEqual(['demo.onThing']);
  });
});

describe('the event allowlist of the preload', () => {
  it('is exactly the contract events', async () => {
    const { CONTRACT_EVENT_NAMES } = await import('../contract/event-names');
    expect([...CONTRACT_EVENT_NAMES].sort()).toEqual(Object.keys(contract.events).sort());
  });
});
