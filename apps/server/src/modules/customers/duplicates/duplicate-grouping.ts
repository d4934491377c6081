import type { DuplicateMatchKind } from '@kehu/contracts';
import { nameSimilarity } from '../../../platform/normalize/similarity';
import { foldFullWidth } from '../../../platform/normalize/text.normalize';

export interface ScanRecord {
  id: string;
  key: string;
  /** The address compared without spaces and punctuation ('' when there is none). */
  address: string;
  city: string;
}

export interface FoundGroup {
  ids: string[];
  matchedOn: DuplicateMatchKind[];
  /** Best name similarity inside the group, when names tied it. */
  similarity: number | null;
}

/** How many neighbours each name is compared with, in each sort order. */
const window = 4;
/**
 * A phone or email held by more customers than this is a switchboard or a shared mailbox
 * (info@…), not evidence that they are one customer.
 */
const maxSharedIdentity = 10;
/** Groups stop growing here: chains of "A is like B is like C" must not swallow a whole city. */
const maxGroupSize = 50;
const digitRuns = /[\d零〇一二三四五六七八九十百千万]+/gu;
const numbersOf = (key: string) => (key.match(digitRuns) ?? []).join(' ');

/**
 * Edit distance of two strings (by code point) when it is at most `limit`, else `limit + 1` —
 * a cheap gate in front of the similarity score (most neighbours differ by far more).
 */
