// The local workspace must serve exactly Twenty's metadata GraphQL schema. We do
// not vendor its SDL; it is rebuilt at runtime from the installed
// twenty-client-sdk, whose genql client carries the schema in two halves:
//   dist/metadata.mjs                     runtime type map: type order, field → named
//                                         type, exact argument type strings
//   dist/metadata/generated/schema.d.ts   nullability, lists, enums, unions,
//                                         input/output kind, docs, deprecations
// Upgrading the SDK package therefore upgrades the served schema.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { assertValidSchema, buildSchema, type GraphQLSchema } from 'graphql';

import {
  parseGenqlDts,
  type DtsDoc,
  type DtsField,
  type DtsObject,
  type GenqlDts,
  type TypeRef,
} from './parse-genql-dts.js';
import { extractGenqlTypeMap, type GenqlField, type GenqlTypeMap } from './parse-genql-type-map.js';

const BUILT_IN_SCALARS = new Set(['String', 'Boolean', 'Int', 'Float', 'ID']);
const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

// genql drops argument defaults, but nestjs-query connection args are declared
// `paging: CursorPaging! = {first: 10}` / `filter: XFilter! = {}` (Twenty's
// ObjectMetadataDTO: defaultResultSize 10) and clients, Twenty's own frontend
// included, omit them. nestjs-query's fixed arg descriptions identify them.
const NESTJS_QUERY_DEFAULTS: Readonly<Record<string, string>> = {
  'Limit or page results.': '{first: 10}',
  'Specify to filter the records returned.': '{}',
};

let cachedSdl: string | undefined;
let cachedSchema: GraphQLSchema | undefined;

/** SDL of Twenty's metadata API (`POST /metadata`) as described by the installed twenty-client-sdk. */
export function loadTwentyMetadataSdl(): string {
  cachedSdl ??= buildTwentyMetadataSdl(readSdkSources());
  return cachedSdl;
}

/** Validated, memoised GraphQLSchema for {@link loadTwentyMetadataSdl}. */
export function loadTwentyMetadataSchema(): GraphQLSchema {
  if (!cachedSchema) {
    const schema = buildSchema(loadTwentyMetadataSdl());
    assertValidSchema(schema);
    cachedSchema = schema;
  }
  return cachedSchema;
}

export interface TwentySdkSources {
  /** Contents of dist/metadata.mjs (or .cjs). */
  readonly runtimeBundle: string;
  /** Contents of dist/metadata/generated/schema.d.ts. */
  readonly schemaDts: string;
}

