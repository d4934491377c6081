import {
  ApartmentOutlined,
  BankOutlined,
  ContactsOutlined,
  DeleteOutlined,
  DownOutlined,
  FormOutlined,
  InboxOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  MergeCellsOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Layout, Menu, type MenuProps, theme } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { useIsMobile } from '../components/use-is-mobile';
import { logout } from '../features/auth/api/auth-api';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { setCsrfToken } from './api-client';
import { useCan, useSession } from './auth';
import { showError } from './forms';
import { LanguageSwitch } from './language-switch';
import { clearSessionData } from './query-client';

// Loaded when first opened: forms are not part of the first load.
const ChangePasswordModal = lazy(() =>
  import('../features/auth/components/change-password-modal').then((m) => ({
    default: m.ChangePasswordModal,
  })),
);

const MobileNav = lazy(() => import('./mobile-nav').then((m) => ({ default: m.MobileNav })));

type MenuItem = NonNullable<MenuProps['items']>[number];

const menuKeys = [
  '/customers/duplicates',
  '/customers',
  '/contacts',
  '/pools',
  '/recycle-bin',
  '/admin/users',
  '/admin/departments',
  '/admin/roles',
  '/settings/organization',
  '/settings/data-quality',
  '/settings/custom-fields',
  '/settings/web-forms',
  '/settings/tags',
] as const;

const selectedKey = (pathname: string): string[] => {
  const key = menuKeys.find((candidate) => pathname === candidate || pathname.startsWith(`${candidate}/`));
  return key ? [key] : [];
};

const useMenuItems = (): MenuItem[] => {
  const { t } = useTranslation();
  const can = useCan();
  const link = (to: string, label: string) => <Link to={to}>{label}</Link>;
  const main: MenuItem[] = [];
  if (can('customers', 'view')) {
    main.push({
      key: '/customers',
      icon: <TeamOutlined aria-hidden />,
      label: link('/customers', t('nav.customers')),
    });
  }
  if (can('customers', 'delete')) {
    main.push({
      key: '/customers/duplicates',
      icon: <MergeCellsOutlined aria-hidden />,
      label: link('/customers/duplicates', t('nav.duplicates')),
    });
  }
  if (can('contacts', 'view')) {
    main.push({
      key: '/contacts',
      icon: <ContactsOutlined aria-hidden />,
      label: link('/contacts', t('nav.contacts')),
    });
  }
  if (can('pools', 'view')) {
    main.push({
      key: '/pools',
      icon: <InboxOutlined aria-hidden />,
      label: link('/pools', t('nav.pools')),
    });
  }
  if (can('customers', 'view') || can('contacts', 'view')) {
    main.push({
      key: '/recycle-bin',
      icon: <DeleteOutlined aria-hidden />,
      label: link('/recycle-bin', t('nav.recycleBin')),
    });
  }
  const admin: MenuItem[] = [];
  if (can('users', 'view')) {
    admin.push({
      key: '/admin/users',
      icon: <UserOutlined aria-hidden />,
      label: link('/admin/users', t('nav.users')),
    });
  }
  if (can('departments', 'view')) {
    admin.push({
      key: '/admin/departments',
      icon: <ApartmentOutlined aria-hidden />,
      label: link('/admin/departments', t('nav.departments')),
    });
  }
  if (can('roles', 'view')) {
    admin.push({
      key: '/admin/roles',
      icon: <SafetyCertificateOutlined aria-hidden />,
      label: link('/admin/roles', t('nav.roles')),
    });
  }
  if (can('settings', 'view')) {
    admin.push({
      key: '/settings/organization',
      icon: <BankOutlined aria-hidden />,
      label: link('/settings/organization', t('nav.organization')),
    });
    admin.push({
      key: '/settings/data-quality',
      icon: <SettingOutlined aria-hidden />,
      label: link('/settings/data-quality', t('nav.settings')),
    });
    admin.push({
      key: '/settings/custom-fields',
      icon: <FormOutlined aria-hidden />,
      label: link('/settings/custom-fields', t('nav.customFields')),
    });
    admin.push({
      key: '/settings/web-forms',
      icon: <ProfileOutlined aria-hidden />,
      label: link('/settings/web-forms', t('nav.webForms')),
    });
    admin.push({
      key: '/settings/tags',
      icon: <TagsOutlined aria-hidden />,
      label: link('/settings/tags', t('nav.tags')),
    });
  }
  if (admin.length > 0) main.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: admin });
  return main;
};

const Brand = () => <strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>Kehu · 客户</strong>;

export const AppLayout = () => {
  const { t } = useTranslation();
  const { user, organization } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isMobile = useIsMobile();
  const items = useMenuItems();
  const { token } = theme.useToken();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  const signOut = async () => {
    try {
      await logout();
    } catch (error) {
      showError(error, message);
      return;
    }
    setCsrfToken(null);
    await navigate('/login', { replace: true });
    clearSessionData();
  };

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <LockOutlined aria-hidden />, label: t('auth.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('auth.signOut') },
  ];

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selectedKey(pathname)}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Suspense fallback={null}>
          <MobileNav open={drawerOpen} onClose={() => setDrawerOpen(false)} title={<Brand />}>
            <nav aria-label={t('layout.mainNavigation')}>{menu}</nav>
          </MobileNav>
        </Suspense>
      ) : (
        <Layout.Sider
          width={216}
          theme="light"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div style={{ padding: '16px 24px' }}>
            <Brand />
          </div>
          <nav aria-label={t('layout.mainNavigation')}>{menu}</nav>
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: isMobile ? '0 8px' : '0 24px',
            height: 56,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isMobile ? (
            <Button
              type="text"
              icon={<MenuOutlined aria-hidden />}
              aria-label={t('layout.openMenu')}
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <strong
            title={organization.name}
            style={{
              flex: 1,
              minWidth: 0,
              fontSize: 16,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
              color: token.colorText,
            }}
            data-testid="organization-name"
          >
            {organization.name}
          </strong>
          <Flex align="center" gap={isMobile ? 4 : 12} style={{ flexShrink: 0 }}>
            <LanguageSwitch size={isMobile ? 'small' : 'middle'} />
            <NotificationBell />
            <Dropdown
              trigger={['click']}
              menu={{
                items: userMenu,
                onClick: ({ key }) => {
                  if (key === 'password') setPasswordOpen(true);
                  if (key === 'logout') void signOut();
                },
              }}
            >
              <Button type="text" aria-label={t('layout.userMenu', { name: user.name })}>
                <UserOutlined aria-hidden />
                {isMobile ? null : (
                  <>
                    <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {user.name}
                    </span>
                    <DownOutlined aria-hidden style={{ fontSize: 10 }} />
                  </>
                )}
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <main>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
      {passwordOpen ? (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setPasswordOpen(false)} />
        </Suspense>
      ) : null}
    </Layout>
  );
};
