import {
  type CreateCustomer,
  type CustomField,
  createContactSchema,
  createCustomerSchema,
  type Locale,
} from '@kehu/contracts';
import { AppError } from '../../platform/errors/app-error';
import { fieldsFromIssues } from '../../platform/errors/validation-messages';
import { unguardedCell } from '../../platform/files/safe-cell';
import { translate } from '../../platform/i18n/messages';
import type { CountryCode } from '../../platform/normalize/phone.normalize';
import { mergeCustomValues } from '../custom-fields/custom-values';
import { normalizeCustomerFields } from '../customers/customer-input.normalize';
import type { ImportTarget } from './import-fields';

/** A file row made ready to write: checked and normalised as every other entry path does. */
export interface ImportRecord {
  customer: CreateCustomer & {
    name: string;
    phones: string[];
    email: string | null;
    custom: Record<string, unknown>;
  };
  contact: {
    name: string;
    title: string | null;
    mobile: string | null;
    email: string | null;
    wechat: string | null;
  } | null;
}

export type RowResult = { ok: true; record: ImportRecord } | { ok: false; reason: string };

const typeWords: Record<string, CreateCustomer['type']> = {
  意向: 'intent',
  意向客户: 'intent',
  intent: 'intent',
  lead: 'intent',
  线索: 'intent',
  潜在: 'potential',
  潜在客户: 'potential',
  potential: 'potential',
  prospect: 'potential',
  成交: 'deal',
  成交客户: 'deal',
  deal: 'deal',
  customer: 'deal',
  已成交: 'deal',
  won: 'deal',
  停用: 'inactive',
  停用客户: 'inactive',
  inactive: 'inactive',
  流失: 'inactive',
  lost: 'inactive',
};
const kindWords: Record<string, CreateCustomer['kind']> = {
  公司: 'company',
  企业: 'company',
  单位: 'company',
  company: 'company',
  business: 'company',
  个人: 'individual',
  individual: 'individual',
  person: 'individual',
  personal: 'individual',
};
const tagSeparators = /[,;，；、|]/;
/** Between phone numbers in one cell: slashes, semicolons, 、 (not spaces or dashes, which are inside numbers). */
const phoneSeparators = /[/;；、]/;

const word = (value: string) => value.trim().toLowerCase();

/**
 * One row → a customer (and its first contact), or the reason it cannot be imported, in the
 * importer's language and naming the column. Uses the same schemas, normalisers and custom-field
 * checks as the form, so an imported customer is as clean as a typed one.
 */
