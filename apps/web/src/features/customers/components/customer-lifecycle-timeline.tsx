import type { CustomerLifecycle } from '@kehu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Segmented, Spin, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/error-result';
import { emptyMark, formatDateTime } from '../../../components/format';
import { poolReasonText } from '../../../components/pool-reason';
import { VisuallyHidden } from '../../../components/visually-hidden';
import { customerLifecycleQueryOptions } from '../api/ownership-api';
import { CustomerTypeTag } from './customer-display';

type TypeChange = CustomerLifecycle['typeChanges'][number];
type OwnerChange = CustomerLifecycle['ownerChanges'][number];
type Entry = { kind: 'type'; change: TypeChange } | { kind: 'owner'; change: OwnerChange };
type Show = 'all' | 'type' | 'owner';

interface CustomerLifecycleTimelineProps {
  customerId: string;
  /** When the current type began (Customer.typeChangedAt). */
  typeChangedAt?: string | null;
}

const Meta = ({ actorName, at }: { actorName: string | null; at: string }) => {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text>{actorName ?? t('history.system')}</Typography.Text>
      <Typography.Text type="secondary">{formatDateTime(at)}</Typography.Text>
    </>
  );
};

/** 生命周期: type changes (from → to, why) and owner changes (from → to, how, why) on one timeline. */
export const CustomerLifecycleTimeline = ({ customerId, typeChangedAt }: CustomerLifecycleTimelineProps) => {
  const { t } = useTranslation();
  const lifecycle = useQuery(customerLifecycleQueryOptions(customerId));
  const [show, setShow] = useState<Show>('all');

  if (lifecycle.isPending) return <Spin />;
  if (lifecycle.isError) {
    return <ErrorResult error={lifecycle.error} onRetry={() => void lifecycle.refetch()} />;
  }

  const entries: Entry[] = [
    ...(show === 'owner'
      ? []
      : lifecycle.data.typeChanges.map((change) => ({ kind: 'type' as const, change }))),
    ...(show === 'type'
      ? []
      : lifecycle.data.ownerChanges.map((change) => ({ kind: 'owner' as const, change }))),
  ].sort((a, b) => b.change.at.localeCompare(a.change.at));

  const typeItem = (change: TypeChange): ReactNode => (
    <div>
      <Flex gap={8} wrap="wrap" align="center">
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('ownership.lifecycle.typeChange')}
        </Tag>
        <Meta actorName={change.actorName} at={change.at} />
      </Flex>
      <Flex gap={6} wrap="wrap" align="center" style={{ marginTop: 6 }}>
        {change.fromType ? <CustomerTypeTag type={change.fromType} /> : <span>{emptyMark}</span>}
        <span aria-hidden>→</span>
        <VisuallyHidden>{t('ownership.lifecycle.to')}</VisuallyHidden>
        <CustomerTypeTag type={change.toType} />
        <Typography.Text type="secondary">
          {t(`ownership.lifecycle.typeReasons.${change.reason}`)}
        </Typography.Text>
      </Flex>
    </div>
  );

  const ownerItem = (change: OwnerChange): ReactNode => (
    <div>
      <Flex gap={8} wrap="wrap" align="center">
        <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
          {t(`ownership.lifecycle.ownerActions.${change.action}`)}
        </Tag>
        <Meta actorName={change.actorName} at={change.at} />
      </Flex>
      <div style={{ marginTop: 6, overflowWrap: 'anywhere' }}>
        <Typography.Text type="secondary">{t('ownership.lifecycle.ownerChange')}: </Typography.Text>
        <Typography.Text delete={Boolean(change.fromOwnerName)} type="secondary">
          {change.fromOwnerName ?? t('ownership.lifecycle.noOwner')}
        </Typography.Text>
        {' → '}
        <Typography.Text strong>{change.toOwnerName ?? t('ownership.lifecycle.noOwner')}</Typography.Text>
      </div>
      {change.reason ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>
          {t('ownership.lifecycle.reason')}: {poolReasonText(change.reason, t)}
        </Typography.Paragraph>
      ) : null}
    </div>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap="wrap">
        <Segmented<Show>
          size="small"
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: t('ownership.lifecycle.showAll') },
            { value: 'type', label: t('ownership.lifecycle.typeChanges') },
            { value: 'owner', label: t('ownership.lifecycle.ownerChanges') },
          ]}
        />
        {typeChangedAt ? (
          <Typography.Text type="secondary">
            {t('ownership.lifecycle.typeSince', { date: formatDateTime(typeChangedAt) })}
          </Typography.Text>
        ) : null}
      </Flex>
      {entries.length === 0 ? (
        <Empty description={t('ownership.lifecycle.empty')} />
      ) : (
        <Timeline
          items={entries.map((entry) => ({
            key: `${entry.kind}-${entry.change.id}`,
            color: entry.kind === 'type' ? 'purple' : 'cyan',
            content: entry.kind === 'type' ? typeItem(entry.change) : ownerItem(entry.change),
          }))}
        />
      )}
    </Flex>
  );
};
