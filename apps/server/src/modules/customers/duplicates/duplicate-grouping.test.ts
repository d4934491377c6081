import { describe, expect, it } from 'vitest';
import {
  addressKey,
  boundedEditDistance,
  groupDuplicates,
  groupDuplicatesPaced,
  type ScanRecord,
} from './duplicate-grouping';

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
      record('d', '远航物流', { address: addressKey('中山路 1 号'), city: '杭州市' }),
      record('e', '远航物留', { address: addressKey('中山路1号'), city: '杭州市' }),
      record('f', '远航物溜', { address: addressKey('解放路 9 号') }),
      // The same street address in other cities is another place.
      record('f2', '远航物硫', { address: addressKey('中山路1号'), city: '广州市' }),
      record('f3', '远航物琉', { address: addressKey('中山路1号'), city: '南京市' }),
      record('g', '毫不相干'),
      record('h', '另一家'),
    ];
    const groups = groupDuplicates(records, [{ kind: 'phone', ids: ['g', 'h'] }], 0.85, () => false);
    // a–c share the key; b is near a in a's city (c has none) and so joins the holders of a's name.
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
    const same = Array.from({ length: 1200 }, (_, index) => record(`s${index}`, '同名公司'));
    const capped = groupDuplicates(same, [], 0.85, () => false);
    expect(capped.map((group) => group.ids.length)).toEqual([500, 500, 200]);
    const pair = [record('x', '重复公司'), record('y', '重复公司')];
    expect(groupDuplicates(pair, [], 0.85, () => true)).toEqual([]);
  });

  it('never pairs two customers through a third one', () => {
    const records = [record('a', '青朗网络'), record('b', 'acmeindustries'), record('c', '越海服饰')];
    const groups = groupDuplicates(
      records,
      [
        { kind: 'phone', ids: ['a', 'b'] },
        { kind: 'email', ids: ['b', 'c'] },
      ],
      0.85,
      () => false,
    );
    expect(sorted(groups)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    // Two near names of a third are each linked to it, not to each other through it.
    const near = groupDuplicates(
      [
        record('x', '星云科技', { city: '杭州市' }),
        record('y', '星云料技', { city: '杭州市' }),
        record('z', '星去科技', { city: '杭州市' }),
      ],
      [],
      0.85,
      () => false,
    );
    expect(near).toHaveLength(1);
    expect(near[0]?.ids[0]).toBe('x');
  });

  it('joins a near name to the holders of a name only where they are not elsewhere', () => {
    const records = [
      record('v1', '宏化工', { city: '深圳市', address: 'a' }),
      record('v2', '宏化工', { city: '南京市', address: 'b' }),
      record('o1', '宏豪化工', { city: '深圳市', address: 'a' }),
      record('o2', '众宏化工', { city: '南京市', address: 'b' }),
    ];
    expect(sorted(groupDuplicates(records, [], 0.5, () => false))).toEqual([
      ['o1', 'v1'],
      ['o2', 'v2'],
      ['v1', 'v2'],
    ]);
  });

  it('finds a typo among many similar names, and a swap of two characters in a short name', () => {
    const crowd = Array.from({ length: 300 }, (_, index) =>
      record(
        `n${index}`,
        `北京元${'安邦宝博昌诚达德东方丰福富光广国海恒宏华'[index % 20]}${'辉佳嘉建金锦俊凯康朗'[Math.floor(index / 20) % 10]}进出口`,
        {
          address: `a${index}`,
        },
      ),
    );
    const records = [
      ...crowd,
      record('original', '北京元云进出口', { address: 'here' }),
      record('typo', '北京元去进出口', { address: 'here' }),
      record('short', '龙湖贸易', { address: 'there' }),
      record('swapped', '湖龙贸易', { address: 'there' }),
    ];
    const groups = sorted(groupDuplicates(records, [], 0.4, () => false));
    expect(groups).toContainEqual(['original', 'typo']);
    expect(groups).toContainEqual(['short', 'swapped']);
  });

  it('bounds the edit distance cheaply', () => {
    expect(boundedEditDistance(Array.from('星云科技'), Array.from('星云料技'), 1)).toBe(1);
    expect(boundedEditDistance(Array.from('星云科技'), Array.from('远航物流'), 1)).toBe(2);
    expect(boundedEditDistance(Array.from('abc'), Array.from('abcdef'), 2)).toBe(3);
    expect(boundedEditDistance(Array.from('龙湖贸易'), Array.from('湖龙贸易'), 1)).toBe(1);
  });
  it('pauses along the way when paced, and finds the same groups', async () => {
    const records = Array.from({ length: 30_000 }, (_, index) =>
      record(`r${index}`, `公司${Math.floor(index / 2)}号${index % 7 === 0 ? '甲' : ''}`, { city: '杭州市' }),
    );
    const identities = [{ kind: 'phone' as const, ids: ['r1', 'r9'] }];
    let pauses = 0;
    const paced = await groupDuplicatesPaced(
      records,
      identities,
      0.85,
      () => false,
      async () => {
        pauses += 1;
      },
    );
    expect(pauses).toBeGreaterThan(5);
    expect(sorted(paced)).toEqual(sorted(groupDuplicates(records, identities, 0.85, () => false)));
  });
});