function readSdkSources(): TwentySdkSources {
  // The package's `exports` hide package.json, so resolve the metadata entry
  // (→ dist/metadata.cjs under `require`) and read its siblings.
  const distDir = dirname(createRequire(import.meta.url).resolve('twenty-client-sdk/metadata'));
  const read = (...candidates: string[]): string => {
    for (const candidate of candidates) {
      try {
        return readFileSync(join(distDir, candidate), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new Error(`twenty-client-sdk: none of ${candidates.join(', ')} found in ${distDir}`);
  };
  return {
    runtimeBundle: read('metadata.mjs', 'metadata.cjs'),
    schemaDts: read(join('metadata', 'generated', 'schema.d.ts')),
  };
}

export function buildTwentyMetadataSdl(sources: TwentySdkSources): string {
  const typeMap = extractGenqlTypeMap(sources.runtimeBundle);
  const dts = parseGenqlDts(sources.schemaDts);
  const context: RenderContext = { typeNames: Object.keys(typeMap.types), dts };
  const interfacesByObject = collectInterfaces(typeMap, dts);
  const blocks: string[] = [];

  for (const [name, fields] of Object.entries(typeMap.types)) {
    const entries = Object.entries(fields).filter(([fieldName]) => fieldName !== '__typename');
    const enumType = dts.enums.get(name);
    const abstractType = dts.unionsAndInterfaces.get(name);
    if (entries.length === 0 && enumType) {
      blocks.push(
        withDescription(
          '',
          enumType,
          `enum ${name} {\n${enumType.values.map((value) => `  ${value}`).join('\n')}\n}`,
        ),
      );
    } else if (entries.length === 0) {
      if (!BUILT_IN_SCALARS.has(name)) blocks.push(`scalar ${name}`);
    } else if (abstractType && entries.every(([fieldName]) => fieldName.startsWith('on_'))) {
      blocks.push(
        withDescription('', abstractType, `union ${name} = ${abstractType.members.join(' | ')}`),
      );
    } else if (abstractType) {
      // genql keeps no d.ts body for interfaces: take each field from the
      // implementations, nullable if any implementation makes it nullable.
      const implementations = abstractType.members.map((objectName) =>
        requireType(dts.objects, objectName),
      );
      const body = entries
        .filter(([fieldName]) => !fieldName.startsWith('on_'))
        .map(([fieldName, field]) => {
          const variants = implementations.map((object) => requireField(object, name, fieldName));
          const first = variants[0] as DtsField;
          const type = {
            ...first.type,
            nullable: variants.some((variant) => variant.type.nullable),
          };
          return renderField(context, name, fieldName, field, { ...first, type });
        });
      blocks.push(withDescription('', abstractType, `interface ${name} {\n${body.join('\n')}\n}`));
    } else {
      const object = dts.objects.get(name);
      const definition = object ?? requireType(dts.inputs, name);
      const body = entries.map(([fieldName, field]) =>
        renderField(context, name, fieldName, field, requireField(definition, name, fieldName)),
      );
      const interfaces = interfacesByObject.get(name);
      const header = `${object ? 'type' : 'input'} ${name}${interfaces ? ` implements ${interfaces.join(' & ')}` : ''}`;
      blocks.push(withDescription('', definition, `${header} {\n${body.join('\n')}\n}`));
    }
  }

  const roots = ROOT_TYPES.filter((root) => root in typeMap.types).map(
    (root) => `  ${root.toLowerCase()}: ${root}`,
  );
  blocks.push(`schema {\n${roots.join('\n')}\n}`);
  return `${blocks.join('\n\n')}\n`;
}

interface RenderContext {
  readonly typeNames: readonly string[];
  readonly dts: GenqlDts;
}

function renderField(
  { typeNames, dts }: RenderContext,
  typeName: string,
  fieldName: string,
  [typeIndex, args]: GenqlField,
  dtsField: DtsField,
): string {
  const mapTypeName = typeNames[typeIndex];
  const dtsTypeName = namedTypeOf(dtsField.type);
  if (mapTypeName !== dtsTypeName) {
    throw new Error(
      `twenty-client-sdk: ${typeName}.${fieldName} is ${mapTypeName} in the type map but ${dtsTypeName} in schema.d.ts`,
    );
  }
  const renderedArgs = Object.entries(args ?? {}).map(([argName, [argTypeIndex, argType]]) => {
    const description = dts.argDescriptions.get(`${typeName}.${fieldName}.${argName}`);
    // genql omits the type string when it is just the (nullable) named type.
    const type = argType ?? (typeNames[argTypeIndex] as string);
    const defaultValue =
      description !== undefined && type.endsWith('!')
        ? NESTJS_QUERY_DEFAULTS[description]
        : undefined;
    return withDescription(
      '    ',
      { description },
      `${argName}: ${type}${defaultValue ? ` = ${defaultValue}` : ''}`,
    );
  });
  const argList = renderedArgs.length > 0 ? `(\n${renderedArgs.join('\n')}\n  )` : '';
  const reason = dtsField.deprecationReason;
  const deprecated =
    reason === undefined
      ? ''
      : reason === ''
        ? ' @deprecated'
        : ` @deprecated(reason: ${JSON.stringify(reason)})`;
  return withDescription(
    '  ',
    dtsField,
    `${fieldName}${argList}: ${renderTypeRef(dtsField.type)}${deprecated}`,
  );
}

/** Object type → interfaces it implements. Interfaces are the union-like d.ts types that also own fields. */
function collectInterfaces(typeMap: GenqlTypeMap, dts: GenqlDts): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [name, { members }] of dts.unionsAndInterfaces) {
    const fields = Object.keys(typeMap.types[name] ?? {});
    if (!fields.some((field) => field !== '__typename' && !field.startsWith('on_'))) continue;
    for (const objectName of members)
      result.set(objectName, [...(result.get(objectName) ?? []), name]);
  }
  return result;
}

function renderTypeRef(type: TypeRef): string {
  const inner = type.kind === 'named' ? type.name : `[${renderTypeRef(type.of)}]`;
  return type.nullable ? inner : `${inner}!`;
}

function namedTypeOf(type: TypeRef): string {
  return type.kind === 'named' ? type.name : namedTypeOf(type.of);
}

// Descriptions are emitted as JSON string literals: valid GraphQL strings (same
// escapes) that keep the text exact, unlike block strings, which get dedented.
function withDescription(indent: string, { description }: DtsDoc, definition: string): string {
  const prefix = description === undefined ? '' : `${indent}${JSON.stringify(description)}\n`;
  return `${prefix}${indent}${definition}`;
}

function requireType<T>(types: ReadonlyMap<string, T>, name: string): T {
  const found = types.get(name);
  if (!found)
    throw new Error(`twenty-client-sdk: type ${name} is in the type map but not in schema.d.ts`);
  return found;
}

function requireField(object: DtsObject, typeName: string, fieldName: string): DtsField {
  const found = object.fields.get(fieldName);
  if (!found)
    throw new Error(
      `twenty-client-sdk: ${typeName}.${fieldName} is in the type map but not in schema.d.ts`,
    );
  return found;
}
