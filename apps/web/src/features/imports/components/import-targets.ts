import type { Import } from '@kehu/contracts';
import { useTranslation } from 'react-i18next';

/** Built-in targets the web app labels (the server sends `label: null` for them). */
const builtInTargets = [
  'name',
  'kind',
  'type',
  'level',
  'industry',
  'source',
  'province',
  'city',
  'district',
  'address',
  'phone',
  'phone2',
  'email',
  'website',
  'tags',
  'notes',
  'contactName',
  'contactTitle',
  'contactMobile',
  'contactEmail',
  'contactWechat',
] as const;
type BuiltInTarget = (typeof builtInTargets)[number];
const isBuiltIn = (value: string): value is BuiltInTarget =>
  (builtInTargets as readonly string[]).includes(value);

export type ImportTargetOption = Import['targets'][number];

/** A target's name in the user's language: built-ins from the locale file, custom fields as labelled. */
export const useTargetLabel = () => {
  const { t } = useTranslation();
  return (target: Pick<ImportTargetOption, 'value' | 'label'>): string => {
    if (target.label) return target.label;
    if (isBuiltIn(target.value)) return t(`imports.targets.${target.value}`);
    return target.value;
  };
};

export type TargetGroup = 'customer' | 'contact' | 'custom';

export const targetGroupOf = (value: string): TargetGroup =>
  value.startsWith('custom.') ? 'custom' : value.startsWith('contact') ? 'contact' : 'customer';
