import { LineCounter, parseDocument, stringify, type Document } from 'yaml';
import type { ZodError } from 'zod';
import {
  normaliseSchemaDocument,
  schemaDocumentSchema,
  serialiseSchemaDocument,
  type SchemaDocument,
} from './schema-document';

/**
 * The schema file as JSON or YAML. Both are canonical (the normalised document, keys in the
 * schema's order, objects and fields sorted), so the same model is the same text and a change is
 * a small diff. Reading names the line and the path of a problem.
 */
export type SchemaFileFormat = 'json' | 'yaml';

export interface SchemaFileIssue {
  /** `objects[0].fields[2].type`; empty for the whole file. */
  path: string;
  line?: number;
  message: string;
}

export class SchemaFileError extends Error {
  constructor(readonly issues: SchemaFileIssue[]) {
    super(
      issues
        .map((issue) =>
          [issue.line ? `line ${issue.line}` : '', issue.path, issue.message]
            .filter(Boolean)
            .join(': '),
        )
        .join('; '),
    );
    this.name = 'SchemaFileError';
  }
}

export const serialiseSchemaFile = (doc: SchemaDocument, format: SchemaFileFormat): string =>
  format === 'json'
    ? serialiseSchemaDocument(doc)
    : stringify(normaliseSchemaDocument(doc), {
        lineWidth: 0,
        minContentWidth: 0,
        aliasDuplicateObjects: false,
      });

/** JSON when the text opens with `{`, YAML otherwise (YAML also reads JSON). */
export const detectSchemaFileFormat = (text: string): SchemaFileFormat =>
  text.trimStart().startsWith('{') ? 'json' : 'yaml';

const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');

interface RawIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: RawIssue[][];
}

/** A union's issues: those of the branch that got furthest (fewest complaints). */
const flattenIssues = (issues: RawIssue[], prefix: PropertyKey[] = []): RawIssue[] =>
  issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      if (best.length > 0) return flattenIssues(best, path);
    }
    return [{ ...issue, path }];
  });

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? lineOf(text, Number(position[1])) : undefined;
    throw new SchemaFileError([
      { path: '', ...(line ? { line } : {}), message: `not JSON: ${message}` },
    ]);
  }
};

const parseYaml = (text: string, lines: LineCounter): Document => {
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0)
    throw new SchemaFileError(
      doc.errors.slice(0, 5).map((error) => ({
        path: '',
        line: lines.linePos(error.pos[0]).line,
        message: `not YAML: ${error.message}`,
      })),
    );
  return doc;
};

const describe = (error: ZodError, locate: (path: PropertyKey[]) => number | undefined) =>
  new SchemaFileError(
    flattenIssues(error.issues as unknown as RawIssue[])
      .slice(0, 5)
      .map((issue) => {
        const line = locate(issue.path);
        return {
          path: formatPath(issue.path),
          ...(line ? { line } : {}),
          message: issue.message,
        };
      }),
  );

/** Parses and normalises a schema file; throws `SchemaFileError` naming lines and paths. */
export const parseSchemaFile = (text: string, format?: SchemaFileFormat): SchemaDocument => {
  const lines = new LineCounter();
  const kind = format ?? detectSchemaFileFormat(text);
  let yamlDoc: Document | null = null;
  const value = kind === 'json' ? parseJson(text) : (yamlDoc = parseYaml(text, lines)).toJS();
  const parsed = schemaDocumentSchema.safeParse(value);
  if (parsed.success) return normaliseSchemaDocument(parsed.data);
  // YAML reads JSON too, so one locator serves both formats.
  const locator = yamlDoc ?? parseDocument(text, { lineCounter: lines });
  const locate = (path: PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = locator.getIn(path.slice(0, depth), true) as { range?: number[] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]!).line;
    }
    return undefined;
  };
  throw describe(parsed.error, locate);
};
