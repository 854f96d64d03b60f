import { REST_COMPARATORS } from './filter-ast';

/**
 * Twenty's REST `filter` grammar with character positions: `field[op]:value`, `a.b[op]:value`,
 * `and(...)`, `or(...)`, `not(...)`, default conjunction `and`, quoted values, `[a,b]` lists for
 * in/containsAny. Errors carry Twenty's messages, in the order Twenty would meet them (bracket
 * balance first, then depth first), so the first one is what Twenty answers; the rest let an
 * editor mark every bad part at once.
 * Source: parse-filter-rest-request.util.ts, parse-filter.util.ts, parse-base-filter.util.ts,
 * check-filter-query.util.ts, add-default-conjunction.util.ts, parse-filter-content.util.ts,
 * format-field-values.util.ts.
 */
export interface TextRange {
  start: number;
  end: number;
}

export interface FilterSyntaxError extends TextRange {
  message: string;
}

export const CONJUNCTIONS = ['and', 'or', 'not'] as const;
export type Conjunction = (typeof CONJUNCTIONS)[number];

export interface ConjunctionSyntax {
  kind: 'conjunction';
  conjunction: Conjunction;
  /** True for the `and(...)` Twenty adds around a filter that does not start with one. */
  implicit: boolean;
  children: FilterSyntax[];
  range: TextRange;
}

export interface ValueItem extends TextRange {
  value: string;
}

export interface LeafSyntax {
  kind: 'leaf';
  text: string;
  range: TextRange;
  path: Array<{ name: string } & TextRange>;
  operator: { name: string } & TextRange;
  /** `items` is the list of in/containsAny (null otherwise); `value` has quotes stripped. */
  value: { raw: string; value: string; items: ValueItem[] | null } & TextRange;
  /** False when the comparator or the value shape was refused (an error says why). */
  valid: boolean;
}

/** A predicate Twenty cannot read as `field[op]:value`. */
export interface InvalidSyntax {
  kind: 'invalid';
  text: string;
  range: TextRange;
}

export type FilterSyntax = ConjunctionSyntax | LeafSyntax | InvalidSyntax;

export interface ParsedFilterSyntax {
  root: ConjunctionSyntax | null;
  errors: FilterSyntaxError[];
}

const LIST_COMPARATORS = ['in', 'containsAny'];

const checkBrackets = (
  text: string,
): { error: FilterSyntaxError | null; missingCloses: number } => {
  const unmatchedOpens: number[] = [];
  const unmatchedCloses: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '(') unmatchedOpens.push(i);
    else if (text[i] === ')') {
      if (unmatchedOpens.length > 0) unmatchedOpens.pop();
      else unmatchedCloses.push(i);
    }
  }
  // Twenty compares the counts, so `)(` passes this check and fails later.
  const diff = unmatchedOpens.length - unmatchedCloses.length;
  if (diff === 0) return { error: null, missingCloses: 0 };
  const count = Math.abs(diff);
  const kind = diff > 0 ? 'close' : 'open';
  const at = diff > 0 ? unmatchedOpens[0]! : unmatchedCloses[0]!;
  const message = `'filter' invalid. ${count} ${kind} bracket${count > 1 ? 's are' : ' is'} missing in the query`;
  return { error: { start: at, end: at + 1, message }, missingCloses: Math.max(diff, 0) };
};

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

const stripQuotes = (value: string): string =>
  value.length >= 2 &&
  ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))
    ? value.slice(1, -1)
    : value;

const LEAF = /^([^[\]]+)\[([^\]]+)\]:(.+)$/s;

class FilterParser {
  readonly errors: FilterSyntaxError[] = [];

  /** `source` may carry closing brackets added after `length` so a half-typed filter parses. */
  constructor(
    private readonly source: string,
    private readonly length: number,
  ) {}

  range(start: number, end: number): TextRange {
    return { start: Math.min(start, this.length), end: Math.min(end, this.length) };
  }

  trim(start: number, end: number): [number, number] {
    while (start < end && isSpace(this.source[start])) start += 1;
    while (end > start && isSpace(this.source[end - 1])) end -= 1;
    return [start, end];
  }

  /**
   * `and(…)` wholly wrapping [start, end), as Twenty's `^(and|or|not)\((.+)\)$`, and (unlike that
   * regex, which reads `and(a),or(b)` as one garbled predicate) with its bracket closing at the end.
   */
  conjunctionAt(start: number, end: number): Conjunction | undefined {
    return CONJUNCTIONS.find(
      (name) =>
        this.source.startsWith(`${name}(`, start) &&
        end - start > name.length + 2 &&
        [end - 1, -1].includes(this.closingBracket(start + name.length)),
    );
  }

  /** -1 when an unpaired quote hides it: then the bracket at the end is taken, as Twenty does. */
  closingBracket(open: number): number {
    let depth = 0;
    let quote: string | null = null;
    for (let i = open; i < this.source.length; i += 1) {
      const char = this.source[i]!;
      if (quote) {
        if (char === quote) quote = null;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '(') depth += 1;
      else if (char === ')' && --depth === 0) return i;
    }
    return -1;
  }

