import { describe, expect, it } from 'vitest';
import type { Receiver } from '../../../shared/contract';
import { createInputOf, formOf, updateInputOf } from './receiver-form';

const receiver: Receiver = {
  id: 'r1',
  name: 'Local handler',
  bind: 'loopback',
  port: null,
  pathToken: 'tok',
  state: 'running',
  message: null,
  url: 'http://127.0.0.1:4100/hooks/tok',
  publicUrl: null,
  hasSecret: true,
  previousSecretUntil: null,
  toleranceSeconds: 300,
  maxBodyBytes: 1024 * 1024,
  rejectInvalid: false,
  forwardTo: null,
  autoStart: true,
};

describe('receiver form', () => {
  it('makes a create input with a generated secret by default', () => {
    const { input, errors } = createInputOf({ ...formOf(), name: 'Dev' });
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      name: 'Dev',
      port: null,
      bind: 'loopback',
      secret: null,
      maxBodyBytes: 1024 * 1024,
      start: true,
    });
  });

  it("shows the contract's rules under the fields", () => {
    const { input, errors } = createInputOf({
      ...formOf(),
      name: ' ',
      portMode: 'fixed',
      port: 80,
      publicUrl: 'ftp://x',
      secretMode: 'typed',
    });
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['name', 'port', 'publicUrl', 'secret']);
    expect(errors.publicUrl).toEqual(['A public URL starts with http:// or https://']);
    expect(errors.name).toEqual(['Give the receiver a name (at most 100 characters)']);
    expect(errors.port).toEqual(['A port from 1024 to 65535']);
  });

  it('asks for a number where one is missing', () => {
    expect(createInputOf({ ...formOf(), name: 'x', toleranceSeconds: null }).errors).toEqual({
      toleranceSeconds: ['Enter a number'],
    });
  });

  it('sends only what changed', () => {
    const form = { ...formOf(receiver), forwardTo: 'http://localhost:3000/hook', maxBodyKb: 2048 };
    expect(updateInputOf(form, receiver)).toEqual({
      input: { id: 'r1', forwardTo: 'http://localhost:3000/hook', maxBodyBytes: 2048 * 1024 },
      errors: {},
    });
    expect(updateInputOf(formOf(receiver), receiver).input).toEqual({ id: 'r1' });
  });
});
