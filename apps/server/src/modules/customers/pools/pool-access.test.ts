import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from './pool-access';

describe('masked contact details in a pool', () => {
  it('keeps a mobile’s first three and last four digits, a landline’s 0 and area code', () => {
    expect(maskPhone('+8613700001111')).toBe('137****1111');
    expect(maskPhone('+867575334xxxx'.replace('xxxx', '5334'))).toBe('0757****5334');
    expect(maskPhone('+861061234567')).toBe('010****4567');
    expect(maskPhone('+862161234567')).toBe('021****4567');
    expect(maskPhone('+14155550123')).toBe('+14****0123');
    expect(maskEmail('sales@example.com')).toBe('s***@example.com');
  });
});
