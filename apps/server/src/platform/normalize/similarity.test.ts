import { describe, expect, it } from 'vitest';
import { jaroWinkler, nameSimilarity, trigramSimilarity, trigrams } from './similarity';

describe('trigrams', () => {
  it('pads each word with two spaces before and one after, as pg_trgm does', () => {
    expect(trigrams('cat')).toEqual(['  c', ' ca', 'cat', 'at ']);
    expect(trigrams('foo bar')).toEqual(['  f', ' fo', 'foo', 'oo ', '  b', ' ba', 'bar', 'ar ']);
  });

  it('gives 1–2 character keys grams, and none for empty input', () => {
    expect(trigrams('科')).toEqual(['  科', ' 科 ']);
    expect(trigrams('科技')).toEqual(['  科', ' 科技', '科技 ']);
    expect(trigrams('')).toEqual([]);
    expect(trigrams('   ')).toEqual([]);
  });

  it('cuts by code point and keeps grams distinct', () => {
    expect(trigrams('😀😀')).toEqual(['  😀', ' 😀😀', '😀😀 ']);
    expect(trigrams('aaaa')).toEqual(['  a', ' aa', 'aaa', 'aa ']);
  });
});

describe('trigramSimilarity', () => {
  it('is the Jaccard index of the trigram sets, like pg_trgm similarity()', () => {
    // pg_trgm: similarity('wow', 'WOWa') = 0.5 once lower-cased.
    expect(trigramSimilarity('wow', 'wowa')).toBe(0.5);
    expect(trigramSimilarity('acme', 'acme')).toBe(1);
    expect(trigramSimilarity('acme', 'zzzz')).toBe(0);
    expect(trigramSimilarity('星云科技', '星云料技')).toBe(0.25);
  });

  it('is 0 when either side is empty', () => {
    expect(trigramSimilarity('', '')).toBe(0);
    expect(trigramSimilarity('acme', '')).toBe(0);
  });
});

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(jaroWinkler('😀a', '😀b')).toBeCloseTo(jaroWinkler('xa', 'xb'), 10);
    expect(jaroWinkler('𠀀𠀁科技', '𠀀𠀁科技')).toBe(1);
  });

  it('is 1 for equal non-empty strings and 0 with an empty side', () => {
    expect(jaroWinkler('星云', '星云')).toBe(1);
    expect(jaroWinkler('', '')).toBe(0);
    expect(jaroWinkler('星云', '')).toBe(0);
  });
});

describe('nameSimilarity', () => {
  const threshold = 0.85;

  it('scores suffix, bracketed-region and full-width variants as the same name', () => {
    expect(nameSimilarity('星云科技有限公司', '星云科技（北京）有限公司')).toBe(1);
    expect(nameSimilarity('ＡＣＭＥ　有限公司', 'Acme Inc')).toBe(1);
    expect(nameSimilarity('Acme Co., Ltd.', 'ACME LIMITED')).toBe(1);
  });

  it('scores typos and city-prefix variants at or above 0.85', () => {
    // Observed: 0.867, 0.970, 0.911, 0.875, 0.954, 0.933, 0.933.
    const pairs = [
      ['星云科技', '星云料技'],
      ['Microsoft', 'Mircosoft'],
      ['Google', 'Goggle'],
      ['星云科技有限公司', '北京星云科技有限公司'],
      ['深圳市星云科技', '深圳星云科技'],
      ['星云科技', '星云技术'],
      ['腾讯', '腾讯科技'],
    ];
    for (const [a, b] of pairs) {
      expect(nameSimilarity(a as string, b as string), `${a} / ${b}`).toBeGreaterThanOrEqual(threshold);
    }
  });

  it('scores companies that share only an industry word, or a brand in another city, lower', () => {
    // Observed: 星云科技 / 星辰科技 0.758, 华为技术 / 华夏技术 0.758, 北京星云科技 / 上海星云科技 0.722.
    expect(nameSimilarity('星云科技', '星辰科技')).toBeLessThan(0.8);
    expect(nameSimilarity('华为技术', '华夏技术')).toBeLessThan(0.8);
    expect(nameSimilarity('北京星云科技有限公司', '上海星云科技有限公司')).toBeLessThan(0.75);
    expect(nameSimilarity('星云科技', '星云料技')).toBeGreaterThan(nameSimilarity('星云科技', '星辰科技'));
  });

  it('keeps a branch below the threshold', () => {
    // Observed: 0.818.
    expect(nameSimilarity('星云科技有限公司', '星云科技有限公司北京分公司')).toBeLessThan(threshold);
  });

  it('scores unrelated names low', () => {
    expect(nameSimilarity('星云科技', '蓝海贸易')).toBe(0);
    expect(nameSimilarity('Globex', 'Acme')).toBeLessThan(0.5);
  });

  it('is symmetric, 0 for empty input and handles emoji and very long names', () => {
    expect(nameSimilarity('星云科技', '北京星云科技')).toBe(nameSimilarity('北京星云科技', '星云科技'));
    expect(nameSimilarity('', '星云')).toBe(0);
    expect(nameSimilarity('   ', '   ')).toBe(0);
    expect(nameSimilarity('😀', '😀')).toBe(1);
    const long = '星云'.repeat(2_000);
    expect(nameSimilarity(long, `${long}科技`)).toBeGreaterThan(0.9);
  });
});
