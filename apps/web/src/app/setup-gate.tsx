import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorResult } from '../components/error-result';
import { FullPageSpin } from '../components/full-page-spin';
import { setupStatusQueryOptions } from './setup-status';

/** Until the first administrator exists, every page leads to /setup; afterwards /setup leads home. */
export const SetupGate = () => {
  const status = useQuery(setupStatusQueryOptions);
  const { pathname } = useLocation();
  if (status.isPending) return <FullPageSpin />;
  if (status.isError) return <ErrorResult error={status.error} onRetry={() => void status.refetch()} />;
  const onSetupPage = pathname === '/setup';
  if (status.data.needsSetup && !onSetupPage) return <Navigate to="/setup" replace />;
  if (!status.data.needsSetup && onSetupPage) return <Navigate to="/" replace />;
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Outlet />
    </Suspense>
  );
};
