import type { SchemaDocument } from '../../../shared/schema/schema-document';
import { toSchemaDocument } from '../../../shared/schema/model-to-schema';
import { readModel } from '../data-model/read-model';
import type { TwentyClient } from '../twenty-client';

/**
 * A workspace's data model as a schema document: the model is read once, by the same
 * introspecting reader the diagram uses (data-model/read-model.ts, 1.x–2.x), and its custom part
 * converted by shared/schema/model-to-schema.ts.
 */
export { toSchemaDocument };

export const readSchema = async (
  client: TwentyClient,
  signal?: AbortSignal,
): Promise<SchemaDocument> => toSchemaDocument(await readModel(client, signal));
