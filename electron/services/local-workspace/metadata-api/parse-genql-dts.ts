// Reads twenty-client-sdk's genql-generated dist/metadata/generated/schema.d.ts.
// The runtime type map only knows named types; this file supplies what it
// lacks: nullability, list wrapping, enum values, union members, input-vs-output
// kind, descriptions and deprecation reasons.
//
// Twenty's genql fork (see the SDK's dist/generate.mjs, `renderTyping`) encodes:
//   output field   `f: T` non-null, `f?: T` nullable
//   input field    `f: T` non-null, `f?: (T | null)` nullable
//   list items     `T[]` non-null items, `(T | undefined)[]` / `(T | null)[]` nullable items
// so list-item nullability is exact, not guessed. Twenty 2.43 has no nullable items.

export type TypeRef =
  | { readonly kind: 'named'; readonly name: string; readonly nullable: boolean }
  | { readonly kind: 'list'; readonly of: TypeRef; readonly nullable: boolean };

export interface DtsDoc {
  readonly description?: string;
  readonly deprecationReason?: string;
}

export interface DtsField extends DtsDoc {
  readonly type: TypeRef;
}

export interface DtsObject extends DtsDoc {
  readonly fields: ReadonlyMap<string, DtsField>;
}

export interface GenqlDts {
  readonly scalars: readonly string[];
  readonly enums: ReadonlyMap<string, DtsDoc & { readonly values: readonly string[] }>;
  /** genql renders GraphQL interfaces like unions: `type I = (A | B) & { __isUnion?: true }`. */
  readonly unionsAndInterfaces: ReadonlyMap<
    string,
    DtsDoc & { readonly members: readonly string[] }
  >;
  readonly objects: ReadonlyMap<string, DtsObject>;
  readonly inputs: ReadonlyMap<string, DtsObject>;
  /** Keyed `Type.field.arg`; only the `XGenqlSelection` request types carry these. */
  readonly argDescriptions: ReadonlyMap<string, string>;
}

const SELECTION_SUFFIX = 'GenqlSelection';

export function parseGenqlDts(source: string): GenqlDts {
  const lines = source.split(/\r?\n/);
  const result = {
    scalars: [] as string[],
    enums: new Map<string, DtsDoc & { values: string[] }>(),
    unionsAndInterfaces: new Map<string, DtsDoc & { members: string[] }>(),
    objects: new Map<string, DtsObject>(),
    inputs: new Map<string, DtsObject>(),
    argDescriptions: new Map<string, string>(),
  };
  let doc: DtsDoc = {};
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trimStart().startsWith('/**')) {
      ({ doc, index } = readComment(lines, index));
      continue;
    }
    let match: RegExpExecArray | null;
    if ((match = /^export (?:interface (\w+) ?|type (Scalars) = )\{$/.exec(line))) {
      const name = (match[1] ?? match[2]) as string;
      let end = index + 1;
      while (end < lines.length && !/^\};?$/.test(lines[end] ?? '')) end += 1;
      const body = lines.slice(index + 1, end);
      if (name === 'Scalars')
        result.scalars.push(...body.map((member) => parseMember(member).name));
      else if (name.endsWith(SELECTION_SUFFIX))
        collectArgDescriptions(
          name.slice(0, -SELECTION_SUFFIX.length),
          body,
          result.argDescriptions,
        );
      else {
        const { fields, isOutput } = parseObjectBody(body);
        (isOutput ? result.objects : result.inputs).set(name, { ...doc, fields });
      }
      index = end;
    } else if ((match = /^export type (\w+) = ('.*');$/.exec(line))) {
      const values = [...(match[2] as string).matchAll(/'([^']*)'/g)].map(
        (value) => value[1] as string,
      );
      result.enums.set(match[1] as string, { ...doc, values });
    } else if ((match = /^export type (\w+) = \(([\w |]+)\) & \{$/.exec(line))) {
      result.unionsAndInterfaces.set(match[1] as string, {
        ...doc,
        members: (match[2] as string).split(' | '),
      });
    }
    doc = {};
  }
  return result;
}

