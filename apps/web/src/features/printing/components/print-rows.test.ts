import type { Customer } from '@kehu/contracts';
import { describe, expect, it } from 'vitest';
import { fullAddress } from './print-rows';

const at = (parts: Pick<Customer, 'province' | 'city' | 'district' | 'address'>) => parts as Customer;

describe('an address as written on an envelope', () => {
  it('writes a municipality once, and leaves out what the street address already says', () => {
    expect(
      fullAddress(at({ province: '北京市', city: '北京市', district: '东城区', address: '东长安街1号' })),
    ).toBe('北京市东城区东长安街1号');
    expect(
      fullAddress(
        at({ province: '浙江省', city: '杭州市', district: '西湖区', address: '杭州市西湖区文三路90号' }),
      ),
    ).toBe('浙江省杭州市西湖区文三路90号');
    expect(
      fullAddress(at({ province: 'California', city: 'San Jose', district: null, address: '1 Main St' })),
    ).toBe('California, San Jose, 1 Main St');
  });
});
