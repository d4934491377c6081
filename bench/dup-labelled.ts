/**
 * The labelled duplicate set of bench/dup-scan.ts and bench/dup-check.ts: 90 % originals from the
 * generator, 10 % injected variants of random originals. Deterministic (seed + index), so any script
 * can rebuild a record or its label without storing them.
 *
 * Variant kinds (one of four, in turn), each matchable only by what it varies:
 * - `typo`: one character of the name (outside the legal suffix) substituted, inserted, deleted or
 *   swapped with its neighbour; phones and email from an unrelated record.
 * - `fullwidth`: the ASCII letters and digits of the name in full-width forms (ＡＢＣ, １２３), brackets
 *   swapped between ASCII and full-width; the original is the next one with ASCII in its name.
 *   Phones and email from an unrelated record.
 * - `suffix`: the legal form changed (有限公司 ↔ 股份有限公司 ↔ 集团 ↔ none; Co., Ltd. ↔ Inc ↔ Limited).
 *   Phones and email from an unrelated record.
 * - `phone`: the name (and email) of an unrelated record, the original's phones reformatted
 *   (138-0013-8000 ↔ +86 138 0013 8000 ↔ 13800138000; landlines likewise).
 */
import {
  type GeneratedCustomer,
  generateCustomer,
  recordState,
} from '../apps/server/src/demo/customer-generator';
import { normalizePhone } from '../apps/server/src/platform/normalize/phone.normalize';

export type VariantKind = 'typo' | 'fullwidth' | 'suffix' | 'phone';
export const VARIANT_KINDS: VariantKind[] = ['typo', 'fullwidth', 'suffix', 'phone'];

/** Records of unrelated customers (names, phones) come from far beyond the set. */
const UNRELATED_BASE = 50_000_000;
const TYPO_CHARS =
  '安邦宝博昌诚达德东方丰福富光广国海恒宏华辉佳嘉建金锦俊凯康朗利联林龙隆美明南鹏奇启瑞润森盛顺泰天通威文祥鑫信星兴旭亚阳逸益永宇元源远泽振正中众卓';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const CHINESE_SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '集团', ''];
const ENGLISH_SUFFIXES = [' Co., Ltd.', ' Inc.', ' Limited', ' Ltd.', ' LLC', ' Corp.', ''];
const chineseSuffix = /(集团有限公司|股份有限公司|有限责任公司|有限公司|集团|公司)$/u;
const englishSuffix =
  /(\s*(,|co\.?|ltd\.?|limited|inc\.?|llc|corp\.?|corporation|gmbh|pte\.?|plc|group))+\s*$/iu;

export interface LabelledSet {
  count: number;
  originals: number;
  variants: number;
  seed: number;
  /** Original index (0-based) of record `seq` (1-based, as loaded). */
  labelOf(seq: number): number;
  kindOf(seq: number): VariantKind | null;
  record(seq: number): GeneratedCustomer;
  records(): Iterable<GeneratedCustomer>;
  /** Phones that had to be left in their stored form (no reformatting normalises back). */
  phoneFallbacks(): number;
}

