/**
 * Deterministic, realistic customers for the demo seed and the 1M-row benchmark (bench/).
 *
 * Record `i` depends only on `(seed, i)`: each record gets its own mulberry32 stream seeded from a
 * hash of both, so `startIndex` resumes a sequence exactly and a load can be split into chunks.
 * Pure and synchronous (no I/O, no clock): the time window ends at `until`, a fixed date by default.
 */

import { normalizePhone } from '../platform/normalize/phone.normalize';
import {
  BRAND_CHARS,
  BUILDINGS,
  CHINESE_TITLES,
  CITIES,
  COMPANY_MAILBOXES,
  CONTACT_COUNTS,
  ENGLISH_BRANDS,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  ENGLISH_SUFFIXES,
  ENGLISH_TITLES,
  GIVEN_CHARS,
  LEGAL_SUFFIXES,
  LEVELS,
  MAIL_PROVIDERS,
  MOBILE_PREFIXES,
  PRODUCTS,
  ROADS,
  SOURCES,
  SURNAMES,
  TAG_COUNTS,
  TAGS,
  TOP_LEVEL_DOMAINS,
  TRADES,
  TYPES,
} from './customer-generator.pools';

export type GeneratedCustomerKind = 'company' | 'individual';
export type GeneratedCustomerType = 'intent' | 'potential' | 'deal' | 'inactive';

export interface GeneratedContact {
  name: string;
  title: string;
  mobile: string;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  /** YYYY-MM-DD */
  birthday: string | null;
  isPrimary: boolean;
}

export interface GeneratedCustomer {
  kind: GeneratedCustomerKind;
  name: string;
  type: GeneratedCustomerType;
  level: 'A' | 'B' | 'C' | null;
  industry: string;
  source: string;
  province: string;
  city: string;
  district: string;
  address: string;
  phones: string[];
  email: string | null;
  website: string | null;
  tags: string[];
  notes: string | null;
  /** ISO 8601 (UTC), within the three years before `until`. */
  createdAt: string;
  /** 1–3, exactly one primary. */
  contacts: GeneratedContact[];
}

export interface GenerateOptions {
  seed: number;
  count: number;
  startIndex?: number;
  /** End of the creation-time window (default 2026-11-01T00:00:00Z, fixed for reproducibility). */
  until?: Date | string;
}

export const DEFAULT_UNTIL = '2026-11-01T00:00:00.000Z';
const THREE_YEARS_MS = 3 * 365.25 * 86_400_000;

// ---------------------------------------------------------------------------------------------
// Random numbers: one mulberry32 stream per record, seeded by a murmur3-finalised (seed, index).

