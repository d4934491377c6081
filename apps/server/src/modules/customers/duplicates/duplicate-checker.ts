import type {
  DataQualitySettings,
  DuplicateAction,
  DuplicateCheckResult,
  DuplicateMatch,
  DuplicateMatchKind,
  EntryPoint,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../../db/dialect';
import type { Database } from '../../../db/schema';
import { AppError } from '../../../platform/errors/app-error';
import { companyNameKey } from '../../../platform/normalize/company-name.normalize';
import { keySimilarityOf } from '../../../platform/normalize/similarity';
import type { Actor } from '../../../platform/permissions/actor';
import { CustomerIdentitiesRepository, type Identities } from './customer-identities.repository';
import { NameCandidatesRepository } from './name-candidates.repository';

/** Already normalised (E.164 phones, lower-cased email, cleaned name). */
export interface DuplicateProbe {
  name?: string;
  phones?: string[];
  email?: string | null;
}

export interface DuplicateCheckDeps {
  /** Ids among `ids` that the actor may open. */
  visibleIds(executor: Kysely<Database>, actor: Actor, ids: string[]): Promise<Set<string>>;
  userNames(executor: Kysely<Database>, ids: Array<string | null>): Promise<Map<string, string>>;
  departmentNames(executor: Kysely<Database>, ids: Array<string | null>): Promise<Map<string, string>>;
  /** Name, owner, department and pool of each customer among `ids`. */
  summaries(
    executor: Kysely<Database>,
    ids: string[],
  ): Promise<
    Array<{
      id: string;
      name: string;
      owner_id: string | null;
      department_id: string | null;
      pool_name: string | null;
    }>
  >;
}

const maxMatches = 10;
const digitRuns = /[\d零〇一二三四五六七八九十百千万]+/gu;
/** Numbers in names identify (第1分店 / 第二分店, Store 12 / Store 13): names whose numbers differ are not alike. */
const numbersOf = (key: string) => (key.match(digitRuns) ?? []).join(' ');
const strength: Record<DuplicateAction, number> = { off: 0, warn: 1, block: 2 };

/**
 * The entry-time duplicate check: exact on normalised phones and emails (the customer's and its
 * contacts'), fuzzy on the company name's comparison key. The entry point's rule decides whether a
 * kind of match warns or blocks.
 */
export class DuplicateChecker {
  readonly identities = new CustomerIdentitiesRepository();
  private readonly names: NameCandidatesRepository;

  constructor(
    dialect: DialectName,
    private readonly deps: DuplicateCheckDeps,
  ) {
    this.names = new NameCandidatesRepository(dialect);
  }

  async check(
    executor: Kysely<Database>,
    actor: Actor,
    probe: DuplicateProbe,
    entryPoint: EntryPoint,
    settings: DataQualitySettings,
    excludeId?: string,
  ): Promise<DuplicateCheckResult> {
    const rule = settings.duplicateRules[entryPoint];
    const found = new Map<
      string,
      { kinds: Set<DuplicateMatchKind>; similarity: number | null; name?: string }
    >();
    const add = (id: string, kind: DuplicateMatchKind, similarity: number | null = null) => {
      const entry = found.get(id) ?? { kinds: new Set(), similarity: null };
      entry.kinds.add(kind);
      if (similarity !== null) entry.similarity = Math.max(entry.similarity ?? 0, similarity);
      found.set(id, entry);
    };

    const identities: Identities = {
      phones: rule.phone !== 'off' ? (probe.phones ?? []) : [],
      emails: rule.email !== 'off' && probe.email ? [probe.email] : [],
    };
    for (const hit of await this.identities.customersHolding(executor, identities, excludeId)) {
      add(hit.customer_id, hit.kind);
    }

    if (rule.name !== 'off' && probe.name) {
      const key = companyNameKey(probe.name);
      const numbers = numbersOf(key);
      for (const row of await this.names.find(executor, key, excludeId)) {
        const other = row.name_key ?? companyNameKey(row.name);
        if (numbersOf(other) !== numbers) continue;
        const similarity = other === key ? 1 : keySimilarityOf(key, other);
        if (similarity >= settings.nameSimilarityThreshold)
          add(row.id, 'name', Math.round(similarity * 100) / 100);
      }
    }
    if (found.size === 0) return { verdict: 'none', matches: [] };

    const actionOf = (kinds: Set<DuplicateMatchKind>): DuplicateAction =>
      [...kinds].map((kind) => rule[kind]).reduce((a, b) => (strength[b] > strength[a] ? b : a), 'off');
    const ranked = [...found.entries()]
      .map(([id, entry]) => ({ id, ...entry, action: actionOf(entry.kinds) }))
      .filter((entry) => entry.action !== 'off')
      .sort(
        (a, b) =>
          strength[b.action] - strength[a.action] ||
          b.kinds.size - a.kinds.size ||
          (b.similarity ?? 1) - (a.similarity ?? 1),
      )
      .slice(0, maxMatches);
    if (ranked.length === 0) return { verdict: 'none', matches: [] };

    const rows = await this.deps.summaries(
      executor,
      ranked.map((entry) => entry.id),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const [visible, users, departments] = await Promise.all([
      this.deps.visibleIds(
        executor,
        actor,
        ranked.map((entry) => entry.id),
      ),
      this.deps.userNames(
        executor,
        rows.map((row) => row.owner_id),
      ),
      this.deps.departmentNames(
        executor,
        rows.map((row) => row.department_id),
      ),
    ]);
    const matches: DuplicateMatch[] = ranked.flatMap((entry) => {
      const row = byId.get(entry.id);
      if (!row) return [];
      const canOpen = visible.has(entry.id);
      return [
        {
          customerId: canOpen ? entry.id : null,
          name: row.name,
          matchedOn: [...entry.kinds],
          similarity: entry.similarity,
          ownerName: row.owner_id ? (users.get(row.owner_id) ?? null) : null,
          departmentName: row.department_id ? (departments.get(row.department_id) ?? null) : null,
          poolName: row.pool_name,
          visible: canOpen,
          action: entry.action as 'warn' | 'block',
        },
      ];
    });
    const verdict = matches.some((match) => match.action === 'block')
      ? 'block'
      : matches.length > 0
        ? 'warn'
        : 'none';
    return { verdict, matches };
  }

  /** Refuses a blocked entry, and a warned one the user has not acknowledged (409 with the matches). */
  static enforce(result: DuplicateCheckResult, acknowledged: boolean): void {
    if (result.verdict === 'block') {
      throw new AppError('DUPLICATE_BLOCKED', 409, {}, undefined, { duplicates: result.matches });
    }
    if (result.verdict === 'warn' && !acknowledged) {
      throw new AppError('DUPLICATE_WARNING', 409, {}, undefined, { duplicates: result.matches });
    }
  }
}
