import type { PermissionModule } from '@kehu/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusView } from '../components/status-view';
import { useCan } from './auth';

interface RequirePermissionProps {
  module: PermissionModule;
  action: string;
  children: ReactNode;
}

/** Pages a role may not open show a 403 (the server refuses the data anyway). */
export const RequirePermission = ({ module, action, children }: RequirePermissionProps) => {
  const can = useCan();
  const { t } = useTranslation();
  if (!can(module, action)) {
    return (
      <StatusView
        status="forbidden"
        title={t('errors.forbiddenTitle')}
        description={t('errors.forbiddenPage')}
      />
    );
  }
  return children;
};
