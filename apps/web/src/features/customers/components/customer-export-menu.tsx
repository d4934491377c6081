import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import type { CreateExport } from '@kehu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../app/forms';
import type { CustomerFilters } from '../api/customers-api';
import { startExport } from '../api/pool-moves-api';

const CustomerExportModal = lazy(() =>
  import('./customer-export-modal').then((m) => ({ default: m.CustomerExportModal })),
);

type Format = 'csv' | 'xlsx';

/** "Export": the list as it is filtered now, written on the server as CSV or Excel. */
export const CustomerExportMenu = ({ filters }: { filters: CustomerFilters }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exportId, setExportId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (format: Format) => {
      const { deleted: _deleted, ...rest } = filters;
      return startExport({ entity: 'customer', format, filters: rest as CreateExport['filters'] });
    },
    onSuccess: (started) => setExportId(started.id),
    onError: (error) => showError(error, message),
  });
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'csv', label: t('exports.csv') },
            { key: 'xlsx', label: t('exports.xlsx') },
          ],
          onClick: ({ key }) => start.mutate(key as Format),
        }}
      >
        <Button icon={<DownloadOutlined aria-hidden />} loading={start.isPending}>
          {t('exports.menu')} <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      {exportId ? (
        <Suspense fallback={null}>
          <CustomerExportModal exportId={exportId} onClose={() => setExportId(null)} />
        </Suspense>
      ) : null}
    </>
  );
};
