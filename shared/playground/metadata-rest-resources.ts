/**
 * What `/rest/metadata/<resource>` serves in Twenty 2.x (metadata-api.md §2.2): the data model,
 * views and their parts, webhooks and API keys — each with list, one by id, create, update and
 * delete. Older servers (v1.x) answer only `objects` and `fields`.
 */
export interface MetadataRestResource {
  name: string;
  label: string;
  /** Query parameters its list reads besides the paging ones (`/views?objectMetadataId=…`). */
  listParams?: string[];
}

export const METADATA_REST_RESOURCES: readonly MetadataRestResource[] = [
  { name: 'objects', label: 'Objects' },
  { name: 'fields', label: 'Fields' },
  { name: 'views', label: 'Views', listParams: ['objectMetadataId'] },
  { name: 'viewFields', label: 'View fields', listParams: ['viewId'] },
  { name: 'viewFilters', label: 'View filters', listParams: ['viewId'] },
  { name: 'viewFilterGroups', label: 'View filter groups', listParams: ['viewId'] },
  { name: 'viewSorts', label: 'View sorts', listParams: ['viewId'] },
  { name: 'viewGroups', label: 'View groups', listParams: ['viewId'] },
  { name: 'webhooks', label: 'Webhooks' },
  { name: 'apiKeys', label: 'API keys' },
];
