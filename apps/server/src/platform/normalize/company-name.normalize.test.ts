import { describe, expect, it } from 'vitest';
import { companyNameKey } from './company-name.normalize';

describe('companyNameKey', () => {
  it('gives English legal-form variants one key', () => {
    for (const name of [
      'Acme Co., Ltd.',
      'ACME LIMITED',
      'Acme Inc',
      'Acme Corporation',
      'Acme L.L.C.',
      'Acme Pte. Ltd.',
    ]) {
      expect(companyNameKey(name), name).toBe('acme');
    }
    expect(companyNameKey('Acme S.A.')).toBe('acme');
    expect(companyNameKey('Acme GmbH & Co. KG')).toBe('acme');
  });

  it('folds full-width letters and the ideographic space', () => {
    expect(companyNameKey('ＡＣＭＥ　有限公司')).toBe('acme');
  });

  it('strips Chinese legal forms repeatedly from the end', () => {
    expect(companyNameKey('星云科技有限公司')).toBe('星云科技');
    expect(companyNameKey('星云科技有限责任公司')).toBe('星云科技');
    expect(companyNameKey('星云科技集团股份有限公司')).toBe('星云科技');
    expect(companyNameKey('星云科技集团有限公司')).toBe('星云科技');
    expect(companyNameKey('星云科技总公司')).toBe('星云科技');
    expect(companyNameKey('星云科技（集团）有限公司')).toBe('星云科技');
    expect(companyNameKey('星云创投合伙企业（有限合伙）')).toBe('星云创投合伙企业');
  });

  it('removes a bracketed region but keeps a leading city, which tells companies apart', () => {
    expect(companyNameKey('星云科技（北京）有限公司')).toBe('星云科技');
    expect(companyNameKey('星云科技(深圳市)有限公司')).toBe('星云科技');
    expect(companyNameKey('【上海】星云科技')).toBe('星云科技');
    expect(companyNameKey('Acme (Beijing) Co., Ltd.')).toBe('acme');
    expect(companyNameKey('北京星云科技有限公司')).toBe('北京星云科技');
  });

  it('keeps bracketed words that are not regions, without the brackets', () => {
    expect(companyNameKey('星云（国际）贸易有限公司')).toBe('星云国际贸易');
  });

  it('keeps a branch distinct from its company', () => {
    expect(companyNameKey('星云科技有限公司北京分公司')).toBe('星云科技有限公司北京分公司');
  });

  it('keeps business kinds that are not legal forms', () => {
    expect(companyNameKey('金杜律师事务所')).toBe('金杜律师事务所');
    expect(companyNameKey('小王摄影工作室')).toBe('小王摄影工作室');
    expect(companyNameKey('红星服装厂')).toBe('红星服装厂');
  });

  it('removes ASCII and CJK punctuation and spaces', () => {
    expect(companyNameKey('星云·科技，有限公司。')).toBe('星云科技');
    expect(companyNameKey('A-B_C & D、E')).toBe('abcde');
  });

  it('only strips whole English words, never the end of one', () => {
    expect(companyNameKey('Costco')).toBe('costco');
    expect(companyNameKey('Taco Inc')).toBe('taco');
  });

  it('never returns an empty key for a non-empty name', () => {
    expect(companyNameKey('有限公司')).toBe('有限公司');
    expect(companyNameKey('Co. Ltd.')).toBe('coltd');
    expect(companyNameKey('!!!')).toBe('!!!');
    expect(companyNameKey('😀')).toBe('😀');
    expect(companyNameKey('')).toBe('');
    expect(companyNameKey('   ')).toBe('');
  });

  it('handles mixed CJK/Latin, emoji and very long names', () => {
    expect(companyNameKey('ACME星云 Technology 有限公司')).toBe('acme星云technology');
    expect(companyNameKey('星云😀科技有限公司')).toBe('星云科技');
    const long = `${'星云'.repeat(10_000)}有限公司`;
    expect(companyNameKey(long)).toBe('星云'.repeat(10_000));
  });

  it('is idempotent, so stored keys can be keyed again', () => {
    for (const name of [
      'Acme Co., Ltd.',
      '星云科技（北京）有限公司',
      '有限公司',
      '星云科技有限公司北京分公司',
    ]) {
      const key = companyNameKey(name);
      expect(companyNameKey(key), name).toBe(key);
    }
  });
});
