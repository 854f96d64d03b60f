import { describe, expect, it } from 'vitest';
import { migrateTabs } from './playground-store';

describe('migrateTabs', () => {
  it('completes tabs kept by version 1 with the fields added since, keeping what they had', () => {
    const v1 = {
      activeId: 'a',
      tabs: [
        {
          id: 'a',
          title: 'People',
          kind: 'rest',
          api: 'core',
          query: '',
          variables: '{}',
          headers: '{}',
          method: 'GET',
          path: '/people',
          body: '{}',
        },
      ],
    };
    expect(migrateTabs(v1)).toEqual({
      activeId: 'a',
      tabs: [{ ...v1.tabs[0], builderOpen: true }],
    });
  });

  it('leaves state it does not recognise as it is', () => {
    expect(migrateTabs(null)).toBeNull();
    expect(migrateTabs({ other: 1 })).toEqual({ other: 1 });
  });
});
