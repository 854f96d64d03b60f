import { describe, expect, it } from 'vitest';
import type { WorkspaceModel } from '../../../shared/contract';
import { recordTabFor } from './playground-link';

const model = {
  objects: [{ nameSingular: 'company', namePlural: 'companies', labelSingular: 'Company' }],
} as unknown as WorkspaceModel;

describe('recordTabFor', () => {
  it('reads the record by its plural', () => {
    expect(recordTabFor(model, 'company', 'a1b2c3d4-0000')).toMatchObject({
      kind: 'rest',
      method: 'GET',
      path: '/companies/a1b2c3d4-0000',
      title: 'Company a1b2c3d4',
    });
  });
  it('gives up on an object the model does not have', () => {
    expect(recordTabFor(model, 'rocket', 'x')).toBeNull();
    expect(recordTabFor(undefined, 'company', 'x')).toBeNull();
  });
});
