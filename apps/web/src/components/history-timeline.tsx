import type { HistoryEntry } from '@kehu/contracts';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyMark, formatDateTime } from './format';
import { LoadMore } from './load-more';

interface HistoryTimelineProps {
  entries: readonly HistoryEntry[];
  /** The translated label of a record field. */
  fieldLabel: (field: string) => string;
  /** Shows one value of a field (translated enum, joined list...); default: plain text. */
  formatValue?: (field: string, value: unknown) => ReactNode;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

const actionColor: Record<HistoryEntry['action'], string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'gray',
};

export const plainValue = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return emptyMark;
  if (Array.isArray(value)) return value.length ? value.map(plainValue).join(', ') : emptyMark;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** Who changed what and when: field by field, old → new (names from the server where values are ids). */
export const HistoryTimeline = ({
  entries,
  fieldLabel,
  formatValue,
  hasMore,
  loadingMore,
  onLoadMore,
}: HistoryTimelineProps) => {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty description={t('history.empty')} />;
  const show = (field: string, value: unknown): ReactNode =>
    formatValue ? formatValue(field, value) : plainValue(value);

  return (
    <>
      <Timeline
        items={entries.map((entry) => ({
          key: entry.id,
          color: actionColor[entry.action],
          content: (
            <div>
              <Flex gap={8} wrap="wrap" align="center">
                <Tag color={actionColor[entry.action]} style={{ marginInlineEnd: 0 }}>
                  {t(`history.actions.${entry.action}`)}
                </Tag>
                <Typography.Text>{entry.actorName ?? t('history.system')}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
              </Flex>
              {entry.action === 'update' && entry.changes.length > 0 ? (
                <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
                  {entry.changes.map((change) => (
                    <li key={change.field} style={{ overflowWrap: 'anywhere' }}>
                      <Typography.Text strong>{fieldLabel(change.field)}</Typography.Text>
                      {': '}
                      <Typography.Text type="secondary" delete>
                        {change.oldLabel ?? show(change.field, change.old)}
                      </Typography.Text>
                      {' → '}
                      <Typography.Text>{change.newLabel ?? show(change.field, change.new)}</Typography.Text>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ),
        }))}
      />
      {hasMore ? (
        <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={onLoadMore} shown={entries.length} />
      ) : null}
    </>
  );
};
