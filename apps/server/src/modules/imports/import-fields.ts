import type { CustomField } from '@kehu/contracts';
import { cleanText } from '../../platform/normalize/text.normalize';

/**
 * What a column can be imported into: a customer field, the customer's first contact, or a custom
 * field (`custom.<key>`). Each built-in target lists the headers people use for it, in Chinese and
 * English, compared without case, spaces and punctuation.
 */
export const importTargets = {
  name: [
    '客户名称',
    '客户',
    '公司名称',
    '公司',
    '企业名称',
    '单位名称',
    '名称',
    'company',
    'companyname',
    'customer',
    'customername',
    'account',
    'accountname',
    'name',
    'organization',
    'organisation',
  ],
  kind: ['客户类别', '客户性质', '类别', 'kind', 'customerkind'],
  type: ['客户类型', '类型', '客户状态', '状态', 'type', 'customertype', 'status', 'lifecycle', 'stage'],
  level: ['客户级别', '级别', '等级', '客户等级', 'level', 'rating', 'grade'],
  industry: ['行业', '所属行业', 'industry', 'sector'],
  source: ['客户来源', '来源', 'source', 'leadsource'],
  province: ['省份', '省', '所在省份', 'province', 'state'],
  city: ['城市', '市', '所在城市', 'city'],
  district: ['区县', '区', '县', 'district', 'county'],
  address: ['地址', '详细地址', '公司地址', '联系地址', 'address', 'street', 'streetaddress'],
  phone: [
    '电话',
    '公司电话',
    '座机',
    '固话',
    '联系电话',
    'phone',
    'telephone',
    'tel',
    'officephone',
    'companyphone',
    'phones',
    'phonenumbers',
  ],
  phone2: ['电话2', '其他电话', '备用电话', 'phone2', 'otherphone'],
  email: ['邮箱', '电子邮箱', '公司邮箱', '电子邮件', 'email', 'e-mail', 'mail', 'companyemail'],
  website: ['网址', '网站', '公司网址', '官网', 'website', 'web', 'url', 'homepage'],
  tags: ['标签', 'tags', 'tag', 'labels'],
  notes: ['备注', '说明', '描述', 'notes', 'note', 'remarks', 'description', 'comments'],
  contactName: ['联系人', '联系人姓名', '姓名', 'contact', 'contactname', 'fullname', 'contactperson'],
  contactTitle: ['职位', '职务', '联系人职位', 'title', 'jobtitle', 'position'],
  contactMobile: [
    '手机',
    '手机号',
    '手机号码',
    '联系人手机',
    '移动电话',
    'mobile',
    'mobilephone',
    'cell',
    'cellphone',
  ],
  contactEmail: ['联系人邮箱', '个人邮箱', 'contactemail', 'personalemail'],
  contactWechat: ['微信', '微信号', 'wechat', 'weixin'],
} as const;
export type BuiltInTarget = keyof typeof importTargets;
export type ImportTarget = BuiltInTarget | `custom.${string}`;

const headerKey = (header: string) =>
  cleanText(header)
    .toLowerCase()
    .replace(/[\s_\-.:：()（）*＊]/g, '');

const synonymIndex = new Map<string, BuiltInTarget>();
for (const [target, headers] of Object.entries(importTargets) as Array<[BuiltInTarget, readonly string[]]>) {
  for (const header of headers)
    if (!synonymIndex.has(headerKey(header))) synonymIndex.set(headerKey(header), target);
}

/**
 * The automatic mapping of a file's headers: known synonyms, then custom field labels and keys.
 * A target is used once (the first column that claims it); unknown headers map to nothing.
 */
export function suggestMapping(headers: string[], customFields: CustomField[]): Array<ImportTarget | null> {
  const custom = new Map<string, ImportTarget>();
  for (const field of customFields) {
    if (field.archived) continue;
    custom.set(headerKey(field.label), `custom.${field.key}`);
    custom.set(headerKey(field.key), `custom.${field.key}`);
  }
  const used = new Set<ImportTarget>();
  return headers.map((header) => {
    const key = headerKey(header);
    const target = synonymIndex.get(key) ?? custom.get(key) ?? null;
    if (!target || used.has(target)) return null;
    used.add(target);
    return target;
  });
}

export const isImportTarget = (value: string, customFields: CustomField[]): value is ImportTarget =>
  value in importTargets ||
  (value.startsWith('custom.') &&
    customFields.some((field) => !field.archived && `custom.${field.key}` === value));
