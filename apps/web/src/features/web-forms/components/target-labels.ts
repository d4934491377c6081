import { type CustomField, webFormTargets } from '@kehu/contracts';
import type { TFunction } from 'i18next';

export interface TargetOption {
  value: string;
  label: string;
}

/** Every field a form may fill in: the customer and contact fields, then the customer's custom fields. */
export const targetOptions = (t: TFunction, customFields: readonly CustomField[]): TargetOption[] => [
  ...webFormTargets.map((target) => ({ value: target, label: t(`webForms.targets.${target}`) })),
  ...customFields.map((field) => ({ value: `custom.${field.key}`, label: field.label })),
];

export const targetLabel = (options: readonly TargetOption[], target: string): string =>
  options.find((option) => option.value === target)?.label ?? target;
