import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../app/api-client';
import { uploadImportFile } from '../api/imports-api';

/** Step 1: a CSV or xlsx file; the server reads its headers and proposes a mapping. */
export const UploadStep = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const upload = useMutation({
    mutationFn: uploadImportFile,
    onSuccess: (created) => void navigate(`/imports/${created.id}`),
  });
  // The server's message is already in the user's language (it names what is wrong with the file).
  const errorMessage = upload.error
    ? isApiError(upload.error)
      ? (upload.error.fields?.file ?? upload.error.message)
      : t('errors.unexpected')
    : null;

  return (
    <>
      <Spin spinning={upload.isPending} description={t('imports.upload.reading')}>
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('imports.upload.drop')}</p>
          <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
        </Upload.Dragger>
      </Spin>
      {errorMessage ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('imports.upload.failed')}
          description={errorMessage}
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('imports.upload.duplicatesNote')}
      </Typography.Paragraph>
    </>
  );
};
