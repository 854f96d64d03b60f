import type { TwentyClient } from '../twenty-client';

/**
 * The object each many-to-one MORPH_RELATION field points at (noteTarget.targetPerson → person):
 * Twenty serves a morph field's ends as `morphRelations`, not `relation`, which the model reader
 * does not ask for. Servers without morph relations (before 1.x late) answer an empty map.
 */
const INTROSPECT = `{ object: __type(name: "Object") { fields { name } } field: __type(name: "Field") { fields { name } } }`;

interface Introspection {
  object: { fields: Array<{ name: string }> } | null;
  field: { fields: Array<{ name: string }> } | null;
}

interface MorphField {
  name: string;
  type: string;
  morphRelations?: Array<{
    type?: string;
    sourceFieldMetadata?: { name: string } | null;
    targetObjectMetadata?: { nameSingular: string } | null;
  }> | null;
}

interface Page {
  objects: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        nameSingular: string;
        fieldsList?: MorphField[];
        fields?: { edges: Array<{ node: MorphField }> };
      };
    }>;
  };
}

/** `object.field` → nameSingular of the object the field's join column points at. */
export const readMorphTargets = async (
  client: TwentyClient,
  signal?: AbortSignal,
): Promise<Map<string, string>> => {
  const schema = await client.metadataGraphql<Introspection>({
    query: INTROSPECT,
    ...(signal ? { signal } : {}),
  });
  const targets = new Map<string, string>();
  if (!schema.field?.fields.some((field) => field.name === 'morphRelations')) return targets;
  const selection =
    'name type morphRelations { type sourceFieldMetadata { name } targetObjectMetadata { nameSingular } }';
  const fields = schema.object?.fields.some((field) => field.name === 'fieldsList')
    ? `fieldsList { ${selection} }`
    : `fields(paging: { first: 1000 }) { edges { node { ${selection} } } }`;
  const query = `query AtelierMorphTargets($after: ConnectionCursor) {
    objects(paging: { first: 100, after: $after }) {
      pageInfo { hasNextPage endCursor }
      edges { node { nameSingular ${fields} } }
    }
  }`;
  let after: string | null = null;
  for (;;) {
    const page: Page = await client.metadataGraphql<Page>({
      query,
      variables: { after },
      ...(signal ? { signal } : {}),
    });
    for (const { node } of page.objects.edges) {
      const list = node.fieldsList ?? node.fields?.edges.map((edge) => edge.node) ?? [];
      for (const field of list) {
        if (field.type !== 'MORPH_RELATION') continue;
        const own = field.morphRelations?.find(
          (relation) => relation.sourceFieldMetadata?.name === field.name,
        );
        if (own?.targetObjectMetadata)
          targets.set(`${node.nameSingular}.${field.name}`, own.targetObjectMetadata.nameSingular);
      }
    }
    if (!page.objects.pageInfo.hasNextPage || !page.objects.pageInfo.endCursor) break;
    after = page.objects.pageInfo.endCursor;
  }
  return targets;
};
