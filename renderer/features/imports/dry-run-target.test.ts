import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../shared/contract';
import { dryRunTarget } from './dry-run-target';

const connection = (id: string, kind: Connection['kind'], replicaOf: string | null = null) =>
  ({ id, name: id, kind, replicaOf }) as Connection;

describe('dry-run target', () => {
  const local = connection('local', 'local');
  const prod = connection('prod', 'remote');
  const staging = connection('staging', 'remote');
  const prodReplica = connection('prod-replica', 'replica', 'prod');

  it("prefers the remote's replica, else the local workspace", () => {
    const all = [local, prod, staging, prodReplica];
    expect(dryRunTarget(all, 'prod')?.id).toBe('prod-replica');
    expect(dryRunTarget(all, 'staging')?.id).toBe('local');
  });

  it('runs on the workspace itself when it is local or a replica', () => {
    expect(dryRunTarget([local, prodReplica], 'local')?.id).toBe('local');
    expect(dryRunTarget([local, prodReplica], 'prod-replica')?.id).toBe('prod-replica');
    expect(dryRunTarget([], 'prod')).toBeNull();
  });
});