export class Stream {
  private state: number;
  constructor(seed: number, index: number) {
    this.state = recordState(seed, index) | 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(below: number) {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

const splitSuffix = (name: string): [string, string] => {
  const match = name.match(chineseSuffix) ?? name.match(englishSuffix);
  if (!match || match.index === undefined || match.index === 0) return [name, ''];
  return [name.slice(0, match.index), name.slice(match.index)];
};

export function typo(name: string, random: Stream): string {
  const [base, suffix] = splitSuffix(name);
  const chars = Array.from(base);
  const latin = /[a-z]/i.test(base);
  const letter = () => (latin ? random.pick(Array.from(LATIN)) : random.pick(Array.from(TYPO_CHARS)));
  // Positions of letters (never a space, bracket or digit: digits identify branches).
  const positions = chars.flatMap((char, index) => (/[\p{L}]/u.test(char) ? [index] : []));
  if (positions.length === 0) return `${name}${letter()}`;
  const at = random.pick(positions);
  const op = positions.length < 3 ? random.int(2) : random.int(4);
  if (op === 0) {
    let replacement = letter();
    while (replacement === chars[at]) replacement = letter();
    chars[at] = replacement;
  } else if (op === 1) chars.splice(at + random.int(2), 0, letter());
  else if (op === 2) chars.splice(at, 1);
  else {
    const other = at + 1 < chars.length ? at + 1 : at - 1;
    if (chars[other] === chars[at]) chars[at] = letter();
    else [chars[at], chars[other]] = [chars[other] as string, chars[at] as string];
  }
  return chars.join('') + suffix;
}

const FULLWIDTH_BRACKETS: Record<string, string> = { '(': '（', ')': '）', '（': '(', '）': ')' };
function fullWidth(name: string): string {
  return Array.from(name)
    .map((char) =>
      /[A-Za-z0-9]/.test(char)
        ? String.fromCodePoint((char.codePointAt(0) as number) + 0xfee0)
        : (FULLWIDTH_BRACKETS[char] ?? char),
    )
    .join('');
}

function suffixVariant(name: string, random: Stream): string {
  const [base, suffix] = splitSuffix(name);
  const latin = /^[\x20-\x7e]+$/.test(name);
  const choices = (latin ? ENGLISH_SUFFIXES : CHINESE_SUFFIXES).filter(
    (candidate) => candidate.trim() !== suffix.trim(),
  );
  // A name without a legal form (工作室, 厂): one is added.
  const next = suffix === '' ? (latin ? ' Limited' : '有限公司') : random.pick(choices);
  return `${base}${next}`;
}

/** Another way of writing the same number, which the normaliser reads as the same E.164. */
export function reformatPhone(phone: string, random: Stream): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  let candidates: string[];
  if (/^1[3-9]\d{9}$/.test(digits)) {
    candidates = [
      `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
      `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`,
      digits,
      `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`,
    ];
  } else if (/^0\d{9,11}$/.test(digits)) {
    const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
    const area = digits.slice(0, areaLength);
    const local = digits.slice(areaLength);
    const half = Math.ceil(local.length / 2);
    candidates = [
      `${area}-${local}`,
      `(${area}) ${local.slice(0, half)} ${local.slice(half)}`,
      `+86 ${area.slice(1)} ${local.slice(0, half)} ${local.slice(half)}`,
      digits,
    ];
  } else candidates = [phone];
  const target = normalizePhone(phone, 'CN');
  const differing = candidates.filter(
    (candidate) => candidate !== phone && normalizePhone(candidate, 'CN') === target,
  );
  return differing.length > 0 ? random.pick(differing) : phone;
}

export function labelledSet(seed: number, count: number): LabelledSet {
  const variants = Math.round(count * 0.1);
  const originals = count - variants;
  const originalOf = new Int32Array(variants);
  let fallbacks = 0;
  for (let v = 0; v < variants; v++) {
    let original = recordState(seed + 11, v) % originals;
    if (VARIANT_KINDS[v % 4] === 'fullwidth') {
      // The next original with ASCII letters or digits in its name (English names, 3C, 4S …).
      for (let step = 0; step < 2000; step++) {
        const candidate = (original + step) % originals;
        if (/[A-Za-z0-9]/.test(generateCustomer(seed, candidate).name)) {
          original = candidate;
          break;
        }
      }
    }
    if (VARIANT_KINDS[v % 4] === 'phone') {
      for (let step = 0; step < 100; step++) {
        const candidate = (original + step) % originals;
        if (generateCustomer(seed, candidate).phones.length > 0) {
          original = candidate;
          break;
        }
      }
    }
    originalOf[v] = original;
  }
  const variant = (v: number): GeneratedCustomer => {
    const kind = VARIANT_KINDS[v % 4] as VariantKind;
    const original = generateCustomer(seed, originalOf[v] as number);
    const unrelated = generateCustomer(seed, UNRELATED_BASE + v);
    const random = new Stream(seed + 12, v);
    if (kind === 'phone') {
      const phones = original.phones.map((phone) => reformatPhone(phone, random));
      fallbacks += phones.filter((phone, index) => phone === original.phones[index]).length;
      return {
        ...original,
        name: unrelated.name,
        email: unrelated.email,
        phones,
        contacts: unrelated.contacts,
      };
    }
    const name =
      kind === 'typo'
        ? typo(original.name, random)
        : kind === 'fullwidth'
          ? fullWidth(original.name)
          : suffixVariant(original.name, random);
    return {
      ...original,
      name,
      phones: unrelated.phones,
      email: unrelated.email,
      website: unrelated.website,
      contacts: unrelated.contacts,
    };
  };
  return {
    count,
    originals,
    variants,
    seed,
    labelOf: (seq) => (seq <= originals ? seq - 1 : (originalOf[seq - originals - 1] as number)),
    kindOf: (seq) => (seq <= originals ? null : (VARIANT_KINDS[(seq - originals - 1) % 4] as VariantKind)),
    record: (seq) => (seq <= originals ? generateCustomer(seed, seq - 1) : variant(seq - originals - 1)),
    *records() {
      for (let index = 0; index < originals; index++) yield generateCustomer(seed, index);
      for (let v = 0; v < variants; v++) yield variant(v);
    },
    phoneFallbacks: () => fallbacks,
  };
}