export function convertRow(
  cells: string[],
  mapping: Array<ImportTarget | null>,
  headers: string[],
  customFields: CustomField[],
  phoneRegion: CountryCode,
  locale: Locale,
): RowResult {
  const columnOf = new Map<string, string>();
  const value = (target: ImportTarget) => {
    const index = mapping.indexOf(target);
    if (index < 0) return undefined;
    columnOf.set(target, headers[index] ?? target);
    const cell = unguardedCell((cells[index] ?? '').trim());
    return cell === '' ? undefined : cell;
  };
  const problems: Record<string, string> = {};
  const say = (field: string, message: string) => {
    problems[field] ??= message;
  };

  const type = value('type');
  const kind = value('kind');
  const level = value('level');
  const contactName = value('contactName');
  const contactMobile = value('contactMobile');
  const contactEmail = value('contactEmail');
  // A mobile or email without a contact name is the customer's own (many sheets have one 手机 column).
  // A cell may hold several numbers (Kehu's own export joins them with " / ").
  const phones = [value('phone'), value('phone2'), contactName ? undefined : contactMobile]
    .flatMap((cell) => (cell === undefined ? [] : cell.split(phoneSeparators)))
    .map((phone) => phone.trim())
    .filter((phone) => phone !== '');
  const ownEmail = value('email') ?? (contactName ? undefined : contactEmail);
  const custom: Record<string, unknown> = {};
  for (const [index, target] of mapping.entries()) {
    if (!target?.startsWith('custom.')) continue;
    const cell = unguardedCell((cells[index] ?? '').trim());
    if (cell === '') continue;
    columnOf.set(target, headers[index] ?? target);
    const field = customFields.find((candidate) => `custom.${candidate.key}` === target);
    custom[target.slice(7)] = field ? customCellValue(field, cell) : cell;
  }
  const draft = {
    name: value('name') ?? '',
    ...(kind !== undefined ? { kind: kindWords[word(kind)] ?? kind } : {}),
    ...(type !== undefined ? { type: typeWords[word(type)] ?? type } : {}),
    ...(level !== undefined ? { level: level.toUpperCase() } : {}),
    industry: value('industry'),
    source: value('source') ?? translate(locale, 'imports.defaultSource'),
    province: value('province'),
    city: value('city'),
    district: value('district'),
    address: value('address'),
    phones,
    email: ownEmail,
    website: value('website'),
    tags: (value('tags') ?? '')
      .split(tagSeparators)
      .map((tag) => tag.trim())
      .filter(Boolean),
    notes: value('notes'),
  };
  const parsed = createCustomerSchema.safeParse(draft);
  if (!parsed.success) {
    const fields = fieldsFromIssues(
      locale,
      parsed.error.issues.map((issue) => ({
        code: issue.code,
        message: issue.message,
        path: issue.path.join('.'),
        params: issue as unknown as Record<string, unknown>,
      })),
    );
    for (const [path, message] of Object.entries(fields)) say(path.replace(/\.\d+$/, ''), message);
  }

  let clean: ReturnType<typeof normalizeCustomerFields> = {};
  try {
    clean = normalizeCustomerFields(
      {
        name: draft.name,
        phones,
        email: draft.email ?? null,
        province: draft.province,
        city: draft.city,
        district: draft.district,
      },
      phoneRegion,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const [path, key] of Object.entries(error.fields ?? {}))
      say(path.replace(/\.\d+$/, ''), translate(locale, `fields.${key}`));
  }
  const merged = mergeCustomValues(customFields, custom, {}, 'create', phoneRegion);
  for (const [path, key] of Object.entries(merged.problems)) say(path, translate(locale, `fields.${key}`));

  let contact: ImportRecord['contact'] = null;
  if (contactName) {
    const contactDraft = {
      customerId: '00000000-0000-7000-8000-000000000000',
      name: contactName,
      title: value('contactTitle'),
      mobile: contactMobile,
      email: contactEmail,
      wechat: value('contactWechat'),
    };
    const parsedContact = createContactSchema.safeParse(contactDraft);
    if (!parsedContact.success) {
      for (const issue of parsedContact.error.issues) {
        const target = `contact${String(issue.path[0] ?? 'name').replace(/^./, (c) => c.toUpperCase())}`;
        say(
          target,
          fieldsFromIssues(locale, [
            {
              code: issue.code,
              message: issue.message,
              path: 'x',
              params: issue as unknown as Record<string, unknown>,
            },
          ]).x ?? '',
        );
      }
    } else {
      try {
        const normalized = normalizeCustomerFields(
          { phones: contactMobile ? [contactMobile] : [], email: contactEmail ?? null },
          phoneRegion,
        );
        contact = {
          name: contactDraft.name.trim(),
          title: contactDraft.title ?? null,
          mobile: normalized.phones?.[0] ?? null,
          email: normalized.email ?? null,
          wechat: contactDraft.wechat ?? null,
        };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.fields?.['phones.0']) say('contactMobile', translate(locale, 'fields.phone'));
        if (error.fields?.email) say('contactEmail', translate(locale, 'fields.email'));
      }
    }
  }

  const entries = Object.entries(problems);
  // A field without a column in the file: a custom field by its label (a required one left unmapped).
  const fieldName = (target: string) =>
    target.startsWith('custom.')
      ? (customFields.find((field) => `custom.${field.key}` === target)?.label ?? target.slice(7))
      : translate(locale, `imports.${target}`);
  if (entries.length > 0 || !parsed.success) {
    // Chinese text takes full-width punctuation.
    const [colon, separator] = locale === 'zh-CN' ? ['：', '；'] : [': ', '; '];
    const reason = entries
      .map(
        ([field, message]) =>
          `${columnOf.get(targetOf(field)) ?? fieldName(targetOf(field))}${colon}${message}`,
      )
      .join(separator);
    return { ok: false, reason };
  }
  return {
    ok: true,
    record: {
      customer: {
        ...parsed.data,
        name: clean.name ?? parsed.data.name,
        phones: clean.phones ?? [],
        email: clean.email ?? null,
        province: clean.province ?? null,
        city: clean.city ?? null,
        district: clean.district ?? null,
        custom: merged.values,
      },
      contact,
    },
  };
}

const targetOf = (field: string): string => (field === 'phones' ? 'phone' : field);

/** Cells are text: turn them into the custom field's value type before it is checked. */
function customCellValue(field: CustomField, cell: string): unknown {
  switch (field.type) {
    case 'number':
      return Number(cell.replace(/,/g, ''));
    case 'money': {
      const amount = Number(cell.replace(/[,¥￥$\s]/g, ''));
      return Number.isFinite(amount) ? Math.round(amount * 100) : cell;
    }
    case 'boolean':
      return ['是', 'true', 'yes', 'y', '1', '√', '✓'].includes(word(cell))
        ? true
        : ['否', 'false', 'no', 'n', '0', '×'].includes(word(cell))
          ? false
          : cell;
    case 'multiSelect':
      return cell
        .split(tagSeparators)
        .map((part) => optionValue(field, part.trim()))
        .filter(Boolean);
    case 'select':
      return optionValue(field, cell);
    case 'date':
      return cell
        .replace(/[/.年月]/g, '-')
        .replace(/日$/, '')
        .replace(/-(\d)(?=-|$)/g, '-0$1');
    default:
      return cell;
  }
}

/** An option by its value or its label (files carry what people see). */
const optionValue = (field: CustomField, cell: string) =>
  field.options.find((option) => option.value === cell || option.label === cell)?.value ?? cell;
