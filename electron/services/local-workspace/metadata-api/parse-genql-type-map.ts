// Reads the genql runtime type map that twenty-client-sdk bundles into
// dist/metadata.mjs (`{ scalars: [...], types: { Name: { field: [typeIndex, args?] } } }`).
// The literal is pure data, so it is parsed with a tiny literal parser instead
// of being evaluated: nothing from node_modules gets executed.

/** `[typeIndex, graphqlTypeString?]`; a missing string means the bare (nullable) named type. */
export type GenqlArg = readonly [number, string?];
/** `[typeIndex, args?]`; typeIndex indexes `Object.keys(types)`. */
export type GenqlField = readonly [number, Readonly<Record<string, GenqlArg>>?];

export interface GenqlTypeMap {
  /** Indexes of the types genql treats as leaves (custom scalars and enums). */
  readonly scalars: readonly number[];
  /** Insertion-ordered; built-in and custom scalars and enums map to `{}`. */
  readonly types: Readonly<Record<string, Readonly<Record<string, GenqlField>>>>;
}

type LiteralValue = number | string | LiteralValue[] | { [key: string]: LiteralValue };

const TYPE_MAP_START = /\{\s*scalars\s*:\s*\[/;
const NUMBER = /-?\d+(\.\d+)?/y;
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const WHITESPACE = /\s*/y;

export function extractGenqlTypeMap(bundleSource: string): GenqlTypeMap {
  const match = TYPE_MAP_START.exec(bundleSource);
  if (!match) throw new Error('genql type map (`{ scalars: [...], types: {...} }`) not found');
  const value = new LiteralParser(bundleSource, match.index).parseValue();
  assertTypeMap(value);
  return value;
}

/** Parses the subset of JS literals genql/rolldown emit: objects, arrays, numbers, strings. */
class LiteralParser {
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  parseValue(): LiteralValue {
    this.skipWhitespace();
    const char = this.text[this.pos];
    if (char === '{') return this.parseObject();
    if (char === '[') return this.parseArray();
    if (char === '"' || char === "'" || char === '`') return this.parseString();
    const number = this.match(NUMBER);
    if (number !== undefined) return Number(number);
    throw this.error('unexpected token');
  }

  private parseObject(): { [key: string]: LiteralValue } {
    // Null prototype: GraphQL names such as `constructor` must not hit Object.prototype.
    const result = Object.create(null) as { [key: string]: LiteralValue };
    this.expect('{');
    // Trailing commas are allowed, as in JS.
    while (!this.tryConsume('}')) {
      this.skipWhitespace();
      const key = this.parseKey();
      this.expect(':');
      result[key] = this.parseValue();
      if (!this.tryConsume(',')) {
        this.expect('}');
        break;
      }
    }
    return result;
  }

  private parseArray(): LiteralValue[] {
    const result: LiteralValue[] = [];
    this.expect('[');
    while (!this.tryConsume(']')) {
      result.push(this.parseValue());
      if (!this.tryConsume(',')) {
        this.expect(']');
        break;
      }
    }
    return result;
  }

  private parseKey(): string {
    const char = this.text[this.pos];
    if (char === '"' || char === "'" || char === '`') return this.parseString();
    const identifier = this.match(IDENTIFIER);
    if (identifier === undefined) throw this.error('expected a property name');
    return identifier;
  }

  private parseString(): string {
    const quote = this.text[this.pos];
    let result = '';
    for (this.pos += 1; this.pos < this.text.length; this.pos += 1) {
      const char = this.text[this.pos];
      if (char === quote) {
        this.pos += 1;
        return result;
      }
      if (quote === '`' && char === '$' && this.text[this.pos + 1] === '{')
        throw this.error('template interpolation');
      if (char === '\\') {
        this.pos += 1;
        const escaped = this.text[this.pos] ?? '';
        result += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
      } else {
        result += char;
      }
    }
    throw this.error('unterminated string');
  }

  private skipWhitespace(): void {
    this.match(WHITESPACE);
  }

  /** Consumes `pattern` (a sticky regex) at the cursor and returns the matched text. */
  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (!found) return undefined;
    this.pos += found[0].length;
    return found[0];
  }

  private tryConsume(char: string): boolean {
    this.skipWhitespace();
    if (this.text[this.pos] !== char) return false;
    this.pos += 1;
    return true;
  }

  private expect(char: string): void {
    if (!this.tryConsume(char)) throw this.error(`expected '${char}'`);
  }

  private error(message: string): Error {
    const context = this.text.slice(this.pos, this.pos + 40);
    return new Error(
      `genql type map: ${message} at offset ${this.pos} near ${JSON.stringify(context)}`,
    );
  }
}

function assertTypeMap(value: LiteralValue): asserts value is LiteralValue & GenqlTypeMap {
  const fail = (what: string): never => {
    throw new Error(`genql type map has an unexpected shape: ${what}`);
  };
  if (typeof value !== 'object' || Array.isArray(value)) return fail('root is not an object');
  const { scalars, types } = value;
  if (!Array.isArray(scalars) || !scalars.every((index) => typeof index === 'number'))
    return fail('scalars');
  if (typeof types !== 'object' || Array.isArray(types)) return fail('types');
  for (const [typeName, fields] of Object.entries(types)) {
    if (typeof fields !== 'object' || Array.isArray(fields)) return fail(typeName);
    for (const [fieldName, field] of Object.entries(fields)) {
      const [typeIndex, args] = Array.isArray(field) ? field : [];
      const argsOk =
        args === undefined ||
        (typeof args === 'object' &&
          !Array.isArray(args) &&
          Object.values(args).every(
            (arg) =>
              Array.isArray(arg) &&
              typeof arg[0] === 'number' &&
              (arg[1] === undefined || typeof arg[1] === 'string'),
          ));
      if (typeof typeIndex !== 'number' || !argsOk) fail(`${typeName}.${fieldName}`);
    }
  }
}
