import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { StatusView } from '../components/status-view';

/** Anything a page throws while rendering (including a failed lazy chunk after a deploy). */
export const RouteError = () => {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <StatusView
        status="not-found"
        title={t('errors.notFoundTitle')}
        description={t('errors.pageNotFound')}
      />
    );
  }
  return (
    <StatusView
      status="error"
      title={t('errors.unexpected')}
      description={error instanceof Error ? error.message : undefined}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
};
