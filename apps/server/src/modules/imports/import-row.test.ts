import type { CustomField } from '@kehu/contracts';
import { describe, expect, it } from 'vitest';
import { convertRow } from './import-row';

const erp: CustomField = {
  id: 'f1',
  entity: 'customer',
  key: 'erp_system',
  label: '现用系统',
  type: 'text',
  required: true,
  options: [],
  showInList: false,
  filterable: false,
  sort: 1,
  archived: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('an import row', () => {
  it('names a required custom field without a column by its label', () => {
    const result = convertRow(
      ['甲公司', '13800138000'],
      ['name', 'phone'],
      ['名称', '电话'],
      [erp],
      'CN',
      'zh-CN',
    );
    expect(result).toEqual({ ok: false, reason: '现用系统：必填。' });
  });

  it('reads several phones in one cell and takes off the apostrophe a safe export put first', () => {
    const result = convertRow(
      ["'+乙公司", "'+8613800138000 / +862161234567"],
      ['name', 'phone'],
      ['Customer name', 'Phones'],
      [],
      'CN',
      'en',
    );
    expect(result.ok && result.record.customer).toMatchObject({
      name: '+乙公司',
      phones: ['+8613800138000', '+862161234567'],
      source: 'Import',
    });
  });
});
