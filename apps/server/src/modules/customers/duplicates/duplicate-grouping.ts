import type { DuplicateMatchKind } from '@kehu/contracts';
import { keySimilarityOf } from '../../../platform/normalize/similarity';
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

/**
 * A phone or email held by more customers than this is a switchboard or a shared mailbox
 * (info@…), not evidence that they are one customer.
 */
const maxSharedIdentity = 10;
/** Customers with the same name key beyond this many are listed in several groups of this size. */
const maxGroupSize = 500;
/** Near names are looked for among keys of this many characters or more (not 王东 / 王冬). */
const minNearLength = 3;
/** A one-deletion neighbourhood shared by more keys than this is too common to compare them all. */
const maxNeighbourhood = 64;
/** How many neighbours each key is compared with, in each sort order. */
const sortWindow = 4;
/** Key indexes are packed below this in the hash entries (2^23 distinct keys: 8 million). */
const keyLimit = 2 ** 23;
const digitRuns = /[\d零〇一二三四五六七八九十百千万]+/gu;
const numbersOf = (key: string) => (key.match(digitRuns) ?? []).join(' ');

/**
 * Edit distance of two strings (by code point) counting a swap of neighbours as one edit (optimal
 * string alignment), when it is at most `limit`, else `limit + 1` — a cheap gate in front of the
 * similarity score (most candidates differ by far more).
 */
