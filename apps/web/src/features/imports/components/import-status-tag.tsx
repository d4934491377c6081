import type { Import } from '@kehu/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<Import['status'], string> = {
  draft: 'default',
  queued: 'processing',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export const ImportStatusTag = ({ status }: { status: Import['status'] }) => {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`imports.status.${status}`)}</Tag>;
};

type Outcome = 'create' | 'update' | 'skip' | 'fail';
const outcomeColors: Record<Outcome, string> = {
  create: 'success',
  update: 'processing',
  skip: 'default',
  fail: 'error',
};

/** What a row becomes: 新建 / 更新 / 跳过 / 失败. */
export const OutcomeTag = ({ outcome }: { outcome: Outcome }) => {
  const { t } = useTranslation();
  return <Tag color={outcomeColors[outcome]}>{t(`imports.outcome.${outcome}`)}</Tag>;
};
