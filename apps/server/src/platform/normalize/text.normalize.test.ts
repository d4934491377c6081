import { describe, expect, it } from 'vitest';
import { cleanText, foldFullWidth } from './text.normalize';

describe('foldFullWidth', () => {
  it('folds full-width ASCII to half-width and the ideographic space to a space', () => {
    expect(foldFullWidth('ＡＣＭＥ　１２３！＠～')).toBe('ACME 123!@~');
    expect(foldFullWidth('（０１０）８８８８')).toBe('(010)8888');
  });

  it('leaves CJK, half-width text and CJK punctuation outside U+FF01–U+FF5E alone', () => {
    // The full-width comma U+FF0C is in the range; 【】 and 。 are not.
    expect(foldFullWidth('星云科技，【北京】。')).toBe('星云科技,【北京】。');
    expect(foldFullWidth('plain text')).toBe('plain text');
    expect(foldFullWidth('')).toBe('');
  });
});

describe('cleanText', () => {
  it('trims and collapses tabs, newlines, NBSP and ideographic spaces into one space', () => {
    expect(cleanText('  星云\t\t科技\n有限公司\u00A0\u00A0Ltd　')).toBe('星云 科技 有限公司 Ltd');
  });

  it('returns an empty string for empty and whitespace-only input', () => {
    expect(cleanText('')).toBe('');
    expect(cleanText(' \t\n\u3000\u00A0 ')).toBe('');
  });

  it('composes to NFC but does not apply compatibility folding (NFKC)', () => {
    expect(cleanText('Cafe\u0301')).toBe('Café');
    expect(cleanText('①号店™')).toBe('①号店™');
  });

  it('removes zero-width spaces, BOMs and control characters pasted from other programs', () => {
    expect(cleanText('\uFEFF星云\u200B科技\u0007')).toBe('星云科技');
  });

  it('keeps emoji, including sequences joined by ZWJ', () => {
    expect(cleanText(' 👨‍👩‍👧 家庭 😀 ')).toBe('👨‍👩‍👧 家庭 😀');
  });

  it('handles mixed CJK/Latin and very long input', () => {
    expect(cleanText('ＡＣＭＥ　星云 Co.,Ltd')).toBe('ACME 星云 Co.,Ltd');
    const long = `${'星云 '.repeat(50_000)}\t`;
    expect(cleanText(long)).toBe('星云 '.repeat(50_000).trim());
  });
});
