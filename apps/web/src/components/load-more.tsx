import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  shown: number;
}

/** Keyset pagination: one more page per click, with how many rows are shown so far. */
export const LoadMore = ({ hasMore, loading, onLoadMore, shown }: LoadMoreProps) => {
  const { t } = useTranslation();
  if (shown === 0) return null;
  return (
    <Flex justify="center" align="center" gap={12} wrap="wrap" style={{ marginTop: 16 }}>
      <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.shownCount', { count: shown })}</span>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.noMore')}</span>
      )}
    </Flex>
  );
};
