import type { HistoryEntry } from '@kehu/contracts';
import { describe, expect, it } from 'vitest';
import { expandCustomChanges } from './custom-field-history';

const entry = (changes: HistoryEntry['changes']): HistoryEntry => ({
  id: 'h1',
  entityType: 'customer',
  entityId: 'c1',
  action: 'update',
  actorId: null,
  actorName: null,
  at: '2026-12-01T00:00:00.000Z',
  changes,
});

describe('custom values in history', () => {
  it('shows one change per custom field that differs, not the whole object', () => {
    const [expanded] = expandCustomChanges([
      entry([
        { field: 'name', old: 'A', new: 'B' },
        {
          field: 'custom',
          old: { employees: 320, channel: 'agent', products: ['erp'] },
          new: { employees: 321, channel: 'agent', products: ['erp', 'crm'], hobby: 'go' },
        },
      ]),
    ]);
    expect(expanded?.changes).toEqual([
      { field: 'name', old: 'A', new: 'B' },
      { field: 'custom.employees', old: 320, new: 321 },
      { field: 'custom.products', old: ['erp'], new: ['erp', 'crm'] },
      { field: 'custom.hobby', old: null, new: 'go' },
    ]);
  });
});
