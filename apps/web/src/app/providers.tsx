import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from './i18n';
import { queryClient } from './query-client';

const LocalizedAntd = ({ children }: { children: ReactNode }) => {
  // Re-renders on every language change, so antd's texts switch at once.
  const { i18n: instance } = useTranslation();
  return (
    <ConfigProvider
      locale={instance.language === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}
      // "取消" stays "取消" (not "取 消"): stable accessible names for people and browser tests.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
};

export const Providers = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={i18n}>
    <QueryClientProvider client={queryClient}>
      <LocalizedAntd>{children}</LocalizedAntd>
    </QueryClientProvider>
  </I18nextProvider>
);
