import { describe, expect, it } from 'vitest';
import { restOperation } from './rest-record-guard';

const route = (method: string, path: string, query = '') => {
  const segments = path.split('/').filter(Boolean);
  const isBatch = segments[0] === 'batch';
  const [, id, action] = isBatch ? segments.slice(1) : segments;
  return { method, isBatch, id, action, query: new URLSearchParams(query) };
};

describe('restOperation', () => {
  it.each([
    ['GET', 'people', '', 'read'],
    ['GET', 'people/0c2d2a3e-9f7a-4c1e-9b59-1d2f3a4b5c6d', '', 'read'],
    ['POST', 'people', '', 'create'],
    ['POST', 'batch/people', '', 'create'],
    ['POST', 'people', 'upsert=true', 'create'],
    ['PATCH', 'people/0c2d2a3e-9f7a-4c1e-9b59-1d2f3a4b5c6d', '', 'update'],
    ['PATCH', 'people', 'filter=x', 'update'],
    ['DELETE', 'people/0c2d2a3e-9f7a-4c1e-9b59-1d2f3a4b5c6d', '', 'destroy'],
    ['DELETE', 'people/0c2d2a3e-9f7a-4c1e-9b59-1d2f3a4b5c6d', 'soft_delete=true', 'softDelete'],
    ['DELETE', 'people', 'soft_delete=true', 'softDelete'],
    ['PATCH', 'people/0c2d2a3e-9f7a-4c1e-9b59-1d2f3a4b5c6d/restore', '', 'restore'],
    ['PATCH', 'people/restore', 'filter=x', 'restore'],
    ['GET', 'people/groupBy', '', 'read'],
    ['POST', 'people/duplicates', '', 'read'],
    ['PATCH', 'people/merge', '', 'merge'],
    ['GET', 'batch/people', '', null],
    ['GET', 'people/0c2d2a3e-9f7a-4c1e-9b59-1d2f3a4b5c6d/other', '', null],
  ])('%s /rest/%s?%s → %s', (method, path, query, expected) => {
    expect(restOperation(route(method, path, query))).toBe(expected);
  });
});
