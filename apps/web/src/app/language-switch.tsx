import type { Locale } from '@kehu/contracts';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from './auth';
import { isLocale } from './i18n';

const options: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** 中文 / English: switches at once; remembered on the account when signed in, else on this browser. */
export const LanguageSwitch = ({ size }: { size?: 'small' | 'middle' }) => {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <Segmented<Locale>
      aria-label={t('layout.language')}
      size={size}
      options={options}
      value={isLocale(i18n.language) ? i18n.language : 'en'}
      onChange={(locale) => void changeLanguage(locale)}
    />
  );
};
