import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email.normalize';

describe('normalizeEmail', () => {
  it('lower-cases and trims an address', () => {
    expect(normalizeEmail('  Sales@Acme.COM ')).toBe('sales@acme.com');
  });

  it('strips surrounding angle brackets, mailto: and a display name', () => {
    expect(normalizeEmail('<sales@acme.com>')).toBe('sales@acme.com');
    expect(normalizeEmail('mailto:Sales@Acme.com')).toBe('sales@acme.com');
    expect(normalizeEmail('<mailto:sales@acme.com>')).toBe('sales@acme.com');
    expect(normalizeEmail('张三 <ZS@example.cn>')).toBe('zs@example.cn');
  });

  it('folds a full-width @ and letters typed with a Chinese IME', () => {
    expect(normalizeEmail('ｚｓ＠ｑｑ．ｃｏｍ')).toBe('zs@qq.com');
  });

  it('accepts plus addressing, subdomains and internationalised addresses', () => {
    expect(normalizeEmail('a.b+crm@mail.example.co.uk')).toBe('a.b+crm@mail.example.co.uk');
    expect(normalizeEmail('联系@例子.中国')).toBe('联系@例子.中国');
  });

  it('rejects empty, whitespace-only and malformed input', () => {
    for (const value of [
      '',
      '   ',
      'acme.com',
      'a@b',
      'a@@b.com',
      'a@b@c.com',
      'a b@c.com',
      'a@b .com',
      'a@b.c',
      'a@.com',
      'a@b..com',
      '.a@b.com',
      'a.@b.com',
      'a..b@c.com',
      'a@b.com.',
      '😀@😀',
    ]) {
      expect(normalizeEmail(value), value).toBeNull();
    }
  });

  it('rejects addresses longer than 254 characters or with a local part over 64', () => {
    expect(normalizeEmail(`${'a'.repeat(64)}@example.com`)).not.toBeNull();
    expect(normalizeEmail(`${'a'.repeat(65)}@example.com`)).toBeNull();
    expect(normalizeEmail(`a@${'b'.repeat(250)}.com`)).toBeNull();
    expect(normalizeEmail(`${'x'.repeat(100_000)}@example.com`)).toBeNull();
  });
});
