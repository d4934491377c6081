import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { ImportSteps } from '../components/import-steps';
import { RecentImports } from '../components/recent-imports';
import { UploadStep } from '../components/upload-step';

/** 导入客户, step 1: the file; the wizard goes on at /imports/:id. */
export const ImportUploadPage = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('imports.title')} />
      <ImportSteps current={0} />
      <UploadStep />
      <RecentImports />
    </>
  );
};
