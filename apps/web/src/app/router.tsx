import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin';
import { setUnauthorizedHandler } from './api-client';
import { RequireAuth } from './auth';
import { HomeRedirect } from './home-redirect';
import { AppLayout } from './layout';
import { NotFound } from './not-found';
import { clearSessionData } from './query-client';
import { RequirePermission } from './require-permission';
import { RouteError } from './route-error';
import { SetupGate } from './setup-gate';

// Every page is its own chunk: the first load carries only the shell.
const SetupPage = lazy(() =>
  import('../features/setup/routes/setup-page').then((m) => ({ default: m.SetupPage })),
);
const LoginPage = lazy(() =>
  import('../features/auth/routes/login-page').then((m) => ({ default: m.LoginPage })),
);
const CustomersPage = lazy(() =>
  import('../features/customers/routes/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const CustomerDetailRoute = lazy(() =>
  import('./routes/customer-detail-route').then((m) => ({ default: m.CustomerDetailRoute })),
);
const ContactsPage = lazy(() =>
  import('../features/contacts/routes/contacts-page').then((m) => ({ default: m.ContactsPage })),
);
const ContactDetailPage = lazy(() =>
  import('../features/contacts/routes/contact-detail-page').then((m) => ({ default: m.ContactDetailPage })),
);
const PoolsPage = lazy(() =>
  import('../features/pools/routes/pools-page').then((m) => ({ default: m.PoolsPage })),
);
const RecycleBinRoute = lazy(() =>
  import('./routes/recycle-bin-route').then((m) => ({ default: m.RecycleBinRoute })),
);
const UsersPage = lazy(() =>
  import('../features/admin/routes/users-page').then((m) => ({ default: m.UsersPage })),
);
const DepartmentsPage = lazy(() =>
  import('../features/admin/routes/departments-page').then((m) => ({ default: m.DepartmentsPage })),
);
const RolesPage = lazy(() =>
  import('../features/admin/routes/roles-page').then((m) => ({ default: m.RolesPage })),
);
const OrganizationPage = lazy(() =>
  import('../features/settings/routes/organization-page').then((m) => ({ default: m.OrganizationPage })),
);
const DataQualityPage = lazy(() =>
  import('../features/settings/routes/data-quality-page').then((m) => ({ default: m.DataQualityPage })),
);
const ImportUploadPage = lazy(() =>
  import('../features/imports/routes/import-upload-page').then((m) => ({ default: m.ImportUploadPage })),
);
const ImportPage = lazy(() =>
  import('../features/imports/routes/import-page').then((m) => ({ default: m.ImportPage })),
);
const DuplicatesPage = lazy(() =>
  import('../features/duplicates/routes/duplicates-page').then((m) => ({ default: m.DuplicatesPage })),
);
const CustomFieldsPage = lazy(() =>
  import('../features/custom-fields/routes/custom-fields-page').then((m) => ({
    default: m.CustomFieldsPage,
  })),
);
const TagsPage = lazy(() =>
  import('../features/tags/routes/tags-page').then((m) => ({ default: m.TagsPage })),
);
// Outside the app layout: a printout carries no menu.
const CustomerPrintPage = lazy(() =>
  import('../features/printing/routes/customer-print-page').then((m) => ({ default: m.CustomerPrintPage })),
);
const WebFormsPage = lazy(() =>
  import('../features/web-forms/routes/web-forms-page').then((m) => ({ default: m.WebFormsPage })),
);
// Public, no session, no setup check, no menu: a form visitors fill in (also inside an iframe).
const PublicFormPage = lazy(() =>
  import('../features/web-forms/routes/public-form-page').then((m) => ({ default: m.PublicFormPage })),
);

export const router = createBrowserRouter([
  {
    path: 'f/:key',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicFormPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
    children: [
      { path: 'setup', element: <SetupPage /> },
      { path: 'login', element: <LoginPage /> },
      {
        path: 'customers/print',
        element: (
          <RequireAuth>
            <RequirePermission module="customers" action="view">
              <CustomerPrintPage />
            </RequirePermission>
          </RequireAuth>
        ),
        errorElement: <RouteError />,
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: 'customers',
            element: (
              <RequirePermission module="customers" action="view">
                <CustomersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'customers/:id',
            element: (
              <RequirePermission module="customers" action="view">
                <CustomerDetailRoute />
              </RequirePermission>
            ),
          },
          {
            path: 'customers/duplicates',
            element: (
              <RequirePermission module="customers" action="delete">
                <DuplicatesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'customers/import',
            element: (
              <RequirePermission module="customers" action="import">
                <ImportUploadPage />
              </RequirePermission>
            ),
          },
          {
            path: 'imports/:id',
            element: (
              <RequirePermission module="customers" action="import">
                <ImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'contacts',
            element: (
              <RequirePermission module="contacts" action="view">
                <ContactsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'contacts/:id',
            element: (
              <RequirePermission module="contacts" action="view">
                <ContactDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'pools',
            element: (
              <RequirePermission module="pools" action="view">
                <PoolsPage />
              </RequirePermission>
            ),
          },
          { path: 'recycle-bin', element: <RecycleBinRoute /> },
          {
            path: 'admin/users',
            element: (
              <RequirePermission module="users" action="view">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/departments',
            element: (
              <RequirePermission module="departments" action="view">
                <DepartmentsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'admin/roles',
            element: (
              <RequirePermission module="roles" action="view">
                <RolesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/organization',
            element: (
              <RequirePermission module="settings" action="view">
                <OrganizationPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/data-quality',
            element: (
              <RequirePermission module="settings" action="view">
                <DataQualityPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/custom-fields',
            element: (
              <RequirePermission module="settings" action="view">
                <CustomFieldsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/tags',
            element: (
              <RequirePermission module="settings" action="view">
                <TagsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'settings/web-forms',
            element: (
              <RequirePermission module="settings" action="view">
                <WebFormsPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

// A lost session (expired, signed out elsewhere): back to sign-in, then back here afterwards.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login' || pathname === '/setup') return;
  void router
    .navigate(`/login?redirect=${encodeURIComponent(`${pathname}${search}`)}`, { replace: true })
    .then(clearSessionData);
});
