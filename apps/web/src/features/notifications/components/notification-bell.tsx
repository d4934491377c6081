import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Popover } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../components/use-is-mobile';
import { unreadQueryOptions } from '../api/notifications-api';

// The list (and its texts) loads when the bell is first opened.
const NotificationList = lazy(() =>
  import('./notification-list').then((m) => ({ default: m.NotificationList })),
);

/** The header's bell: the unread count, and the notifications in a popover. */
export const NotificationBell = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const unread = useQuery(unreadQueryOptions);
  const count = unread.data ?? 0;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      arrow={false}
      destroyOnHidden
      styles={{ container: { padding: 0 } }}
      content={
        <Suspense fallback={<div style={{ width: isMobile ? 'calc(100vw - 24px)' : 380, height: 80 }} />}>
          <NotificationList onNavigate={() => setOpen(false)} />
        </Suspense>
      }
    >
      <Button
        type="text"
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined aria-hidden style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
};
