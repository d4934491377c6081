import {
  type CreateCustomer,
  createContactSchema,
  createCustomerSchema,
  type Locale,
  type PublicWebForm,
  publicSubmissionSchema,
  type WebFormField,
  webFormHoneypot,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import { ZodError, type z } from 'zod';
import type { Database } from '../../db/schema';
import type { SessionsRepository } from '../../platform/auth/sessions.repository';
import { AppError, notFound } from '../../platform/errors/app-error';
import { translate } from '../../platform/i18n/messages';
import { newId } from '../../platform/ids';
import type { Notifier } from '../../platform/notifications/notifier';
import type { ContactsService } from '../contacts/contacts.service';
import type { CustomFieldsService } from '../custom-fields/custom-fields.service';
import type { CustomersService } from '../customers/customers.service';
import type { PoolMovesService } from '../customers/pools/pool-moves.service';
import type { PoolsService } from '../customers/pools/pools.service';
import type { WebFormRow, WebFormsRepository } from './web-forms.repository';

const fieldTypes: Record<string, string> = {
  address: 'textarea',
  notes: 'textarea',
  phone: 'phone',
  contactMobile: 'phone',
  email: 'email',
  contactEmail: 'email',
  website: 'url',
};

/** Which form field a customer/contact error belongs to. */
const errorTarget: Record<string, string> = {
  name: 'name',
  'phones.0': 'phone',
  phones: 'phone',
  email: 'email',
  province: 'province',
  city: 'city',
  address: 'address',
  website: 'website',
  industry: 'industry',
  notes: 'notes',
};

/**
 * What the public sees of a form, and what happens to a submission: it becomes a customer (and its
 * first contact) with source "web form", owned by the receiving user or put in the receiving pool,
 * after the web-form duplicate rule — a blocked duplicate is recorded and its owner told instead.
 * Spam is kept out by a honeypot field, a per-address rate limit and size limits (routes).
 */
export class WebFormSubmissionsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly forms: WebFormsRepository,
    private readonly sessions: SessionsRepository,
    private readonly customFields: CustomFieldsService,
    private readonly customers: CustomersService,
    private readonly contacts: ContactsService,
    private readonly pools: PoolsService,
    private readonly poolMoves: PoolMovesService,
    private readonly notifier: Notifier,
  ) {}

  async publicForm(key: string): Promise<PublicWebForm> {
    const form = await this.activeForm(key);
    const definitions = await this.customFields.definitionsOf(this.db, 'customer');
    const locale = form.locale as Locale;
    return {
      title: form.title,
      description: form.description,
      locale,
      fields: (JSON.parse(form.fields) as WebFormField[]).map((field) => {
        const custom = field.target.startsWith('custom.')
          ? definitions.find((definition) => `custom.${definition.key}` === field.target)
          : undefined;
        return {
          name: field.target,
          label: field.label || custom?.label || translate(locale, `imports.${field.target}`),
          required: field.required,
          type: custom?.type ?? fieldTypes[field.target] ?? 'text',
          options: custom?.options ?? [],
        };
      }),
    };
  }

  async submit(
    key: string,
    request: z.input<typeof publicSubmissionSchema>,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<{ thankYou: string }> {
    const form = await this.activeForm(key);
    const body = publicSubmissionSchema.parse(request);
    // A bot filled the field people cannot see: answer as if all went well, keep nothing.
    if (body[webFormHoneypot]) return { thankYou: form.thank_you };
    const fields = JSON.parse(form.fields) as WebFormField[];
    const text = (target: string) => {
      const value = body.values[target];
      return typeof value === 'string' ? value.trim() : undefined;
    };
    const problems: Record<string, string> = {};
    for (const key of Object.keys(body.values)) {
      if (!fields.some((field) => field.target === key)) problems[key] = 'unknown';
    }
    for (const field of fields) {
      const value = body.values[field.target];
      const blank =
        value === undefined ||
        (typeof value === 'string' && value.trim() === '') ||
        (Array.isArray(value) && value.length === 0);
      if (field.required && blank) problems[field.target] = 'required';
      // Built-in fields are text; only custom fields take numbers, booleans or lists.
      else if (!blank && !field.target.startsWith('custom.') && typeof value !== 'string')
        problems[field.target] = 'invalid';
    }
    if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', 400, {}, problems);

    const actor = await this.sessions.actorForUser(this.db, form.created_by);
    if (!actor) throw new AppError('WEB_FORM_UNAVAILABLE', 503);
    const contactName = text('contactName');
    const phones = [text('phone'), contactName ? undefined : text('contactMobile')].filter((v): v is string =>
      Boolean(v),
    );
    const custom = Object.fromEntries(
      Object.entries(body.values)
        .filter(([key]) => key.startsWith('custom.'))
        .map(([key, value]) => [key.slice(7), value]),
    );
    const request_: CreateCustomer = {
      name: text('name') || contactName || '',
      kind: text('name') ? 'company' : 'individual',
      source: translate(form.locale as Locale, 'webForms.source'),
      phones,
      ...(text('email') || (!contactName && text('contactEmail'))
        ? { email: text('email') || text('contactEmail') }
        : {}),
      ...(text('industry') ? { industry: text('industry') } : {}),
      ...(text('province') ? { province: text('province') } : {}),
      ...(text('city') ? { city: text('city') } : {}),
      ...(text('address') ? { address: text('address') } : {}),
      ...(text('website') ? { website: text('website') } : {}),
      ...(text('notes') ? { notes: text('notes') } : {}),
      ...(Object.keys(custom).length > 0 ? { custom } : {}),
      ownerId: form.receiver_user_id ?? form.created_by,
      acknowledgeDuplicates: true,
    };
    // Checked here, so that a bad phone or a too-long name is named by the form's field.
    const checked = createCustomerSchema.safeParse(request_);
    if (!checked.success) {
      throw new ZodError(
        checked.error.issues.map((issue) => {
          const path = issue.path.join('.');
          return { ...issue, path: [errorTarget[path] ?? errorTarget[String(issue.path[0])] ?? path] };
        }),
      );
    }
    const contact = contactName
      ? createContactSchema.safeParse({
          customerId: newId(),
          name: contactName,
          title: text('contactTitle'),
          mobile: text('contactMobile') || undefined,
          email: text('contactEmail') || undefined,
        })
      : undefined;
    if (contact && !contact.success) {
      const fieldsWrong: Record<string, string> = {};
      for (const issue of contact.error.issues) {
        const name = String(issue.path[0] ?? 'name');
        fieldsWrong[`contact${name.charAt(0).toUpperCase()}${name.slice(1)}`] =
          issue.message === 'phone' ? 'phone' : 'invalid';
      }
      throw new AppError('VALIDATION_FAILED', 400, {}, fieldsWrong);
    }
    let normalizedContact:
      | { name: string; title?: string | null; mobile?: string | null; email?: string | null }
      | undefined;
    if (contact?.success) {
      try {
        normalizedContact = await this.customers.identity.normalizeContactFields(this.db, contact.data);
      } catch (error) {
        if (!(error instanceof AppError) || !error.fields) throw error;
        const renamed: Record<string, string> = {
          mobile: 'contactMobile',
          phone: 'contactMobile',
          email: 'contactEmail',
          name: 'contactName',
        };
        throw new AppError(
          error.code,
          error.status,
          error.params,
          Object.fromEntries(
            Object.entries(error.fields).map(([field, message]) => [renamed[field] ?? field, message]),
          ),
        );
      }
    }

    // The web-form rule: a blocked duplicate is not created again; its owner hears of the new interest.
    // The contact's mobile and email count too: the same person asking again is the same lead.
    const probePhones = [...phones, ...(normalizedContact?.mobile ? [normalizedContact.mobile] : [])];
    const check = await this.customers.identity.checkDuplicatesFor(
      actor,
      { name: request_.name, phones: probePhones, email: request_.email ?? normalizedContact?.email ?? null },
      'webForm',
    );
    const at = this.now().toISOString();
    const submissionId = newId();
    const values = { ...body.values };
    if (check.verdict === 'block') {
      const duplicateOf = check.matches.find((match) => match.action === 'block');
      const existing = duplicateOf?.customerId
        ? await this.customers.ownerOf(duplicateOf.customerId)
        : undefined;
      await this.db.transaction().execute(async (trx) => {
        await this.forms.insertSubmission(trx, {
          id: submissionId,
          form_id: form.id,
          values: JSON.stringify(values),
          status: 'duplicate',
          customer_id: null,
          duplicate_of: duplicateOf?.customerId ?? null,
          error: null,
          ip: client.ip,
          user_agent: client.userAgent?.slice(0, 300) ?? null,
          created_at: at,
        });
        const receivers = new Set(
          [form.receiver_user_id, existing ?? null].filter((id): id is string => Boolean(id)),
        );
        await this.notifier.notify(
          trx,
          [...receivers].map((userId) => ({
            userId,
            kind: 'webForm.duplicate',
            payload: { form: form.name, name: request_.name, existing: duplicateOf?.name ?? '' },
            link: duplicateOf?.customerId ? `/customers/${duplicateOf.customerId}` : null,
          })),
        );
      });
      return { thankYou: form.thank_you };
    }

    let customerId: string;
    try {
      const created = await this.customers.create(actor, request_, {
        entryPoint: 'webForm',
        alsoInTransaction: async (trx, id, createdAt) => {
          if (normalizedContact) {
            await this.contacts.importContacts(
              trx,
              actor,
              [
                {
                  customerId: id,
                  primary: true,
                  contact: {
                    name: normalizedContact.name,
                    title: normalizedContact.title ?? null,
                    mobile: normalizedContact.mobile ?? null,
                    email: normalizedContact.email ?? null,
                    wechat: null,
                  },
                },
              ],
              createdAt,
            );
          }
        },
      });
      customerId = created.id;
    } catch (error) {
      // Errors about customer fields are the visitor's: name them by the form's fields.
      if (error instanceof AppError && error.fields) {
        const mapped = Object.fromEntries(
          Object.entries(error.fields).map(([field, message]) => [errorTarget[field] ?? field, message]),
        );
        throw new AppError(error.code, error.status, error.params, mapped);
      }
      throw error;
    }
    await this.db.transaction().execute(async (trx) => {
      if (form.receiver_pool_id) {
        const pool = await this.pools.getDefinition(trx, form.receiver_pool_id);
        const row = await this.customers.repository.findById(trx, customerId);
        if (row)
          await this.poolMoves.toPool(
            trx,
            row,
            pool,
            'return',
            translate(form.locale as Locale, 'webForms.source'),
            null,
            at,
            null,
          );
      }
      await this.forms.insertSubmission(trx, {
        id: submissionId,
        form_id: form.id,
        values: JSON.stringify(values),
        status: 'created',
        customer_id: customerId,
        duplicate_of: check.matches[0]?.customerId ?? null,
        error: null,
        ip: client.ip,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
        created_at: at,
      });
      const receivers = form.receiver_user_id
        ? [form.receiver_user_id]
        : (await this.pools.getDefinition(trx, form.receiver_pool_id as string)).adminIds;
      await this.notifier.notify(
        trx,
        receivers.map((userId) => ({
          userId,
          kind: 'webForm.submitted',
          payload: { form: form.name, name: request_.name, possibleDuplicates: check.matches.length },
          link: form.receiver_user_id ? `/customers/${customerId}` : `/pools`,
        })),
      );
    });
    return { thankYou: form.thank_you };
  }

  private async activeForm(key: string): Promise<WebFormRow> {
    const form = await this.forms.findByKey(this.db, key);
    if (form?.active !== 1) throw notFound('WEB_FORM_NOT_FOUND');
    return form;
  }
}
