import { DownOutlined, EyeOutlined } from '@ant-design/icons';
import type { Segment } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, type MenuProps, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth';
import { showError } from '../../../app/forms';
import type { CustomerFilters } from '../api/customers-api';
import {
  segmentCountQueryOptions,
  segmentKeys,
  segmentsQueryOptions,
  updateSegment,
} from '../api/segments-api';
import { sameFilters, urlFiltersOf, viewFiltersOf } from './customer-view-filters';

// The dialogs (forms and the manage list) load when first opened.
const SaveViewModal = lazy(() =>
  import('./customer-view-modals').then((m) => ({ default: m.SaveViewModal })),
);
const ManageViewsModal = lazy(() =>
  import('./customer-view-modals').then((m) => ({ default: m.ManageViewsModal })),
);

interface CustomerViewsMenuProps {
  filters: CustomerFilters;
  viewId: string | undefined;
  onApply: (id: string, filters: Record<string, string>) => void;
  onLeave: () => void;
}

type MenuItem = NonNullable<MenuProps['items']>[number];

const ViewLabel = ({ view, mine }: { view: Segment; mine: boolean }) => {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" gap={16} align="center">
      <span>{view.name}</span>
      <Flex gap={4} align="center">
        {view.visibility === 'department' ? (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t('segments.shared')}
          </Tag>
        ) : null}
        {mine ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {view.ownerName ?? ''}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
};

/** Saved views of the customer list: pick one, save the current filters, update or manage them. */
export const CustomerViewsMenu = ({ filters, viewId, onApply, onLeave }: CustomerViewsMenuProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'save' | 'manage' | undefined>();
  const views = useQuery(segmentsQueryOptions);
  const items = views.data ?? [];
  const active = viewId ? items.find((view) => view.id === viewId) : undefined;
  const count = useQuery({ ...segmentCountQueryOptions(active?.id ?? ''), enabled: active !== undefined });
  const changed = active !== undefined && !sameFilters(active.filters, filters);

  const update = useMutation({
    mutationFn: (view: Segment) => updateSegment(view.id, { filters: viewFiltersOf(filters) }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.all });
      void message.success(t('segments.updated', { name: saved.name }));
    },
    onError: (error) => showError(error, message),
  });

  const mine = items.filter((view) => view.ownerId === user.id);
  const others = items.filter((view) => view.ownerId !== user.id);
  const viewItem = (view: Segment): MenuItem => ({
    key: `view:${view.id}`,
    label: <ViewLabel view={view} mine={view.ownerId === user.id} />,
  });
  const menuItems: MenuItem[] = [];
  if (mine.length > 0) {
    menuItems.push({ type: 'group', key: 'mine', label: t('segments.mine'), children: mine.map(viewItem) });
  }
  if (others.length > 0) {
    menuItems.push({
      type: 'group',
      key: 'others',
      label: t('segments.sharedWithMe'),
      children: others.map(viewItem),
    });
  }
  if (items.length === 0) {
    menuItems.push({ key: 'empty', label: t('segments.none'), disabled: true });
  }
  menuItems.push({ type: 'divider' });
  if (active && changed && active.editable) {
    menuItems.push({ key: 'update', label: t('segments.update', { name: active.name }) });
  }
  menuItems.push({ key: 'save', label: active && changed ? t('segments.saveAsNew') : t('segments.save') });
  if (active) menuItems.push({ key: 'leave', label: t('segments.leave') });
  if (items.length > 0) menuItems.push({ key: 'manage', label: t('segments.manage') });

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('view:')) {
      const view = items.find((candidate) => `view:${candidate.id}` === key);
      if (view) onApply(view.id, urlFiltersOf(view.filters));
    } else if (key === 'update' && active) update.mutate(active);
    else if (key === 'leave') onLeave();
    else if (key === 'save' || key === 'manage') setDialog(key);
  };

  const total = count.data ? (count.data.capped ? '10000+' : String(count.data.count)) : undefined;

  return (
    <Flex gap={8} align="center" wrap="wrap">
      <Dropdown
        trigger={['click']}
        menu={{
          items: menuItems,
          onClick,
          selectable: true,
          selectedKeys: active ? [`view:${active.id}`] : [],
          style: { minWidth: 260 },
        }}
      >
        <Button icon={<EyeOutlined aria-hidden />} loading={update.isPending}>
          <span style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {active ? t('segments.activeView', { name: active.name }) : t('segments.views')}
          </span>
          <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      {active && total !== undefined ? (
        <Typography.Text type="secondary" data-testid="view-count">
          {t('segments.members', { total })}
        </Typography.Text>
      ) : null}
      {changed ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('segments.modified')}
        </Typography.Text>
      ) : null}
      {dialog === 'save' ? (
        <Suspense fallback={null}>
          <SaveViewModal
            filters={viewFiltersOf(filters)}
            onClose={() => setDialog(undefined)}
            onSaved={(saved) => onApply(saved.id, urlFiltersOf(saved.filters))}
          />
        </Suspense>
      ) : null}
      {dialog === 'manage' ? (
        <Suspense fallback={null}>
          <ManageViewsModal views={items} onClose={() => setDialog(undefined)} />
        </Suspense>
      ) : null}
    </Flex>
  );
};
