import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Popover } from 'antd';
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
  const bell = (
    <Button
      type="text"
      aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      onClick={isMobile ? () => setOpen(true) : undefined}
      icon={
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined aria-hidden style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
  // On a phone the bell is not at the screen's edge: a popover under it would start off-screen.
  if (isMobile) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="top"
          size="75%"
          // The list has its own heading; a tap outside or Escape closes the drawer.
          closable={false}
          destroyOnHidden
          styles={{ body: { padding: 0 } }}
        >
          <Suspense fallback={null}>
            <NotificationList onNavigate={() => setOpen(false)} />
          </Suspense>
        </Drawer>
      </>
    );
  }
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
        <Suspense fallback={<div style={{ width: 380, height: 80 }} />}>
          <NotificationList onNavigate={() => setOpen(false)} />
        </Suspense>
      }
    >
      {bell}
    </Popover>
  );
};
