import { describe, expect, it } from 'vitest';
import { isRegionName, normalizeRegion, regionTree } from './region.normalize';

describe('normalizeRegion', () => {
  it('accepts canonical names and returns the most specific code', () => {
    expect(normalizeRegion({ province: '广东省', city: '深圳市', district: '南山区' })).toEqual({
      ok: true,
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      code: '440305',
    });
    expect(normalizeRegion({ province: '广东省', city: '深圳市' })).toMatchObject({ ok: true, code: '4403' });
    expect(normalizeRegion({ province: '广东省' })).toMatchObject({ ok: true, city: null, code: '44' });
  });

  it('accepts short forms of provinces, cities and districts', () => {
    expect(normalizeRegion({ province: '广东', city: '深圳', district: '南山' })).toMatchObject({
      ok: true,
      province: '广东省',
      city: '深圳市',
      district: '南山区',
    });
    for (const [short, canonical] of [
      ['内蒙古', '内蒙古自治区'],
      ['广西', '广西壮族自治区'],
      ['新疆', '新疆维吾尔自治区'],
      ['宁夏', '宁夏回族自治区'],
      ['西藏', '西藏自治区'],
      ['黑龙江', '黑龙江省'],
    ]) {
      expect(normalizeRegion({ province: short }), short).toMatchObject({ ok: true, province: canonical });
    }
    expect(normalizeRegion({ province: '吉林', city: '延边州' })).toMatchObject({ city: '延边朝鲜族自治州' });
    expect(normalizeRegion({ province: '吉林', city: '延边' })).toMatchObject({ city: '延边朝鲜族自治州' });
    expect(normalizeRegion({ province: '内蒙古', city: '兴安' })).toMatchObject({ city: '兴安盟' });
  });

  it('stores the province name as the city of a municipality, so that 北京市 北京市 海淀区 round-trips', () => {
    const expected = { ok: true, province: '北京市', city: '北京市', district: '海淀区', code: '110108' };
    expect(normalizeRegion({ province: '北京市', city: '北京市', district: '海淀区' })).toEqual(expected);
    expect(normalizeRegion({ province: '北京', city: '北京', district: '海淀' })).toEqual(expected);
    expect(normalizeRegion({ province: '北京', city: '市辖区', district: '海淀区' })).toEqual(expected);
    expect(normalizeRegion({ province: '北京', city: '', district: '海淀区' })).toEqual(expected);
    expect(normalizeRegion({ province: '北京' })).toMatchObject({ city: '北京市', code: '1101' });
  });

  it('merges 重庆’s 市辖区 and 县 into one city', () => {
    expect(normalizeRegion({ province: '重庆', district: '渝中区' })).toMatchObject({
      city: '重庆市',
      code: '500103',
    });
    expect(normalizeRegion({ province: '重庆', city: '县', district: '城口县' })).toMatchObject({
      city: '重庆市',
      district: '城口县',
    });
  });

  it('checks that the city belongs to the province and the district to the city', () => {
    expect(normalizeRegion({ province: '广东省', city: '杭州市' })).toEqual({ ok: false, field: 'city' });
    expect(normalizeRegion({ province: '广东省', city: '深圳市', district: '海淀区' })).toEqual({
      ok: false,
      field: 'district',
    });
    expect(normalizeRegion({ province: '火星省' })).toEqual({ ok: false, field: 'province' });
  });

  it('fills the city of a district given without one when the district is unique in the province', () => {
    expect(normalizeRegion({ province: '广东', district: '南山区' })).toMatchObject({
      ok: true,
      city: '深圳市',
    });
    // 鼓楼区 is in both 南京 and 徐州: the city is what is missing.
    expect(normalizeRegion({ province: '江苏', district: '鼓楼区' })).toEqual({ ok: false, field: 'city' });
    expect(normalizeRegion({ province: '福建', district: '鼓楼区' })).toMatchObject({
      ok: true,
      city: '福州市',
    });
  });

  it('fills the province of a city given without one when the city is unique', () => {
    expect(normalizeRegion({ city: '深圳' })).toMatchObject({ ok: true, province: '广东省', city: '深圳市' });
    expect(normalizeRegion({ district: '海淀区' })).toMatchObject({ province: '北京市', city: '北京市' });
  });

  it('puts county-level cities directly under a province under 省直辖县级行政区划', () => {
    const expected = {
      ok: true,
      province: '湖北省',
      city: '省直辖县级行政区划',
      district: '仙桃市',
      code: '429004',
    };
    expect(normalizeRegion({ province: '湖北', city: '仙桃市' })).toEqual(expected);
    expect(normalizeRegion({ province: '湖北', city: '仙桃' })).toEqual(expected);
    expect(normalizeRegion({ province: '湖北', district: '仙桃市' })).toEqual(expected);
    expect(normalizeRegion({ province: '湖北省', city: '省直辖县级行政区划', district: '仙桃市' })).toEqual(
      expected,
    );
  });

  it('accepts 香港, 澳门 and 台湾, which the data lacks, with code null and free-text city', () => {
    expect(normalizeRegion({ province: '香港', city: '九龙', district: null })).toEqual({
      ok: true,
      province: '香港特别行政区',
      city: '九龙',
      district: null,
      code: null,
    });
    expect(normalizeRegion({ province: '澳门' })).toMatchObject({ province: '澳门特别行政区', code: null });
    expect(normalizeRegion({ province: '台湾' })).toMatchObject({ province: '台湾省', code: null });
  });

  it('treats empty, blank and missing values as null', () => {
    const empty = { ok: true, province: null, city: null, district: null, code: null };
    expect(normalizeRegion({})).toEqual(empty);
    expect(normalizeRegion({ province: '  ', city: '\u3000', district: null })).toEqual(empty);
    expect(normalizeRegion({ province: ' 广东省 ', city: '  ' })).toMatchObject({
      province: '广东省',
      city: null,
    });
  });

  it('rejects emoji, Latin and very long input', () => {
    expect(normalizeRegion({ province: '😀' })).toEqual({ ok: false, field: 'province' });
    expect(normalizeRegion({ province: 'Guangdong' })).toEqual({ ok: false, field: 'province' });
    expect(normalizeRegion({ province: '广东', city: '深'.repeat(10_000) })).toEqual({
      ok: false,
      field: 'city',
    });
  });
});

