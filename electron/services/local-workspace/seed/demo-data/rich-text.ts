/**
 * Builds a RICH_TEXT value ({ blocknote, markdown }) from a small markdown subset, the way Twenty
 * stores note/task bodies: `blocknote` is the BlockNote document serialised as a JSON string.
 * Supported: `# `/`## `/`### ` headings, `- ` bullets, `1. ` numbered items, `- [ ] `/`- [x] `
 * check items, paragraphs, and `**bold**` spans. Block ids are derived from `idSeed` so the demo
 * data stays byte-for-byte stable.
 */
export interface RichTextValue {
  blocknote: string;
  markdown: string;
}

interface InlineText {
  type: 'text';
  text: string;
  styles: Record<string, boolean>;
}

const DEFAULT_PROPS = {
  textColor: 'default',
  backgroundColor: 'default',
  textAlignment: 'left',
} as const;

const inline = (text: string): InlineText[] =>
  text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part.length > 0)
    .map((part): InlineText =>
      part.startsWith('**') && part.endsWith('**')
        ? { type: 'text', text: part.slice(2, -2), styles: { bold: true } }
        : { type: 'text', text: part, styles: {} },
    );

const blockId = (idSeed: string, index: number): string =>
  `${idSeed.slice(0, 24)}${(index + 1).toString(16).padStart(12, '0')}`;

export const richText = (idSeed: string, markdown: string): RichTextValue => {
  const lines = markdown.split('\n').filter((line) => line.trim().length > 0);
  const blocks = lines.map((line, index) => {
    const id = blockId(idSeed, index);
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      return {
        id,
        type: 'heading',
        props: { ...DEFAULT_PROPS, level: heading[1]!.length, isToggleable: false },
        content: inline(heading[2]!),
        children: [],
      };
    }
    const check = /^- \[( |x)\] (.*)$/.exec(line);
    if (check) {
      return {
        id,
        type: 'checkListItem',
        props: { ...DEFAULT_PROPS, checked: check[1] === 'x' },
        content: inline(check[2]!),
        children: [],
      };
    }
    const bullet = /^- (.*)$/.exec(line);
    if (bullet)
      return {
        id,
        type: 'bulletListItem',
        props: { ...DEFAULT_PROPS },
        content: inline(bullet[1]!),
        children: [],
      };
    const numbered = /^\d+\. (.*)$/.exec(line);
    if (numbered) {
      return {
        id,
        type: 'numberedListItem',
        props: { ...DEFAULT_PROPS },
        content: inline(numbered[1]!),
        children: [],
      };
    }
    return {
      id,
      type: 'paragraph',
      props: { ...DEFAULT_PROPS },
      content: inline(line),
      children: [],
    };
  });
  return { blocknote: JSON.stringify(blocks), markdown };
};
