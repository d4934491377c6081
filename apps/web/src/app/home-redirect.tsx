import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { StatusView } from '../components/status-view';
import { useCan } from './auth';

/** `/` opens the first page the user's role may see. */
export const HomeRedirect = () => {
  const can = useCan();
  const { t } = useTranslation();
  if (can('customers', 'view')) return <Navigate to="/customers" replace />;
  if (can('contacts', 'view')) return <Navigate to="/contacts" replace />;
  if (can('users', 'view')) return <Navigate to="/admin/users" replace />;
  if (can('departments', 'view')) return <Navigate to="/admin/departments" replace />;
  if (can('roles', 'view')) return <Navigate to="/admin/roles" replace />;
  return <StatusView status="info" title={t('layout.welcome')} description={t('layout.noModules')} />;
};