describe('regionTree', () => {
  it('lists the provinces with the municipalities’ 市辖区 level named after the province', () => {
    const tree = regionTree();
    expect(tree).toHaveLength(31);
    const beijing = tree.find((province) => province.name === '北京市');
    expect(beijing?.children?.map((city) => city.name)).toEqual(['北京市']);
    expect(beijing?.children?.[0]?.children?.some((district) => district.name === '海淀区')).toBe(true);
    const chongqing = tree.find((province) => province.name === '重庆市');
    expect(chongqing?.children).toHaveLength(1);
    expect(chongqing?.children?.[0]?.children?.some((district) => district.name === '城口县')).toBe(true);
    const guangdong = tree.find((province) => province.name === '广东省');
    expect(guangdong?.children?.some((city) => city.name === '深圳市' && city.code === '4403')).toBe(true);
  });

  it('has no 市辖区 left anywhere and is built once', () => {
    const names = regionTree().flatMap((province) => (province.children ?? []).map((city) => city.name));
    expect(names).not.toContain('市辖区');
    expect(regionTree()).toBe(regionTree());
  });
});

describe('isRegionName', () => {
  it('knows provinces, cities and districts, full and short', () => {
    expect(isRegionName('北京')).toBe(true);
    expect(isRegionName('深圳市')).toBe(true);
    expect(isRegionName('海淀')).toBe(true);
    expect(isRegionName('集团')).toBe(false);
  });
});
