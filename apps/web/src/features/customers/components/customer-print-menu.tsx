import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

const layouts = ['address', 'phone', 'labels'] as const;

/** "Print": the list as it is filtered now, as an address list, a phone list or envelope labels. */
export const CustomerPrintMenu = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const open = (layout: string) => {
    const next = new URLSearchParams(params);
    next.set('layout', layout);
    void navigate(`/customers/print?${next.toString()}`);
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: layouts.map((layout) => ({ key: layout, label: t(`printing.layouts.${layout}`) })),
        onClick: ({ key }) => open(key),
      }}
    >
      <Button icon={<PrinterOutlined aria-hidden />}>
        {t('printing.menu')} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
};
