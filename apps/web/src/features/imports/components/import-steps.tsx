import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../components/use-is-mobile';

/** 上传文件 → 字段对应 → 预览 → 导入进度. */
interface ImportStepsProps {
  current: 0 | 1 | 2 | 3;
  /** The import has finished: the last step shows as done too. */
  done?: boolean;
}

export const ImportSteps = ({ current, done = false }: ImportStepsProps) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Steps
      size="small"
      current={current}
      status={done ? 'finish' : 'process'}
      orientation={isMobile ? 'vertical' : 'horizontal'}
      style={{ marginBottom: 20 }}
      items={[
        { title: t('imports.steps.upload') },
        { title: t('imports.steps.mapping') },
        { title: t('imports.steps.preview') },
        { title: t('imports.steps.progress') },
      ]}
    />
  );
};
