import { createContactSchema, createCustomerSchema } from '@kehu/contracts';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UNTIL,
  type GeneratedCustomer,
  generateCustomer,
  generateCustomers,
} from './customer-generator';

const sample = (count: number, seed = 7) => [...generateCustomers({ seed, count })];
const share = (records: GeneratedCustomer[], test: (record: GeneratedCustomer) => boolean) =>
  records.filter(test).length / records.length;

describe('customer generator', () => {
  it('gives the same record for the same seed and index, whatever the start', () => {
    const whole = sample(300, 11);
    const tail = [...generateCustomers({ seed: 11, count: 100, startIndex: 200 })];
    expect(tail).toEqual(whole.slice(200));
    expect(generateCustomer(11, 42)).toEqual(whole[42]);
    expect(sample(50, 12)).not.toEqual(whole.slice(0, 50));
  });

  it('makes records the API accepts', () => {
    const customerId = '0193f5a4-7c1e-7000-8000-000000000000';
    for (const record of sample(2_000)) {
      const { contacts, createdAt, ...customer } = record;
      expect(() => createCustomerSchema.parse(customer)).not.toThrow();
      for (const contact of contacts) {
        expect(() => createContactSchema.parse({ ...contact, customerId })).not.toThrow();
      }
    }
  });

  it('gives each customer 1–3 contacts with exactly one primary', () => {
    for (const record of sample(2_000)) {
      expect(record.contacts.length).toBeGreaterThanOrEqual(1);
      expect(record.contacts.length).toBeLessThanOrEqual(3);
      expect(record.contacts.filter((contact) => contact.isPrimary)).toHaveLength(1);
    }
  });

  it('writes Chinese mobile numbers, lower-case emails and valid dates', () => {
    const until = Date.parse(DEFAULT_UNTIL);
    for (const record of sample(2_000)) {
      for (const contact of record.contacts) {
        expect(contact.mobile.replace(/\D/g, '').replace(/^86/, '')).toMatch(/^1[3-9]\d{9}$/);
        if (contact.birthday) expect(Number.isNaN(Date.parse(contact.birthday))).toBe(false);
        if (contact.email) expect(contact.email).toBe(contact.email.toLowerCase());
      }
      if (record.email) expect(record.email).toBe(record.email.toLowerCase());
      const created = Date.parse(record.createdAt);
      expect(created).toBeLessThan(until);
      expect(created).toBeGreaterThan(until - 3.01 * 365 * 86_400_000);
      expect(new Set(record.tags).size).toBe(record.tags.length);
    }
  });

  it('mixes Chinese companies, English companies and individuals', () => {
    const records = sample(20_000);
    const chinese = share(records, (r) => r.kind === 'company' && /[\u4e00-\u9fff]/.test(r.name));
    const english = share(records, (r) => r.kind === 'company' && /^[A-Za-z]/.test(r.name));
    expect(chinese).toBeGreaterThan(0.7);
    expect(chinese).toBeLessThan(0.8);
    expect(english).toBeGreaterThan(0.12);
    expect(english).toBeLessThan(0.18);
    expect(share(records, (r) => r.kind === 'individual')).toBeGreaterThan(0.08);
    expect(new Set(records.map((r) => r.name)).size).toBeGreaterThan(records.length * 0.9);
  });

  it('makes short queries match a realistic share and phone prefixes match few', () => {
    const records = sample(20_000);
    const keji = share(records, (r) => r.name.includes('科技'));
    expect(keji).toBeGreaterThan(0.05);
    expect(keji).toBeLessThan(0.15);
    const digits = (r: GeneratedCustomer) => r.phones.map((phone) => phone.replace(/\D/g, '')).join(' ');
    const mobile =
      records
        .map(digits)
        .join(' ')
        .match(/\b1[3-9]\d{9}\b/)?.[0] ?? '13800000000';
    const prefix = mobile.slice(0, 7);
    expect(share(records, (r) => digits(r).includes(prefix))).toBeLessThan(0.002);
  });
});