  /** Splits on commas outside (), [] and quotes; an empty last part is kept, as Twenty does. */
  split(start: number, end: number): Array<[number, number]> {
    const parts: Array<[number, number]> = [];
    let depth = 0;
    let square = 0;
    let quote: string | null = null;
    let partStart = start;
    for (let i = start; i < end; i += 1) {
      const char = this.source[i]!;
      if (quote) {
        if (char === quote) quote = null;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
      else if (char === '[') square += 1;
      else if (char === ']') square -= 1;
      else if (char === ',' && depth === 0 && square === 0) {
        parts.push([partStart, i]);
        partStart = i + 1;
      }
    }
    parts.push([partStart, end]);
    return parts;
  }

  root(): ConjunctionSyntax {
    const [start, end] = this.trim(0, this.source.length);
    const node = this.conjunctionAt(start, end) ? this.node(start, end) : null;
    if (node?.kind === 'conjunction') return node;
    return {
      kind: 'conjunction',
      conjunction: 'and',
      implicit: true,
      children: this.split(start, end).map(([from, to]) => this.node(from, to)),
      range: this.range(start, end),
    };
  }

  node(rawStart: number, rawEnd: number): FilterSyntax {
    const [start, end] = this.trim(rawStart, rawEnd);
    const conjunction = this.conjunctionAt(start, end);
    if (!conjunction) return this.leaf(start, end);
    const children = this.split(start + conjunction.length + 1, end - 1).map(([from, to]) =>
      this.node(from, to),
    );
    const range = this.range(start, end);
    if (conjunction === 'not' && children.length > 1)
      this.errors.push({
        ...range,
        message:
          "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)",
      });
    return { kind: 'conjunction', conjunction, implicit: false, children, range };
  }

  leaf(start: number, end: number): FilterSyntax {
    const text = this.source.slice(start, end);
    const range = this.range(start, end);
    const match = LEAF.exec(text);
    if (!match) {
      this.errors.push({ ...range, message: `'filter' invalid for '${text}'. eg: price[gte]:10` });
      return { kind: 'invalid', text, range };
    }
    const [, rawPath, comparator, rawValue] = match as unknown as [string, string, string, string];
    const path: LeafSyntax['path'] = [];
    let segmentStart = start;
    for (const segment of rawPath.split('.')) {
      const [from, to] = this.trim(segmentStart, segmentStart + segment.length);
      path.push({ name: this.source.slice(from, to), ...this.range(from, to) });
      segmentStart += segment.length + 1;
    }
    const operatorStart = start + rawPath.length + 1;
    const operator = {
      name: comparator,
      ...this.range(operatorStart, operatorStart + comparator.length),
    };
    const valueStart = operatorStart + comparator.length + 2;
    const leaf: LeafSyntax = {
      kind: 'leaf',
      text,
      range,
      path,
      operator,
      value: {
        raw: rawValue,
        value: stripQuotes(rawValue.trim()),
        items: null,
        ...this.range(valueStart, end),
      },
      valid: true,
    };
    if (!(REST_COMPARATORS as readonly string[]).includes(comparator)) {
      this.errors.push({
        ...operator,
        message: `'filter' invalid for '${text}', comparator ${comparator} not in ${REST_COMPARATORS.join(', ')}`,
      });
      leaf.valid = false;
    } else if (LIST_COMPARATORS.includes(comparator)) this.list(leaf, valueStart, end);
    return leaf;
  }

  list(leaf: LeafSyntax, rawStart: number, rawEnd: number): void {
    const [start, end] = this.trim(rawStart, rawEnd);
    if (this.source[start] !== '[' || this.source[end - 1] !== ']' || end - start < 2) {
      const op = leaf.operator.name;
      this.errors.push({
        ...leaf.value,
        message: `'filter' invalid for '${op}' operator. Received '${leaf.value.raw}' but array value expected eg: 'field[${op}]:[value_1,value_2]'`,
      });
      leaf.valid = false;
      return;
    }
    // The list body is split on every comma: quotes do not protect commas inside a list.
    const items: ValueItem[] = [];
    if (this.source.slice(start + 1, end - 1).trim() !== '') {
      let itemStart = start + 1;
      for (let i = start + 1; i <= end - 1; i += 1) {
        if (i < end - 1 && this.source[i] !== ',') continue;
        const [from, to] = this.trim(itemStart, i);
        items.push({ value: stripQuotes(this.source.slice(from, to)), ...this.range(from, to) });
        itemStart = i + 1;
      }
    }
    leaf.value.items = items;
  }
}

export const parseFilterSyntax = (text: string): ParsedFilterSyntax => {
  if (text.trim() === '') return { root: null, errors: [] };
  const brackets = checkBrackets(text);
  const parser = new FilterParser(text + ')'.repeat(brackets.missingCloses), text.length);
  const root = parser.root();
  return { root, errors: brackets.error ? [brackets.error, ...parser.errors] : parser.errors };
};
