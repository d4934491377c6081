import { describe, expect, it } from 'vitest';
import { addressKey, boundedEditDistance, groupDuplicates, type ScanRecord } from './duplicate-grouping';

const record = (
  id: string,
  key: string,
  place: Partial<Pick<ScanRecord, 'address' | 'city'>> = {},
): ScanRecord => ({
  id,
  key,
  address: place.address ?? '',
  city: place.city ?? '',
});
const sorted = (groups: ReturnType<typeof groupDuplicates>) =>
  groups.map((group) => [...group.ids].sort()).sort();

describe('duplicate grouping', () => {
  it('links shared identities, equal keys, and near names at the same place', () => {
    const records = [
      record('a', '星云科技', { city: '杭州市' }),
      record('b', '星云料技', { city: '杭州市' }),
      record('c', '星云科技'),
      record('d', '远航物流', { address: addressKey('中山路 1 号') }),
      record('e', '远航物留', { address: addressKey('中山路1号') }),
      record('f', '远航物溜', { address: addressKey('解放路 9 号') }),
      record('g', '毫不相干'),
      record('h', '另一家'),
    ];
    const groups = groupDuplicates(records, [{ kind: 'phone', ids: ['g', 'h'] }], 0.85, () => false);
    expect(sorted(groups)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
      ['g', 'h'],
    ]);
    expect(groups.find((group) => group.ids.includes('g'))?.matchedOn).toEqual(['phone']);
  });

  it('ignores switchboard phones and shared mailboxes, caps group size, and honours dismissals', () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      record(`m${index}`, `公司${'甲乙丙丁戊己庚辛壬癸'[index % 10]}${index}`),
    );
    const shared = groupDuplicates(many, [{ kind: 'email', ids: many.map((r) => r.id) }], 0.85, () => false);
    expect(shared).toEqual([]);
    const same = Array.from({ length: 80 }, (_, index) => record(`s${index}`, '同名公司'));
    const capped = groupDuplicates(same, [], 0.85, () => false);
    expect(Math.max(...capped.map((group) => group.ids.length))).toBeLessThanOrEqual(50);
    const pair = [record('x', '重复公司'), record('y', '重复公司')];
    expect(groupDuplicates(pair, [], 0.85, () => true)).toEqual([]);
  });

  it('bounds the edit distance cheaply', () => {
    expect(boundedEditDistance(Array.from('星云科技'), Array.from('星云料技'), 1)).toBe(1);
    expect(boundedEditDistance(Array.from('星云科技'), Array.from('远航物流'), 1)).toBe(2);
    expect(boundedEditDistance(Array.from('abc'), Array.from('abcdef'), 2)).toBe(3);
  });
});
