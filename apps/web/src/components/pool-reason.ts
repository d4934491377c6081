import type { TFunction } from 'i18next';

const autoReason = /^auto:(noFollowUpDays|noNewOpportunityDays|noDealDays):(\d+)$/;

/**
 * Why a customer went to a pool: the returner's words, or an automatic reclaim in the user's language
 * (the pool list, and the owner-change log on the customer's page).
 */
export const poolReasonText = (reason: string | null, t: TFunction): string => {
  if (!reason) return '';
  const match = autoReason.exec(reason);
  if (!match) return reason;
  const rule = match[1] as 'noFollowUpDays' | 'noNewOpportunityDays' | 'noDealDays';
  return t(`pools.reasons.${rule}`, { days: Number(match[2]) });
};
