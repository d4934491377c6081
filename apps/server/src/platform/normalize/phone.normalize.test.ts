import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { isCountryCode, nationalDigits, normalizePhone, phoneDigitsKey } from './phone.normalize';

describe('normalizePhone', () => {
  it('reads Chinese mobiles however they are typed', () => {
    for (const value of [
      '138 0013 8000',
      '+86 138-0013-8000',
      '0086 13800138000',
      '13800138000',
      '８６１３８００１３８０００',
    ]) {
      expect(normalizePhone(value), value).toBe('+8613800138000');
    }
  });

  it('reads fixed lines with an area code, full-width brackets and digits included', () => {
    expect(normalizePhone('（０１０）８８８８　６６６６')).toBe('+861088886666');
    expect(normalizePhone('010-88886666')).toBe('+861088886666');
    expect(normalizePhone('+86 (0)10 8888 6666')).toBe('+861088886666');
  });

  it('keeps 400 and 800 service numbers', () => {
    expect(normalizePhone('400-800-8888')).toBe('+864008008888');
    expect(normalizePhone('800-810-8888')).toBe('+868008108888');
  });

  it('reads international numbers with their prefix whatever the default region', () => {
    expect(normalizePhone('+1 (415) 555-2671')).toBe('+14155552671');
    expect(normalizePhone('00 1 415 555 2671')).toBe('+14155552671');
    expect(normalizePhone('+852 2123 4567')).toBe('+85221234567');
  });

  it('reads numbers without a prefix in the default region', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('drops an extension, written the Chinese or the English way', () => {
    for (const value of [
      '010-88886666 转 123',
      '010-88886666转123',
      '010-88886666 分机 12',
      '010-88886666 ext. 123',
      '010-88886666 x123',
      '010-88886666#123',
      '010-88886666-123',
    ]) {
      expect(normalizePhone(value), value).toBe('+861088886666');
    }
    expect(normalizePhone('+1 (415) 555-2671 ext 99')).toBe('+14155552671');
  });

  it('extracts the number from a labelled value', () => {
    expect(normalizePhone('手机：13800138000')).toBe('+8613800138000');
  });

  it('returns null for implausible numbers', () => {
    for (const value of [
      '',
      '   ',
      'abc',
      '+',
      '110',
      '12345',
      '1380013800',
      '11111111111',
      '13800138000 / 13900139000',
      '😀',
      '1'.repeat(300),
    ]) {
      expect(normalizePhone(value), value).toBeNull();
    }
  });
});

describe('phoneDigitsKey', () => {
  it('drops the + of an E.164 number', () => {
    expect(phoneDigitsKey('+8613800138000')).toBe('8613800138000');
    expect(phoneDigitsKey('8613800138000')).toBe('8613800138000');
  });
});

describe('isCountryCode', () => {
  it('accepts the ISO codes libphonenumber-js knows and nothing else', () => {
    expect(isCountryCode('CN')).toBe(true);
    expect(isCountryCode('US')).toBe(true);
    expect(isCountryCode('cn')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('')).toBe(false);
  });
});

describe('nationalDigits', () => {
  it('gives the digits dialled at home: the trunk 0 for landlines, none for mobiles and 400 numbers', () => {
    expect(nationalDigits('+861088886666')).toBe('01088886666');
    expect(nationalDigits('+8657187654321')).toBe('057187654321');
    expect(nationalDigits('+864001234567')).toBe('4001234567');
    expect(nationalDigits('+4420 7946 0958'.replace(/ /g, ''))).toBe('02079460958');
    expect(nationalDigits('13800138000')).toBeNull();
  });

  it('answers for every mainland prefix as formatting the number would (the shortcut is exact)', () => {
    let checked = 0;
    for (let prefix = 10; prefix <= 999; prefix++) {
      for (const rest of ['8888666', '88886666', '1234567', '12345678', '123456789', '00138000']) {
        const e164 = `+86${prefix}${rest}`;
        const phone = parsePhoneNumberFromString(e164);
        if (!phone?.isValid()) continue;
        checked += 1;
        expect(nationalDigits(e164), e164).toBe(phone.formatNational().replace(/\D/g, ''));
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
