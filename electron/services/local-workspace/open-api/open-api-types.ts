/** Minimal OpenAPI 3.1 shapes (Twenty types its builders with `openapi-types`' OpenAPIV3_1). */
export type JsonObject = Record<string, unknown>;

export interface ItemNames {
  nameSingular: string;
  namePlural: string;
}

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  info: JsonObject;
  servers: JsonObject[];
  components: JsonObject;
  security: JsonObject[];
  externalDocs: JsonObject;
  paths: Record<string, JsonObject>;
  webhooks?: Record<string, JsonObject>;
  tags?: Array<{ name: string; description?: string }>;
}

/** twenty-shared `capitalize`. */
export const capitalize = (value: string): string =>
  value ? value.charAt(0).toUpperCase() + value.slice(1) : value;

/** Twenty's `camelToTitleCase` (src/utils/camel-to-title-case.ts). */
export const camelToTitleCase = (value: string): string =>
  capitalize(value.replace(/([A-Z])/g, ' $1').trim());
