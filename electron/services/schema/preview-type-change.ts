import { convertValue, isEmptyValue } from '../../../shared/schema/convert-value';
import type { SchemaField } from '../../../shared/schema/schema-document';
import type { TwentyClient } from '../twenty-client';
import { assertReadable, pluralOf, readRecordPages } from './record-pages';

/**
 * What a type change would do to the records, before it is planned: every record is read (live
 * and soft-deleted, as the copy reads them) and its value converted as the copy would. `lost`
 * values do not convert; `samples` shows the first of them with the reason.
 */
export interface TypeChangePreview {
  total: number;
  empty: number;
  converted: number;
  lost: number;
  samples: Array<{ recordId: string; value: unknown; reason: string }>;
}

export const previewTypeChange = async (
  client: TwentyClient,
  input: { objectName: string; from: SchemaField; to: SchemaField; sampleLimit?: number },
  signal?: AbortSignal,
): Promise<TypeChangePreview> => {
  const { objectName, from, to, sampleLimit = 10 } = input;
  const plural = await pluralOf(client, objectName, signal);
  const preview: TypeChangePreview = { total: 0, empty: 0, converted: 0, lost: 0, samples: [] };
  for await (const page of readRecordPages(client, plural, signal ? { signal } : {})) {
    assertReadable(page.records, from.name, objectName);
    for (const record of page.records) {
      const value = record[from.name];
      preview.total += 1;
      if (isEmptyValue(value, from.type)) {
        preview.empty += 1;
        continue;
      }
      const converted = convertValue(value, from, to);
      if (converted.ok) preview.converted += 1;
      else {
        preview.lost += 1;
        if (preview.samples.length < sampleLimit)
          preview.samples.push({ recordId: String(record.id), value, reason: converted.reason });
      }
    }
  }
  return preview;
};
