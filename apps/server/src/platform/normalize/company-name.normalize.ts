/**
 * The comparison key of a company name for duplicate detection: 星云科技（北京）有限公司, 北京 is in
 * brackets, 星云科技有限公司 and "Acme Co., Ltd." vs "ACME LIMITED" must meet on one key.
 *
 * Stripped from the end, repeatedly: the legal forms people add, drop or vary when they mean the same
 * entity — 有限公司, 有限责任公司, 股份有限公司, 股份公司, 集团, 公司, 总公司 (the head office is the
 * company itself), 有限合伙; co, ltd, limited, inc, incorporated, corp, corporation, company, llc,
 * l.l.c., plc, gmbh, kg, ag, s.a., pte, pty, lp, llp.
 * Kept on purpose:
 * - 分公司: a branch is a different customer (own contracts, address, contacts); 星云科技有限公司北京分公司
 *   keys as 星云科技有限公司北京分公司, close to but not equal to 星云科技.
 * - 工作室, 事务所, 厂: they name the kind of business (律师事务所, 摄影工作室, 服装厂), not a legal form
 *   people drop when they mean the same entity.
 * - A leading city (北京星云科技): it is part of the registered name and tells companies apart. Only a
 *   region in brackets (星云科技（北京）, Acme (Beijing)) is a qualifier and is removed.
 */
import { isRegionName } from './region.normalize';
import { cleanText } from './text.normalize';

// A bracketed group: ASCII and full-width () [] (already folded by cleanText) and CJK 【】〔〕「」《》.
const bracketGroups = /[([【〔「《]([^()[\]【】〔〕「」《》]*)[)\]】〕」》]/g;
const dots = /\./g;
// Everything that is not a letter, a mark or a digit: punctuation (，。、·&-_), symbols, emoji, spaces.
const separators = /[^\p{L}\p{M}\p{N}]+/gu;

const englishLegalWords = new Set([
  'co',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'company',
  'llc',
  'plc',
  'gmbh',
  'kg',
  'ag',
  'sa',
  'pte',
  'pty',
  'lp',
  'llp',
]);
// Longest first, so that 有限责任公司 is not cut as 公司 and left as 有限责任.
const chineseLegalSuffixes = [
  '有限责任公司',
  '股份有限公司',
  '有限公司',
  '股份公司',
  '总公司',
  '有限合伙',
  '集团',
  '公司',
];
const branchSuffix = '分公司';

// English names of regions Chinese companies put in brackets; Chinese names come from the region data.
const englishRegionNames = new Set([
  'china',
  'prc',
  'asia',
  'beijing',
  'shanghai',
  'tianjin',
  'chongqing',
  'guangdong',
  'guangzhou',
  'shenzhen',
  'hangzhou',
  'zhejiang',
  'jiangsu',
  'suzhou',
  'nanjing',
  'chengdu',
  'sichuan',
  'wuhan',
  'hubei',
  'xiamen',
  'fujian',
  'qingdao',
  'shandong',
  'xian',
  "xi'an",
  'dalian',
  'hongkong',
  'hong kong',
  'macau',
  'macao',
  'taiwan',
]);

const isBracketedRegion = (content: string) => {
  const region = content.trim();
  return region === '中国' || englishRegionNames.has(region) || (region !== '' && isRegionName(region));
};

/** Removes one legal form from the end; false when there is none (or the end is a branch, 分公司). */
function stripLegalForm(words: string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (englishLegalWords.has(last)) {
    words.pop();
    return true;
  }
  if (last.endsWith(branchSuffix)) return false;
  for (const suffix of chineseLegalSuffixes) {
    if (!last.endsWith(suffix)) continue;
    const rest = last.slice(0, -suffix.length);
    if (rest) words[words.length - 1] = rest;
    else words.pop();
    return true;
  }
  return false;
}

/**
 * Lower-case letters and digits only, without legal forms or a bracketed region; never empty for a
 * non-empty name (a name that is nothing but a legal form, 有限公司, keys as itself).
 */
export function companyNameKey(name: string): string {
  const cleaned = cleanText(name).toLowerCase();
  if (!cleaned) return '';
  const unbracketed = cleaned.replace(bracketGroups, (_group, content: string) =>
    isBracketedRegion(content) ? ' ' : ` ${content} `,
  );
  // Dots are dropped, not split on, so that l.l.c. and s.a. become the words llc and sa.
  const words = unbracketed.replace(dots, '').split(separators).filter(Boolean);
  const all = words.join('');
  // Until no legal form is left at the end: 集团股份有限公司, "co ltd", "pte ltd".
  let stripped = stripLegalForm(words);
  while (stripped) stripped = stripLegalForm(words);
  return words.join('') || all || cleaned;
}