const fmix32 = (value: number): number => {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** The 32-bit stream state of record `index` (an integer below 2^53). */
export function recordState(seed: number, index: number): number {
  const low = index >>> 0;
  const high = Math.floor(index / 4_294_967_296) >>> 0;
  const h = fmix32(fmix32(seed ^ 0x9e3779b9) ^ low);
  return fmix32(h ^ Math.imul(high + 1, 0x27d4eb2f));
}

class Random {
  private state = 0;

  reset(state: number) {
    this.state = state | 0;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** `length` decimal digits, leading zeros allowed. */
  digits(length: number): string {
    let text = '';
    while (text.length < length) text += String(this.int(10));
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Pieces.

interface Person {
  name: string;
  /** Lower-case ASCII for emails and WeChat ids: zhangwei, john.smith. */
  handle: string;
  english: boolean;
}

function chinesePerson(random: Random): Person {
  const [surname, surnamePinyin] = random.pick(SURNAMES);
  const [first, firstPinyin] = random.pick(GIVEN_CHARS);
  if (random.chance(0.3))
    return { name: surname + first, handle: surnamePinyin + firstPinyin, english: false };
  const [second, secondPinyin] = random.pick(GIVEN_CHARS);
  return {
    name: surname + first + second,
    handle: surnamePinyin + firstPinyin + secondPinyin,
    english: false,
  };
}

function englishPerson(random: Random): Person {
  const first = random.pick(ENGLISH_FIRST_NAMES);
  const last = random.pick(ENGLISH_LAST_NAMES);
  return { name: `${first} ${last}`, handle: `${first}.${last}`.toLowerCase(), english: true };
}

/** 13812345678, sometimes typed as 138 1234 5678, 138-1234-5678 or +86 138 1234 5678. */
function mobile(random: Random): string {
  const prefix = random.pick(MOBILE_PREFIXES);
  const middle = random.digits(4);
  const last = random.digits(4);
  const style = random.next();
  if (style < 0.8) return prefix + middle + last;
  if (style < 0.9) return `${prefix} ${middle} ${last}`;
  if (style < 0.95) return `${prefix}-${middle}-${last}`;
  return `+86 ${prefix} ${middle} ${last}`;
}

/** 010-62345678, (0755)86543210, 0571 8765 4321, sometimes with an extension. */
function landline(random: Random, areaCode: string): string {
  // Some four-digit area codes (0592 …) have seven-digit numbers: only valid numbers are generated.
  const eight = String(2 + random.int(7)) + random.digits(7);
  const local = normalizePhone(areaCode + eight) ? eight : eight.slice(0, 7);
  const style = random.next();
  let number: string;
  if (style < 0.7) number = `${areaCode}-${local}`;
  else if (style < 0.8) number = areaCode + local;
  else if (style < 0.9) number = `(${areaCode})${local}`;
  else number = `${areaCode} ${local.slice(0, 4)} ${local.slice(4)}`;
  return random.chance(0.05) ? `${number}-${800 + random.int(200)}` : number;
}

function birthday(random: Random): string {
  const year = 1960 + random.int(43);
  const month = 1 + random.int(12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = 1 + random.int(days);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function personalEmail(random: Random, person: Person): string {
  const provider = random.pick(MAIL_PROVIDERS);
  if (provider === 'qq.com' && random.chance(0.5)) return `${100_000_000 + random.int(2_900_000_000)}@qq.com`;
  const handle = person.english
    ? person.handle
    : person.handle + (random.chance(0.6) ? random.int(2000) : '');
  return `${handle}@${provider}`;
}

function companyEmail(random: Random, person: Person, domain: string): string {
  const style = random.next();
  if (person.english || style < 0.5) return `${person.handle}@${domain}`;
  if (style < 0.8) return `${person.handle}${random.int(100)}@${domain}`;
  return `${person.handle.slice(0, 12)}.${random.digits(3)}@${domain}`;
}

function contactOf(
  random: Random,
  person: Person,
  domain: string | null,
  areaCode: string,
): GeneratedContact {
  const contactMobile = mobile(random);
  return {
    name: person.name,
    title: random.pick(person.english ? ENGLISH_TITLES : CHINESE_TITLES),
    mobile: contactMobile,
    phone: random.chance(0.35) ? landline(random, areaCode) : null,
    email: random.chance(0.6)
      ? domain && random.chance(0.8)
        ? companyEmail(random, person, domain)
        : personalEmail(random, person)
      : null,
    wechat: random.chance(0.45)
      ? random.chance(0.4)
        ? contactMobile.replace(/\D/g, '').slice(-11)
        : random.chance(0.5)
          ? `wxid_${random.digits(10)}`
          : `${person.handle.replace(/\./g, '_')}${random.int(1000)}`
      : null,
    birthday: random.chance(0.35) ? birthday(random) : null,
    isPrimary: false,
  };
}

function notesFor(random: Random, source: string, english: boolean): string | null {
  if (!random.chance(0.25)) return null;
  const amount = 5 + random.int(196);
  const product = random.pick(PRODUCTS);
  switch (random.int(english ? 7 : 6)) {
    case 0:
      return `年底有采购计划，预算约${amount}万元。`;
    case 1:
      return `通过${source}了解到我们，关注${product}。`;
    case 2:
      return `已发送报价单，等待对方内部审批（${product}）。`;
    case 3:
      return `决策人出差中，下周${'一二三四五'[random.int(5)]}再联系。`;
    case 4:
      return `老客户介绍，对价格比较敏感，要求提供${product}试用。`;
    case 5:
      return `每年${1 + random.int(12)}月续约，合同金额约${amount}万元。`;
    default:
      return `Interested in ${product}; follow up after Q${1 + random.int(4)}.`;
  }
}

// ---------------------------------------------------------------------------------------------

const random = new Random();

/** Record `index` of the sequence `seed`: the same pair always gives the same record. */
export function generateCustomer(
  seed: number,
  index: number,
  until: Date | string = DEFAULT_UNTIL,
): GeneratedCustomer {
  random.reset(recordState(seed, index));
  const untilMs = typeof until === 'string' ? Date.parse(until) : until.getTime();
  const place = random.pick(CITIES);
  const district = random.pick(place.districts);
  const kindRoll = random.next();

  let kind: GeneratedCustomerKind = 'company';
  let name: string;
  let industry: string;
  let domain: string | null = null;
  let english = false;
  let owner: Person | null = null;
  if (kindRoll < 0.75) {
    const work = random.pick(TRADES);
    const [first, firstPinyin] = random.pick(BRAND_CHARS);
    const [second, secondPinyin] = random.pick(BRAND_CHARS);
    const brand = first + second;
    const suffix = random.pick(LEGAL_SUFFIXES);
    const form = random.next();
    if (form < 0.65) name = place.short + brand + work.word + suffix;
    else if (form < 0.85 && suffix.endsWith('公司')) name = `${brand}（${place.short}）${work.word}${suffix}`;
    else name = brand + work.word + suffix;
    if (suffix.endsWith('公司') && random.chance(0.05)) name += `${place.short}分公司`;
    industry = work.industry;
    const tld = random.pick(TOP_LEVEL_DOMAINS);
    domain = random.chance(0.5)
      ? `${firstPinyin}${secondPinyin}.${tld}`
      : `${firstPinyin}${secondPinyin}-${work.slug}.${tld}`;
  } else if (kindRoll < 0.9) {
    const work = random.pick(TRADES);
    const brand = random.pick(ENGLISH_BRANDS);
    name = `${brand} ${work.english} ${random.pick(ENGLISH_SUFFIXES)}`;
    industry = work.industry;
    english = true;
    const slug = brand.toLowerCase().replace(/ /g, '');
    domain = random.chance(0.5) ? `${slug}.com` : `${slug}${work.slug}.com`;
  } else {
    kind = 'individual';
    english = random.chance(0.25);
    owner = english ? englishPerson(random) : chinesePerson(random);
    name = owner.name;
    industry = random.pick(TRADES).industry;
  }

  const source = random.pick(SOURCES);
  const phones: string[] = [];
  if (kind === 'company') {
    if (random.chance(0.85)) phones.push(landline(random, place.areaCode));
    if (phones.length === 0 || random.chance(0.4)) phones.push(mobile(random));
  } else {
    phones.push(mobile(random));
    if (random.chance(0.15)) phones.push(landline(random, place.areaCode));
  }

  let email: string | null = null;
  if (owner) email = random.chance(0.6) ? personalEmail(random, owner) : null;
  else if (domain && random.chance(0.65)) email = `${random.pick(COMPANY_MAILBOXES)}@${domain}`;
  const website = domain && random.chance(0.55) ? `https://www.${domain}` : null;

  const tags: string[] = [];
  const tagCount = random.pick(TAG_COUNTS);
  while (tags.length < tagCount) {
    const tag = random.pick(TAGS);
    if (!tags.includes(tag)) tags.push(tag);
  }

  const building = random.chance(0.6)
    ? `${random.pick(BUILDINGS)}${2 + random.int(30)}${String(1 + random.int(20)).padStart(2, '0')}室`
    : '';
  const address = `${random.pick(ROADS)}${1 + random.int(999)}号${building}`;

  // More customers were created recently than three years ago (a growing business).
  const age = (1 - Math.sqrt(random.next())) * THREE_YEARS_MS;
  const createdAt = new Date(Math.floor(untilMs - 1 - age)).toISOString();

  const contacts: GeneratedContact[] = [];
  const contactCount = owner ? 1 : random.pick(CONTACT_COUNTS);
  for (let index = 0; index < contactCount; index++) {
    const person = owner ?? (english && random.chance(0.5) ? englishPerson(random) : chinesePerson(random));
    const contact = contactOf(random, person, domain, place.areaCode);
    if (owner) {
      contact.mobile = phones[0] as string;
      contact.title = english ? 'Owner' : '本人';
      if (email) contact.email = email;
    }
    contacts.push(contact);
  }
  (contacts[random.int(contacts.length)] as GeneratedContact).isPrimary = true;

  return {
    kind,
    name,
    type: random.pick(TYPES),
    level: random.pick(LEVELS),
    industry,
    source,
    province: place.province,
    city: place.city,
    district,
    address,
    phones,
    email,
    website,
    tags,
    notes: notesFor(random, source, english),
    createdAt,
    contacts,
  };
}

/** Records `startIndex … startIndex + count - 1` of the sequence `seed`, one at a time. */
export function* generateCustomers(options: GenerateOptions): Generator<GeneratedCustomer> {
  const start = options.startIndex ?? 0;
  const until = options.until ?? DEFAULT_UNTIL;
  for (let index = start; index < start + options.count; index++) {
    yield generateCustomer(options.seed, index, until);
  }
}
