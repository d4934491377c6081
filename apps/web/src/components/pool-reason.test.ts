import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { poolReasonText } from './pool-reason';

// The key and its values, so the test sees what would be translated.
const t = ((key: string, values?: Record<string, unknown>) =>
  `${key}${JSON.stringify(values ?? {})}`) as TFunction;

describe('poolReasonText', () => {
  it('puts an automatic reclaim into words, and leaves a person’s reason as they wrote it', () => {
    expect(poolReasonText('auto:noFollowUpDays:30', t)).toBe('pools.reasons.noFollowUpDays{"days":30}');
    expect(poolReasonText('auto:noDealDays:90', t)).toBe('pools.reasons.noDealDays{"days":90}');
    expect(poolReasonText('客户暂无预算', t)).toBe('客户暂无预算');
    expect(poolReasonText('auto:somethingElse:3', t)).toBe('auto:somethingElse:3');
    expect(poolReasonText(null, t)).toBe('');
  });
});
