import { describe, expect, it } from 'vitest';
import { compileTransforms, splitList } from './transforms';

describe('transforms', () => {
  it('applies text transforms in order', () => {
    const { text } = compileTransforms([
      { type: 'trim' },
      { type: 'split', separator: '|', index: -1 },
      { type: 'replace', find: '_', with: ' ' },
      { type: 'case', to: 'title' },
    ]);
    expect(text!('  a|jean-luc_o’neil ')).toBe('Jean-Luc O’Neil');
    expect(compileTransforms([{ type: 'case', to: 'upper' }]).text!('abc')).toBe('ABC');
    expect(compileTransforms([{ type: 'empty', values: ['N/A', '-'] }]).text!(' n/a ')).toBe('');
    expect(compileTransforms([{ type: 'split', separator: ',', index: 5 }]).text!('a,b')).toBe('');
  });

  it('turns reading transforms into hints, the last of a kind winning', () => {
    const { text, hints } = compileTransforms([
      { type: 'number', locale: 'fr' },
      { type: 'number', locale: 'de' },
      { type: 'list', separator: ';' },
      { type: 'date', format: 'DD/MM/YYYY', timeZone: 'Europe/Paris' },
    ]);
    expect(text).toBeNull();
    expect(hints).toMatchObject({
      number: 'de',
      listSeparator: ';',
      date: { format: 'DD/MM/YYYY', timeZone: 'Europe/Paris' },
    });
  });

  it('splits list cells', () => {
    expect(splitList(' a ; b;;c ', undefined, /;/)).toEqual(['a', 'b', 'c']);
    expect(splitList('a/b', '/', /;/)).toEqual(['a', 'b']);
  });
});
