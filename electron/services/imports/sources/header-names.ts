/**
 * Column names from the header row: whitespace runs (line breaks of a multi-line header
 * included) become one space, ends trimmed; trailing blank cells dropped; a blank name becomes
 * "Column N" (N its 1-based position); a repeat (ignoring case) gets " (2)", " (3)"….
 */
export function headerNames(cells: readonly string[]): string[] {
  const trimmed = cells.map((cell) => cell.replace(/\s+/g, ' ').trim());
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  const taken = new Set<string>();
  return trimmed.map((cell, index) => {
    const base = cell === '' ? `Column ${index + 1}` : cell;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}
