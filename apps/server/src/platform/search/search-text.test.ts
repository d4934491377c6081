import { describe, expect, it } from 'vitest';
import { ftsPhrase, nameGrams, planSearch, searchDocument } from './search-text';

describe('search text', () => {
  it('cuts names into unigrams and bigrams of letters and digits', () => {
    expect(nameGrams('云帆科技').split(' ')).toEqual(['云', '云帆', '帆', '帆科', '科', '科技', '技']);
    expect(nameGrams('A-B c').split(' ')).toEqual(['a', 'ab', 'b', 'bc', 'c']);
  });

  it('puts phones both as typed and as bare digits into the document', () => {
    expect(searchDocument({ name: 'Acme', email: 'X@Y.com', phones: ['138-0013 8000'] })).toBe(
      'acme x@y.com 138-0013 8000 13800138000',
    );
    // A form the stored number already contains is not repeated; a trunk prefix 0 makes a new one.
    expect(searchDocument({ name: 'Acme', phones: ['+8613800138000', '+861088886666'] })).toBe(
      'acme  +8613800138000 +861088886666 01088886666',
    );
  });

  it('plans 1–2 letters as a gram, 3+ as a substring, phone-like input as digits', () => {
    expect(planSearch(' 科技 ')).toEqual({ kind: 'gram', gram: '科技' });
    expect(planSearch('A')).toEqual({ kind: 'gram', gram: 'a' });
    expect(planSearch('科技公司')).toEqual({ kind: 'substring', text: '科技公司' });
    expect(planSearch('138-1234 5678')).toEqual({ kind: 'substring', text: '13812345678' });
    expect(planSearch('')).toEqual({ kind: 'none' });
    expect(planSearch('%')).toEqual({ kind: 'nothing' });
    expect(planSearch(' Sales@Acme.COM ')).toEqual({ kind: 'email', email: 'sales@acme.com' });
    expect(planSearch('acme.com')).toEqual({ kind: 'substring', text: 'acme.com' });
  });

  it('quotes FTS5 phrases so that user input is never query syntax', () => {
    expect(ftsPhrase('a" OR "b')).toBe('"a"" OR ""b"');
  });
});