/** Output interfaces end with `__typename: 'X'`; input interfaces have no `__typename`. */
function parseObjectBody(body: readonly string[]): {
  fields: Map<string, DtsField>;
  isOutput: boolean;
} {
  const fields = new Map<string, DtsField>();
  let isOutput = false;
  let doc: DtsDoc = {};
  for (let index = 0; index < body.length; index += 1) {
    const line = body[index] ?? '';
    if (line.trimStart().startsWith('/**')) {
      ({ doc, index } = readComment(body, index));
      continue;
    }
    const member = parseMember(line);
    if (member.name === '__typename') isOutput = true;
    else {
      const type = parseTsType(member.typeText);
      fields.set(member.name, {
        ...doc,
        type: member.optional ? { ...type, nullable: true } : type,
      });
    }
    doc = {};
  }
  return { fields, isOutput };
}

// Argument docs live only in the request types: `field?: (XGenqlSelection & { __args: { <doc> a: T } })`.
function collectArgDescriptions(
  typeName: string,
  body: readonly string[],
  into: Map<string, string>,
): void {
  let fieldName = '';
  let inArgs = false;
  let description: string | undefined;
  for (let index = 0; index < body.length; index += 1) {
    const line = body[index] ?? '';
    const field = /^ {4}(\w+)\?:/.exec(line);
    if (field) {
      fieldName = field[1] as string;
      inArgs = false;
    } else if (/^\s+__args\??: \{$/.test(line)) inArgs = true;
    else if (inArgs && line.trimStart().startsWith('/**')) {
      let doc: DtsDoc;
      ({ doc, index } = readComment(body, index));
      description = doc.description;
      continue;
    } else if (inArgs && /^\s+\};?$/.test(line)) inArgs = false;
    else if (inArgs && description !== undefined) {
      into.set(`${typeName}.${fieldName}.${parseMember(line).name}`, description);
    }
    description = undefined;
  }
}

function parseMember(line: string): { name: string; optional: boolean; typeText: string } {
  const match = /^\s+(\w+)(\??): (.+?);?$/.exec(line);
  if (!match) throw new Error(`schema.d.ts: unexpected member line ${JSON.stringify(line)}`);
  return { name: match[1] as string, optional: match[2] === '?', typeText: match[3] as string };
}

/** `Scalars['X']`, `Name`, `T[]`, `(T | null)`, `(T | undefined)` — see the header comment. */
export function parseTsType(text: string): TypeRef {
  const trimmed = text.trim();
  if (trimmed.endsWith('[]'))
    return { kind: 'list', of: parseTsType(trimmed.slice(0, -2)), nullable: false };
  if (trimmed.startsWith('(') && closingParenIndex(trimmed) === trimmed.length - 1) {
    const inner = trimmed.slice(1, -1);
    const nullable = /^(.*) \| (?:null|undefined)$/s.exec(inner);
    return nullable
      ? { ...parseTsType(nullable[1] as string), nullable: true }
      : parseTsType(inner);
  }
  const named = /^(?:Scalars\['(\w+)'\]|(\w+))$/.exec(trimmed);
  if (!named) throw new Error(`schema.d.ts: unsupported type expression ${JSON.stringify(text)}`);
  return { kind: 'named', name: (named[1] ?? named[2]) as string, nullable: false };
}

function closingParenIndex(text: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '(') depth += 1;
    else if (text[index] === ')' && (depth -= 1) === 0) return index;
  }
  return -1;
}

// genql writes one JSDoc block per item: `@deprecated <reason>` (whitespace
// flattened) as its first line when deprecated, then the description lines.
function readComment(lines: readonly string[], start: number): { doc: DtsDoc; index: number } {
  let index = start;
  while (index < lines.length - 1 && !(lines[index] ?? '').includes('*/')) index += 1;
  const inner = lines
    .slice(start, index + 1)
    .join('\n')
    .trim()
    .slice('/**'.length, -'*/'.length);
  const text =
    index === start
      ? [inner.trim()]
      : inner
          .split('\n')
          .slice(1, -1)
          .map((line) => line.trimStart().replace(/^\* ?/, ''));
  const deprecated = /^@deprecated ?(.*)$/.exec(text[0] ?? '');
  const descriptionLines = deprecated ? text.slice(1) : text;
  return {
    doc: {
      ...(deprecated ? { deprecationReason: deprecated[1] as string } : {}),
      ...(descriptionLines.length > 0 ? { description: descriptionLines.join('\n') } : {}),
    },
    index,
  };
}