export function boundedEditDistance(a: string[], b: string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(count: number) {
    this.parent = new Int32Array(count).map((_, index) => index);
    this.size = new Int32Array(count).fill(1);
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    let node = index;
    while (this.parent[node] !== root) {
      const next = this.parent[node] as number;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  /** Joins the two sets unless the result would exceed `limit` members; says whether they are one set now. */
  union(a: number, b: number, limit: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const total = (this.size[ra] as number) + (this.size[rb] as number);
    if (total > limit) return false;
    this.parent[rb] = ra;
    this.size[ra] = total;
    return true;
  }
}

/** One kind of evidence's groups: its own union-find, so that evidence never chains across kinds. */
class Grouping {
  private readonly sets: UnionFind;
  private readonly kinds = new Map<number, Set<DuplicateMatchKind>>();
  private readonly best = new Map<number, number>();

  constructor(
    private readonly records: ScanRecord[],
    private readonly dismissed: (a: string, b: string) => boolean,
  ) {
    this.sets = new UnionFind(records.length);
  }

  edge(a: number, b: number, kind: DuplicateMatchKind, similarity?: number) {
    if (this.dismissed((this.records[a] as ScanRecord).id, (this.records[b] as ScanRecord).id)) return;
    if (!this.sets.union(a, b, maxGroupSize)) return;
    for (const index of [a, b]) {
      this.kinds.set(index, (this.kinds.get(index) ?? new Set()).add(kind));
      if (similarity !== undefined) this.best.set(index, Math.max(this.best.get(index) ?? 0, similarity));
    }
  }

  groups(): FoundGroup[] {
    const byRoot = new Map<number, number[]>();
    for (const index of this.kinds.keys()) {
      const root = this.sets.find(index);
      const members = byRoot.get(root);
      if (members) members.push(index);
      else byRoot.set(root, [index]);
    }
    return [...byRoot.values()]
      .filter((members) => members.length > 1)
      .map((members) => {
        const matched = new Set<DuplicateMatchKind>();
        let similarity: number | null = null;
        for (const index of members) {
          for (const kind of this.kinds.get(index) ?? []) matched.add(kind);
          const score = this.best.get(index);
          if (score !== undefined) similarity = Math.max(similarity ?? 0, score);
        }
        const ids = members.sort((x, y) => x - y).map((index) => (this.records[index] as ScanRecord).id);
        return { ids, matchedOn: [...matched], similarity };
      });
  }
}

/**
 * Groups of likely duplicates among all customers, by blocking so that it scales to millions:
 * customers sharing a normalised phone or email (`identityGroups`, from the database), and —
 * grouped separately — customers with the same name key or a name within a small edit distance of
 * their neighbours when sorted forwards and backwards (a typo at either end still leaves the rest in
 * order). The two kinds of evidence form their own groups: "A shares B's phone" and "B has C's name"
 * must not make A and C a pair. A pair the users dismissed (`dismissed(a, b)`) is never linked.
 */
export function groupDuplicates(
  records: ScanRecord[],
  identityGroups: Array<{ kind: 'phone' | 'email'; ids: string[] }>,
  threshold: number,
  dismissed: (a: string, b: string) => boolean,
): FoundGroup[] {
  const indexOf = new Map(records.map((record, index) => [record.id, index]));
  const byContact = new Grouping(records, dismissed);
  const byName = new Grouping(records, dismissed);

  for (const group of identityGroups) {
    if (group.ids.length > maxSharedIdentity) continue;
    const members = group.ids
      .map((id) => indexOf.get(id))
      .filter((index): index is number => index !== undefined);
    for (let i = 1; i < members.length; i++)
      byContact.edge(members[0] as number, members[i] as number, group.kind);
  }

  const byKey = new Map<string, number[]>();
  for (const [index, record] of records.entries()) {
    const members = byKey.get(record.key);
    if (members) members.push(index);
    else byKey.set(record.key, [index]);
  }
  for (const members of byKey.values()) {
    for (let i = 1; i < members.length; i++)
      byName.edge(members[0] as number, members[i] as number, 'name', 1);
  }

  const chars = records.map((record) => Array.from(record.key));
  const numbers = records.map((record) => numbersOf(record.key));
  const compareNeighbours = (order: number[]) => {
    for (let position = 0; position < order.length; position++) {
      const a = order[position] as number;
      for (let step = 1; step <= window && position + step < order.length; step++) {
        const b = order[position + step] as number;
        const left = records[a] as ScanRecord;
        const right = records[b] as ScanRecord;
        if (left.key === right.key || numbers[a] !== numbers[b]) continue;
        const longest = Math.max((chars[a] as string[]).length, (chars[b] as string[]).length);
        const limit = longest >= 8 ? 2 : 1;
        if (boundedEditDistance(chars[a] as string[], chars[b] as string[], limit) > limit) continue;
        // A near name alone is weak (东莞宇嘉商贸 / 东莞宇东商贸 are two companies): it needs the same
        // address, or — when neither has one — the same city.
        const samePlace = left.address
          ? left.address === right.address
          : !right.address && left.city !== '' && left.city === right.city;
        if (!samePlace) continue;
        const similarity = nameSimilarity(left.key, right.key);
        if (similarity >= threshold) byName.edge(a, b, 'name', Math.round(similarity * 100) / 100);
      }
    }
  };
  const forward = records
    .map((_, index) => index)
    .sort((a, b) => compare((records[a] as ScanRecord).key, (records[b] as ScanRecord).key));
  compareNeighbours(forward);
  const reversedKeys = chars.map((list) => [...list].reverse().join(''));
  const backward = records
    .map((_, index) => index)
    .sort((a, b) => compare(reversedKeys[a] as string, reversedKeys[b] as string));
  compareNeighbours(backward);

  // The same members found both ways make one group that says both.
  const found = new Map<string, FoundGroup>();
  for (const group of [...byContact.groups(), ...byName.groups()]) {
    const key = group.ids.join(',');
    const known = found.get(key);
    if (!known) found.set(key, group);
    else {
      known.matchedOn = [...new Set([...known.matchedOn, ...group.matchedOn])];
      known.similarity = group.similarity ?? known.similarity;
    }
  }
  return [...found.values()];
}

/** An address compared without case, spaces and punctuation (full-width folded). */
export const addressKey = (address: string | null): string =>
  address
    ? foldFullWidth(address)
        .toLowerCase()
        .replace(/[\s\p{P}]/gu, '')
    : '';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
