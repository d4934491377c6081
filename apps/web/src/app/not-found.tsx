import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { StatusView } from '../components/status-view';

export const NotFound = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <StatusView
      status="not-found"
      title={t('errors.notFoundTitle')}
      description={t('errors.pageNotFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
};
