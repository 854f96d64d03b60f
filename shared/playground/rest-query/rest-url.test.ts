import { describe, expect, it } from 'vitest';
import { buildRestUrl, parseRestUrl, type RestRequestSpec } from './rest-url';

/** Routes and parameter names from Twenty's REST controllers (core-api.md §1, metadata-api.md §2). */
describe('buildRestUrl / parseRestUrl', () => {
  it('builds a list request with every query parameter', () => {
    expect(
      buildRestUrl({
        api: 'core',
        object: 'people',
        operation: 'findMany',
        filter: 'and(name.firstName[ilike]:"%ad%",createdAt[gte]:2026-01-01T00:00:00Z)',
        orderBy: 'createdAt[DescNullsLast]',
        limit: 20,
        startingAfter: 'eyJpZCI6IjEifQ==',
        depth: 1,
      }),
    ).toEqual({
      method: 'GET',
      path: '/rest/people',
      query:
        'filter=and(name.firstName%5Bilike%5D:%22%25ad%25%22,createdAt%5Bgte%5D:2026-01-01T00:00:00Z)&order_by=createdAt%5BDescNullsLast%5D&limit=20&starting_after=eyJpZCI6IjEifQ%3D%3D&depth=1',
      url: '/rest/people?filter=and(name.firstName%5Bilike%5D:%22%25ad%25%22,createdAt%5Bgte%5D:2026-01-01T00:00:00Z)&order_by=createdAt%5BDescNullsLast%5D&limit=20&starting_after=eyJpZCI6IjEifQ%3D%3D&depth=1',
    });
  });

  it.each<[RestRequestSpec, string, string]>([
    [
      { api: 'core', object: 'people', operation: 'findOne', id: 'p1', depth: 1 },
      'GET',
      '/rest/people/p1?depth=1',
    ],
    [
      { api: 'core', object: 'people', operation: 'createMany', upsert: true },
      'POST',
      '/rest/batch/people?upsert=true',
    ],
    [
      { api: 'core', object: 'people', operation: 'updateMany', filter: 'city[eq]:Paris' },
      'PATCH',
      '/rest/people?filter=city%5Beq%5D:Paris',
    ],
    [
      { api: 'core', object: 'people', operation: 'deleteOne', id: 'p1', softDelete: true },
      'DELETE',
      '/rest/people/p1?soft_delete=true',
    ],
    [
      { api: 'core', object: 'people', operation: 'restoreOne', id: 'p1' },
      'PATCH',
      '/rest/people/p1/restore',
    ],
    [
      { api: 'core', object: 'people', operation: 'restoreMany', filter: 'id[eq]:x' },
      'PATCH',
      '/rest/people/restore?filter=id%5Beq%5D:x',
    ],
    [
      { api: 'core', object: 'people', operation: 'findDuplicates' },
      'POST',
      '/rest/people/duplicates',
    ],
    [{ api: 'core', object: 'people', operation: 'merge' }, 'PATCH', '/rest/people/merge'],
    [
      { api: 'metadata', object: 'objects', operation: 'findMany', limit: 1000 },
      'GET',
      '/rest/metadata/objects?limit=1000',
    ],
    [
      { api: 'metadata', object: 'fields', operation: 'updateOne', id: 'f1' },
      'PATCH',
      '/rest/metadata/fields/f1',
    ],
  ])('%o → %s %s and back', (spec, method, url) => {
    expect(buildRestUrl(spec)).toMatchObject({ method, url });
    expect(parseRestUrl(url, method as 'GET')).toEqual(spec);
  });

  it('leaves out parameters the operation does not read', () => {
    expect(
      buildRestUrl({
        api: 'core',
        object: 'people',
        operation: 'findOne',
        id: 'p1',
        filter: 'x',
        limit: 5,
      }).url,
    ).toBe('/rest/people/p1');
  });

  it('reads full URLs, the older restore path and PUT', () => {
    expect(
      parseRestUrl('https://api.twenty.com/rest/companies?filter=name%5Beq%5D%3AAcme+Inc&limit=5'),
    ).toEqual({
      api: 'core',
      object: 'companies',
      operation: 'findMany',
      filter: 'name[eq]:Acme Inc',
      limit: 5,
    });
    expect(parseRestUrl('/rest/restore/people/p1', 'PATCH')).toEqual({
      api: 'core',
      object: 'people',
      operation: 'restoreOne',
      id: 'p1',
    });
    expect(parseRestUrl('/rest/people/p1', 'PUT')?.operation).toBe('updateOne');
    expect(parseRestUrl('/graphql')).toBeNull();
    expect(parseRestUrl('/rest/people', 'POST')?.operation).toBe('createOne');
    expect(parseRestUrl('/rest/metadata/objects/o1', 'DELETE')?.operation).toBe('deleteOne');
  });

  it('refuses what Twenty has no route for', () => {
    expect(() =>
      buildRestUrl({ api: 'metadata', object: 'objects', operation: 'createMany' }),
    ).toThrow('The metadata REST API has no createMany');
    expect(() => buildRestUrl({ api: 'core', object: 'people', operation: 'findOne' })).toThrow(
      'findOne needs a record id',
    );
  });
});
