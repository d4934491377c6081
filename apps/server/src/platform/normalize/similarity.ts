/**
 * Similarity of company names for duplicate detection.
 *
 * `trigramSimilarity` is what PostgreSQL pg_trgm `similarity()` computes, so that a `%` / GIN
 * prefilter on the stored key and this score agree: each word is padded with two spaces before and
 * one after, and the score is the Jaccard index |A ∩ B| / |A ∪ B| of the distinct trigrams. Keys have
 * no spaces (companyNameKey removes them, and Chinese has none), so a key is one word; the padding
 * gives 1–2 character keys grams too ("ab" → "  a", " ab", "ab ").
 *
 * Trigrams alone are weak for Chinese: a name is 2–6 characters, and one wrong character breaks three of
 * its five or so grams (星云科技 / 星云料技 share 2 of 8: 0.25). `nameSimilarity` therefore takes the best
 * of Jaro-Winkler, containment and trigrams, and averages it over the whole key and its distinctive
 * part (the key without trailing industry words such as 科技, 信息技术): a different character in the
 * brand (星云 / 星辰) weighs more than one in 科技, which every other company shares.
 *
 * Observed with the cases in similarity.test.ts:
 *   1.00  same key (suffix and full-width variants: 星云科技有限公司 / 星云科技（北京）/ ＡＣＭＥ)
 *   0.97  microsoft / mircosoft        0.95  深圳市星云科技 / 深圳星云科技
 *   0.93  腾讯 / 腾讯科技              0.93  星云科技 / 星云技术
 *   0.91  google / goggle              0.88  星云科技 / 北京星云科技
 *   0.87  星云科技 / 星云料技 (typo)
 *   0.82  星云科技 / 星云科技有限公司北京分公司 (a branch)
 *   0.76  星云科技 / 星辰科技, 华为技术 / 华夏技术     0.72  北京星云科技 / 上海星云科技
 *   < 0.5 unrelated names (0 for 星云科技 / 蓝海贸易)
 * so 0.85 (the default `nameSimilarityThreshold`) flags typos, city-prefix and suffix variants, and
 * not companies that only share an industry word or a brand under another city.
 */
import { companyNameKey } from './company-name.normalize';

const whitespace = /\s+/;

/** Distinct trigrams of a key, per word, padded like pg_trgm ("  w", " wo", …, "rd "). By code point. */
export function trigrams(text: string): string[] {
  const grams = new Set<string>();
  for (const word of text.split(whitespace)) {
    if (!word) continue;
    const chars = [' ', ' ', ...word, ' '];
    for (let index = 0; index + 2 < chars.length; index++) {
      grams.add(`${chars[index]}${chars[index + 1]}${chars[index + 2]}`);
    }
  }
  return [...grams];
}

/** pg_trgm `similarity()`: Jaccard of the trigram sets, 0 when either side has none. */
export function trigramSimilarity(a: string, b: string): number {
  const gramsA = trigrams(a);
  const gramsB = new Set(trigrams(b));
  if (gramsA.length === 0 || gramsB.size === 0) return 0;
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared++;
  return shared / (gramsA.length + gramsB.size - shared);
}

// Winkler's constants: the common prefix counts up to 4 characters, 0.1 each, and only lifts scores
// that are already above 0.7.
const prefixScale = 0.1;
const maxPrefix = 4;
const boostThreshold = 0.7;

/** Jaro-Winkler over code points (a UTF-16 unit would split an emoji or a rare CJK character). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const left = Array.from(a);
  const right = Array.from(b);
  if (left.length === 0 || right.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(left.length, right.length) / 2) - 1);
  const rightMatched = new Uint8Array(right.length);
  const leftMatches: string[] = [];
  for (let i = 0; i < left.length; i++) {
    const end = Math.min(i + window + 1, right.length);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (rightMatched[j] || left[i] !== right[j]) continue;
      rightMatched[j] = 1;
      leftMatches.push(left[i] as string);
      break;
    }
  }
  const matches = leftMatches.length;
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let j = 0; j < right.length; j++) {
    if (!rightMatched[j]) continue;
    if (right[j] !== leftMatches[k]) halfTranspositions++;
    k++;
  }
  const transpositions = halfTranspositions / 2;
  const jaro = (matches / left.length + matches / right.length + (matches - transpositions) / matches) / 3;
  if (jaro <= boostThreshold) return jaro;
  let prefix = 0;
  while (
    prefix < maxPrefix &&
    prefix < left.length &&
    prefix < right.length &&
    left[prefix] === right[prefix]
  ) {
    prefix++;
  }
  return jaro + prefix * prefixScale * (1 - jaro);
}

/**
 * One key inside the other (星云科技 in 北京星云科技): 0.7, up to 1 as the lengths converge. Only for a
 * contained part of 2+ characters, or every name containing 科 would be close to 科.
 */
function containment(a: string, b: string): number {
  const lengthA = Array.from(a).length;
  const lengthB = Array.from(b).length;
  const [shorter, longer] = lengthA <= lengthB ? [a, b] : [b, a];
  const shorterLength = Math.min(lengthA, lengthB);
  if (shorterLength < 2 || !longer.includes(shorter)) return 0;
  return 0.7 + (0.3 * shorterLength) / Math.max(lengthA, lengthB);
}

const keySimilarity = (a: string, b: string) =>
  Math.max(jaroWinkler(a, b), containment(a, b), trigramSimilarity(a, b));

// Industry words that end Chinese (and some English) names and that unrelated companies share.
// Longest first so that 信息技术 goes before 技术.
const industryWords = [
  '信息技术',
  '网络科技',
  '电子商务',
  '供应链',
  '新能源',
  '房地产',
  '科技',
  '技术',
  '信息',
  '网络',
  '软件',
  '电子',
  '智能',
  '数据',
  '数字',
  '贸易',
  '商贸',
  '实业',
  '发展',
  '投资',
  '咨询',
  '管理',
  '服务',
  '文化',
  '传媒',
  '广告',
  '教育',
  '医疗',
  '医药',
  '生物',
  '健康',
  '工程',
  '建设',
  '建筑',
  '装饰',
  '物流',
  '餐饮',
  '食品',
  '机械',
  '设备',
  '制造',
  '材料',
  '能源',
  '环保',
  '汽车',
  '物业',
  '置业',
  '金融',
  '控股',
  '国际',
  'technologies',
  'technology',
  'international',
  'consulting',
  'solutions',
  'holdings',
  'software',
  'services',
  'systems',
  'trading',
  'group',
];

/** The key without trailing industry words (星云网络科技 → 星云), or the key if nothing would be left. */
function distinctivePart(key: string): string {
  let core = key;
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of industryWords) {
      if (core.length > word.length && core.endsWith(word)) {
        core = core.slice(0, -word.length);
        changed = true;
        break;
      }
    }
  }
  return core;
}

/** 0..1 similarity of two company names (raw or already keyed: companyNameKey is idempotent). */
export function nameSimilarity(a: string, b: string): number {
  return keySimilarityOf(companyNameKey(a), companyNameKey(b));
}

/** nameSimilarity of two company-name keys (skips keying them again: scans score thousands). */
export function keySimilarityOf(keyA: string, keyB: string): number {
  if (!keyA || !keyB) return 0;
  if (keyA === keyB) return 1;
  const whole = keySimilarity(keyA, keyB);
  const coreA = distinctivePart(keyA);
  const coreB = distinctivePart(keyB);
  if (coreA === keyA && coreB === keyB) return whole;
  return (whole + keySimilarity(coreA, coreB)) / 2;
}
