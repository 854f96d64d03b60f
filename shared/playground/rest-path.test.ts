import { describe, expect, it } from 'vitest';
import { editRestLine, partsOfRestLine, restLineOf } from './rest-path';

describe('partsOfRestLine / restLineOf', () => {
  it('reads a list line into its parts and writes it back as it was', () => {
    const line = {
      method: 'GET' as const,
      path: '/companies?filter=name%5Blike%5D:%22%25a%25%22&order_by=name%5BAscNullsFirst%5D&limit=2',
    };
    const parts = partsOfRestLine('core', line);
    expect(parts).toEqual({
      spec: {
        api: 'core',
        object: 'companies',
        operation: 'findMany',
        filter: 'name[like]:"%a%"',
        orderBy: 'name[AscNullsFirst]',
        limit: 2,
      },
      extras: [],
    });
    expect(restLineOf(parts!)).toEqual(line);
  });

  it('keeps query parameters the operation does not read, in place', () => {
    const parts = partsOfRestLine('metadata', {
      method: 'GET',
      path: '/views?objectMetadataId=abc&limit=5',
    });
    expect(parts).toMatchObject({
      spec: { api: 'metadata', object: 'views', operation: 'findMany', limit: 5 },
      extras: ['objectMetadataId=abc'],
    });
    expect(restLineOf(parts!).path).toBe('/views?limit=5&objectMetadataId=abc');
    // Metadata lists take no filter: a typed one is kept as written, not read.
    expect(
      partsOfRestLine('metadata', { method: 'GET', path: '/objects?filter=x' })!.extras,
    ).toEqual(['filter=x']);
  });

  it('puts a placeholder where an id is still to be chosen', () => {
    const line = restLineOf({
      spec: { api: 'core', object: 'people', operation: 'findOne' },
      extras: [],
    });
    expect(line).toEqual({ method: 'GET', path: '/people/{id}' });
    expect(partsOfRestLine('core', line)!.spec).toEqual({
      api: 'core',
      object: 'people',
      operation: 'findOne',
    });
  });

  it('is null for a line the builder does not know, or one of the other API', () => {
    expect(partsOfRestLine('core', { method: 'GET', path: '/people/a/b/c' })).toBeNull();
    expect(partsOfRestLine('core', { method: 'GET', path: '/metadata/objects' })).toBeNull();
    expect(
      partsOfRestLine('core', { method: 'GET', path: '/people?filter=%E0%A4%A' }),
    ).toMatchObject({
      spec: { object: 'people' },
    });
    expect(partsOfRestLine('core', { method: 'GET', path: '/%E0%A4%A' })).toBeNull();
  });

  it('reads a path typed without its leading slash, and PUT as the PATCH it is', () => {
    expect(partsOfRestLine('core', { method: 'PUT', path: 'people/p1' })!.spec).toMatchObject({
      operation: 'updateOne',
      id: 'p1',
    });
  });
});

describe('editRestLine', () => {
  const list = { method: 'GET' as const, path: '/people?limit=2&x=1' };

  it('changes one part and leaves the rest', () => {
    expect(editRestLine('core', list, { filter: 'city[eq]:Paris' })).toEqual({
      method: 'GET',
      path: '/people?filter=city%5Beq%5D:Paris&limit=2&x=1',
    });
    expect(editRestLine('core', list, { limit: undefined })).toEqual({
      method: 'GET',
      path: '/people?x=1',
    });
  });

  it('changes the method and path with the operation', () => {
    expect(editRestLine('core', list, { operation: 'createMany' })).toEqual({
      method: 'POST',
      path: '/batch/people?x=1',
    });
    expect(
      editRestLine('core', { method: 'PUT', path: '/people/p1' }, { object: 'companies' }),
    ).toEqual({ method: 'PUT', path: '/companies/p1' });
  });

  it('is null when the line is not one the builder reads', () => {
    expect(editRestLine('core', { method: 'GET', path: '/' }, { limit: 3 })).toBeNull();
  });
});
