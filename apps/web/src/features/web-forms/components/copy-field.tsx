import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy-text';

interface CopyFieldProps {
  label: string;
  value: string;
  multiline?: boolean;
}

/** A read-only value (a link, a snippet) with a copy button. */
export const CopyField = ({ label, value, multiline }: CopyFieldProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await copyText(value);
      void message.success(t('webForms.copied'));
    } catch {
      void message.error(t('webForms.copyFailed'));
    }
  };
  const button = (
    <Button
      icon={<CopyOutlined aria-hidden />}
      onClick={() => void copy()}
      aria-label={t('webForms.copyNamed', { name: label })}
    >
      {t('webForms.copy')}
    </Button>
  );
  if (multiline) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea aria-label={label} value={value} readOnly autoSize={{ minRows: 2, maxRows: 4 }} />
        {button}
      </Space>
    );
  }
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input aria-label={label} value={value} readOnly />
      {button}
    </Space.Compact>
  );
};
