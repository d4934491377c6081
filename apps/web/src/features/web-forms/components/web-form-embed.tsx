import type { WebForm } from '@kehu/contracts';
import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { embedSnippetOf, publicUrlOf } from '../api/web-forms-api';
import { CopyField } from './copy-field';

/** Where the public finds the form: its link, and the snippet that embeds it in a website. */
export const WebFormEmbed = ({ form }: { form: WebForm }) => {
  const { t } = useTranslation();
  const url = publicUrlOf(form.publicKey);
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      {form.active ? null : <Alert type="warning" showIcon title={t('webForms.inactiveHint')} />}
      <div>
        <Typography.Text strong>{t('webForms.publicUrl')}</Typography.Text>
        <CopyField label={t('webForms.publicUrl')} value={url} />
        <Typography.Link href={url} target="_blank" rel="noreferrer">
          {t('webForms.openPublic')}
        </Typography.Link>
      </div>
      <div>
        <Typography.Text strong>{t('webForms.embed')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('webForms.embedHint')}
        </Typography.Paragraph>
        <CopyField label={t('webForms.embed')} value={embedSnippetOf(form.publicKey)} multiline />
      </div>
    </Flex>
  );
};