export function boundedEditDistance(a: string[], b: string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Groups of likely duplicates among all customers, by blocking so that it scales to millions. Every
 * member of a group is linked directly to the others (a near name to a holder of the group's name),
 * never through a chain of third records — "A has B's phone" and "B has C's email" must not
 * make A and C a pair. Groups may overlap; a merge resolves the groups it empties.
 * - Shared identities (`identityGroups`, from the database): the customers holding one normalised
 *   phone or email, unless more than `maxSharedIdentity` do.
 * - Equal name keys: the customers with one key (in groups of at most `maxGroupSize`).
 * - Near names: two keys within one edit (two for keys of 8+ characters) whose similarity reaches
 *   `threshold`, found through their one-deletion neighbourhoods; a customer of each key is linked
 *   when both are at the same address in the same city — or, when neither has an address, in the
 *   same city — and the linked customer of the rarer key joins the other key's group (or, where
 *   that group's places disagree with it, a group with the one customer it is linked to).
 * A pair the users dismissed (`dismissed(a, b)`) is never in one group.
 */
export function groupDuplicates(
  records: ScanRecord[],
  identityGroups: Array<{ kind: 'phone' | 'email'; ids: string[] }>,
  threshold: number,
  dismissed: (a: string, b: string) => boolean,
): FoundGroup[] {
  const steps = groupingSteps(records, identityGroups, threshold, dismissed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * groupDuplicates for the server: the same work, with `pause()` awaited every few thousand steps.
 * At a million customers the grouping computes for ~20 s; the server's thread must answer
 * requests meanwhile (a worker thread would hold a second copy of every record).
 */
export async function groupDuplicatesPaced(
  records: ScanRecord[],
  identityGroups: Array<{ kind: 'phone' | 'email'; ids: string[] }>,
  threshold: number,
  dismissed: (a: string, b: string) => boolean,
  pause: () => Promise<void>,
): Promise<FoundGroup[]> {
  const steps = groupingSteps(records, identityGroups, threshold, dismissed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** How many loop turns between two pause points (each turn is microseconds of work). */
const stepsPerPause = 4096;

function* groupingSteps(
  records: ScanRecord[],
  identityGroups: Array<{ kind: 'phone' | 'email'; ids: string[] }>,
  threshold: number,
  dismissed: (a: string, b: string) => boolean,
): Generator<void, FoundGroup[]> {
  const indexOf = new Map(records.map((record, index) => [record.id, index]));
  const found = new GroupCollector(records, dismissed);
  yield;

  let turns = 0;
  for (const group of identityGroups) {
    if (++turns % stepsPerPause === 0) yield;
    if (group.ids.length > maxSharedIdentity) continue;
    const members = group.ids
      .map((id) => indexOf.get(id))
      .filter((index): index is number => index !== undefined);
    found.add(members, group.kind, null);
  }

  // Name groups: the customers of one key (in slices of maxGroupSize), and the customers of near
  // keys that one of them is linked to — a typo of a name is as near to every holder of that name.
  // Of two linked keys, the one with more customers hosts; the other key's linked customer joins
  // alone, so two crowded keys are never chained into one group.
  const keys = new KeyClusters(records);
  yield;
  const slices: Array<{ members: number[]; similarity: number | null }> = [];
  const sliceOf = new Int32Array(records.length).fill(-1);
  for (const members of keys.clusters) {
    for (let start = 0; start < members.length; start += maxGroupSize) {
      const slice = members.slice(start, start + maxGroupSize);
      for (const index of slice) sliceOf[index] = slices.length;
      slices.push({ members: slice, similarity: slice.length > 1 ? 1 : null });
    }
  }
  const direct = new Map<number, { members: number[]; similarity: number | null }>();
  for (const link of yield* nearNameLinks(records, keys, threshold)) {
    if (++turns % stepsPerPause === 0) yield;
    const sizeA = keys.sizeOf(link.a);
    const sizeB = keys.sizeOf(link.b);
    const [host, guest] =
      sizeA > sizeB || (sizeA === sizeB && keys.keyOf(link.a) < keys.keyOf(link.b))
        ? [link.a, link.b]
        : [link.b, link.a];
    const slice = slices[sliceOf[host] as number] as (typeof slices)[number];
    if (slice.members.includes(guest)) continue;
    // The guest joins every holder of the name only where nothing says they are elsewhere (two
    // 宏化工 in 深圳 and 南京 are two companies); otherwise it is grouped with the one it is linked to.
    const joinsAll =
      slice.members.length < maxGroupSize &&
      slice.members.every((member) =>
        placesAgree(records[member] as ScanRecord, records[guest] as ScanRecord),
      );
    let target = joinsAll ? slice : direct.get(host);
    if (!target) {
      target = { members: [host], similarity: 0 };
      direct.set(host, target);
    }
    if (target.members.includes(guest) || target.members.length >= maxGroupSize) continue;
    target.members.push(guest);
    target.similarity = Math.max(target.similarity ?? 0, link.similarity);
  }
  for (const group of [...slices, ...direct.values()]) {
    if (++turns % stepsPerPause === 0) yield;
    found.add(group.members, 'name', group.similarity);
  }
  return found.groups();
}

/** The distinct name keys and the customers (indexes, in order) of each. */
class KeyClusters {
  readonly keys: string[] = [];
  readonly clusters: number[][] = [];
  private readonly keyOfRecord: Int32Array;
  constructor(records: ScanRecord[]) {
    this.keyOfRecord = new Int32Array(records.length).fill(-1);
    const byKey = new Map<string, number>();
    for (const [index, record] of records.entries()) {
      if (!record.key) continue;
      let key = byKey.get(record.key);
      if (key !== undefined) (this.clusters[key] as number[]).push(index);
      else {
        key = this.keys.length;
        byKey.set(record.key, key);
        this.keys.push(record.key);
        this.clusters.push([index]);
      }
      this.keyOfRecord[index] = key;
    }
  }
  /** The key (its index) of a customer. */
  keyOf(record: number): number {
    return this.keyOfRecord[record] as number;
  }
  /** How many customers have this customer's key. */
  sizeOf(record: number): number {
    return (this.clusters[this.keyOf(record)] as number[]).length;
  }
}

interface NearLink {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Pairs of customers with near (not equal) name keys at the same place. Candidate keys come from
 * their one-deletion neighbourhoods (each key and the key without one character, hashed and sorted):
 * two keys one substitution, insertion, deletion or swap apart always share one. Long keys (8+
 * characters, where two edits count as near) are also compared with their neighbours in sort order,
 * forwards and backwards.
 */
function* nearNameLinks(
  records: ScanRecord[],
  keys: KeyClusters,
  threshold: number,
): Generator<void, NearLink[]> {
  let turns = 0;
  // Keys are read as code points into one reused buffer: a million keys must not become ten
  // million one-character strings.
  const numbers = keys.keys.map(numbersOf);
  const lengths = new Int32Array(keys.keys.length);
  let total = 0;
  for (const [key, text] of keys.keys.entries()) {
    lengths[key] = codePointsOf(text, buffer);
    if ((lengths[key] as number) >= minNearLength) total += (lengths[key] as number) + 1;
  }
  const links: NearLink[] = [];
  // Only the linked pairs are remembered (a pair can be a candidate twice): there are few of them.
  const linked = new Set<number>();
  const compare = (key: number, other: number) => {
    if (key === other || numbers[key] !== numbers[other]) return;
    // The place first: it is the cheapest test, and most near names are elsewhere.
    const together: Array<[number, number]> = [];
    for (const a of keys.clusters[key] as number[]) {
      for (const b of keys.clusters[other] as number[]) {
        if (samePlace(records[a] as ScanRecord, records[b] as ScanRecord)) together.push([a, b]);
      }
    }
    if (together.length === 0) return;
    const limit = Math.max(lengths[key] as number, lengths[other] as number) >= 8 ? 2 : 1;
    if (Math.abs((lengths[key] as number) - (lengths[other] as number)) > limit) return;
    const own = Array.from(keys.keys[key] as string);
    const theirs = Array.from(keys.keys[other] as string);
    if (boundedEditDistance(own, theirs, limit) > limit) return;
    const pair = key < other ? key * keyLimit + other : other * keyLimit + key;
    if (linked.has(pair)) return;
    const similarity = keySimilarityOf(keys.keys[key] as string, keys.keys[other] as string);
    if (similarity < threshold) return;
    linked.add(pair);
    for (const [a, b] of together) links.push({ a, b, similarity: Math.round(similarity * 100) / 100 });
  };

  // hash · keyLimit + key, in one sortable array: equal hashes end up side by side.
  const entries = new Float64Array(total);
  let filled = 0;
  for (const [key, text] of keys.keys.entries()) {
    const length = codePointsOf(text, buffer);
    if (length < minNearLength) continue;
    entries[filled++] = hashOf(buffer, length, -1) * keyLimit + key;
    for (let skip = 0; skip < length; skip++) {
      if (skip > 0 && buffer[skip] === buffer[skip - 1]) continue; // the same deletion again
      entries[filled++] = hashOf(buffer, length, skip) * keyLimit + key;
    }
  }
  yield;
  const sorted = entries.subarray(0, filled).sort();
  yield;
  for (let start = 0; start < sorted.length; ) {
    if (++turns % stepsPerPause === 0) yield;
    const hash = Math.floor((sorted[start] as number) / keyLimit);
    let end = start + 1;
    while (end < sorted.length && Math.floor((sorted[end] as number) / keyLimit) === hash) end++;
    // A neighbourhood shared by very many keys (short, common names) is no evidence.
    if (end - start <= maxNeighbourhood) {
      for (let i = start; i < end; i++) {
        for (let j = i + 1; j < end; j++)
          compare((sorted[i] as number) % keyLimit, (sorted[j] as number) % keyLimit);
      }
    }
    start = end;
  }

  // Two edits are allowed in long keys only; their neighbours in sort order are the candidates.
  const long: number[] = [];
  for (const [key, length] of lengths.entries()) if (length >= 8) long.push(key);
  const byOrder = (textOf: (key: number) => string) =>
    long
      .map((key) => ({ key, text: textOf(key) }))
      .sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : 0))
      .map((entry) => entry.key);
  for (const order of [
    byOrder((key) => keys.keys[key] as string),
    byOrder((key) =>
      Array.from(keys.keys[key] as string)
        .reverse()
        .join(''),
    ),
  ]) {
    yield;
    for (let position = 0; position < order.length; position++) {
      if (++turns % stepsPerPause === 0) yield;
      for (let step = 1; step <= sortWindow && position + step < order.length; step++)
        compare(order[position] as number, order[position + step] as number);
    }
  }
  return links;
}

/** A 30-bit FNV-1a hash of the code points, leaving out the one at `skip` (-1: none). */
function hashOf(points: Int32Array, length: number, skip: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < length; index++) {
    if (index === skip) continue;
    hash ^= points[index] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 2) & 0x3fffffff;
}

/** Keys longer than this are cut for hashing (a name is never this long; the buffer is fixed). */
const maxKeyPoints = 256;
const buffer = new Int32Array(maxKeyPoints);

/** The code points of `text` into `into` (at most its length); returns how many. */
function codePointsOf(text: string, into: Int32Array): number {
  let count = 0;
  for (let unit = 0; unit < text.length && count < into.length; unit++) {
    const code = text.codePointAt(unit) as number;
    if (code > 0xffff) unit++; // a surrogate pair is one character
    into[count++] = code;
  }
  return count;
}

/**
 * A near name alone is weak (东莞宇嘉商贸 / 东莞宇东商贸 are two companies): it needs the same
 * address in the same city (长江路 964 号 is in many cities; a missing city does not differ), or —
 * when neither has an address — the same city.
 */
/** Whether nothing known says the two are in different places (a missing address or city agrees). */
const placesAgree = (left: ScanRecord, right: ScanRecord) =>
  (!left.address || !right.address || left.address === right.address) &&
  (!left.city || !right.city || left.city === right.city);

const samePlace = (left: ScanRecord, right: ScanRecord) =>
  left.address
    ? left.address === right.address && (left.city === right.city || !left.city || !right.city)
    : !right.address && left.city !== '' && left.city === right.city;

/**
 * Collects the groups: members in a pair the users dismissed are left out (the earlier member
 * stays), and groups with the same members become one that says every kind of evidence.
 */
class GroupCollector {
  private readonly found = new Map<string, FoundGroup>();
  constructor(
    private readonly records: ScanRecord[],
    private readonly dismissed: (a: string, b: string) => boolean,
  ) {}

  add(indexes: number[], kind: DuplicateMatchKind, similarity: number | null) {
    const kept: number[] = [];
    const idOf = (index: number) => (this.records[index] as ScanRecord).id;
    for (const index of indexes) {
      if (kept.includes(index) || kept.some((other) => this.dismissed(idOf(other), idOf(index)))) continue;
      kept.push(index);
    }
    if (kept.length < 2) return;
    const ids = kept.sort((x, y) => x - y).map(idOf);
    const key = ids.join(',');
    const known = this.found.get(key);
    if (!known) this.found.set(key, { ids, matchedOn: [kind], similarity });
    else {
      if (!known.matchedOn.includes(kind)) known.matchedOn.push(kind);
      if (similarity !== null) known.similarity = Math.max(known.similarity ?? 0, similarity);
    }
  }

  groups(): FoundGroup[] {
    return [...this.found.values()];
  }
}

/** An address compared without case, spaces and punctuation (full-width folded). */
export const addressKey = (address: string | null): string =>
  address
    ? foldFullWidth(address)
        .toLowerCase()
        .replace(/[\s\p{P}]/gu, '')
    : '';
