import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Spin, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showError } from '../../../app/forms';
import { formatDateTime } from '../../../components/format';
import { useIsMobile } from '../../../components/use-is-mobile';
import {
  type AppNotification,
  markRead,
  notificationKeys,
  notificationListQueryOptions,
} from '../api/notifications-api';

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

const knownRules = ['noFollowUpDays', 'noNewOpportunityDays', 'noDealDays'] as const;
type Rule = (typeof knownRules)[number];
const isRule = (value: string): value is Rule => (knownRules as readonly string[]).includes(value);

/** A notification in the user's language, from its kind and payload; unknown kinds get a generic text. */
export const notificationText = (notification: AppNotification, t: TFunction): string => {
  const { payload } = notification;
  const rule = text(payload.rule);
  const why = isRule(rule) ? t(`notifications.rules.${rule}`, { days: Number(payload.days) }) : '';
  switch (notification.kind) {
    case 'pool.assigned':
      return t('notifications.kinds.poolAssigned', {
        count: Number(payload.count) || 0,
        pool: text(payload.pool),
        by: text(payload.by),
      });
    case 'pool.reclaimWarning':
      return t('notifications.kinds.poolReclaimWarning', {
        name: text(payload.name),
        pool: text(payload.pool),
        on: text(payload.on).slice(0, 10),
        why,
      });
    case 'pool.reclaimed':
      return t('notifications.kinds.poolReclaimed', {
        name: text(payload.name),
        pool: text(payload.pool),
        why,
      });
    case 'webForm.submitted':
      return t('notifications.kinds.webFormSubmitted', {
        name: text(payload.name),
        form: text(payload.form),
      });
    case 'webForm.duplicate':
      return t('notifications.kinds.webFormDuplicate', {
        name: text(payload.name),
        form: text(payload.form),
        existing: text(payload.existing),
      });
    default:
      return t('notifications.kinds.other');
  }
};

export const NotificationList = ({ onNavigate }: { onNavigate: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(notificationListQueryOptions);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  const read = useMutation({
    mutationFn: markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    onError: (error) => showError(error, message),
  });

  const open = (notification: AppNotification) => {
    if (!notification.readAt) read.mutate([notification.id]);
    if (notification.link) {
      onNavigate();
      void navigate(notification.link);
    }
  };

  return (
    <section
      aria-label={t('notifications.title')}
      style={{ width: isMobile ? '100%' : 380, maxWidth: '100vw' }}
    >
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '10px 12px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={read.isPending}
          onClick={() => read.mutate(undefined)}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: isMobile ? '60vh' : 420, overflowY: 'auto' }}>
        {list.isPending ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((notification) => (
              <li key={notification.id} style={{ borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
                <button
                  type="button"
                  onClick={() => open(notification)}
                  style={{
                    display: 'block',
                    width: '100%',
                    textAlign: 'start',
                    padding: '10px 12px',
                    border: 'none',
                    cursor: 'pointer',
                    background: notification.readAt ? 'transparent' : token.colorPrimaryBg,
                    font: 'inherit',
                    color: token.colorText,
                  }}
                >
                  <span style={{ display: 'block', fontWeight: notification.readAt ? 400 : 600 }}>
                    {notificationText(notification, t)}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(notification.createdAt)}
                    {notification.readAt ? '' : ` · ${t('notifications.unread')}`}
                  </Typography.Text>
                </button>
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage ? (
          <Flex justify="center" style={{ padding: 8 }}>
            <Button size="small" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </div>
    </section>
  );
};
