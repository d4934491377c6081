import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { StatusView } from './status-view';

interface ErrorResultProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: the server's message (already in the user's language) and a retry button. */
export const ErrorResult = ({ error, onRetry }: ErrorResultProps) => {
  const { t } = useTranslation();
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  const message = error instanceof Error && error.message ? error.message : t('errors.unexpected');
  if (status === 404)
    return <StatusView status="not-found" title={t('errors.notFoundTitle')} description={message} />;
  if (status === 403)
    return <StatusView status="forbidden" title={t('errors.forbiddenTitle')} description={message} />;
  return (
    <StatusView
      status="error"
      title={t('errors.loadFailed')}
      description={message}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
};
