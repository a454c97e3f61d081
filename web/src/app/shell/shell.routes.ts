import type { Routes } from '@angular/router';
import { roleGuard } from '../core/auth/auth.guard';
import { prefetchOverview } from '../overview/overview-prefetch';
import { ShellComponent } from './shell.component';

/**
 * Signed-in pages. The component library needs no providers here: its locale service is the
 * application-wide one, kept in the reader's language by the components that use the library
 * (`syncZorroLocale`).
 */
export const SHELL_ROUTES: Routes = [
  {
    path: '',
    component: ShellComponent,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'overview' },
      {
        path: 'overview',
        title: 'nav.overview',
        loadComponent: () => {
          prefetchOverview();
          return import('../overview/overview.page').then((m) => m.OverviewPage);
        },
      },
      {
        path: 'projects',
        title: 'nav.projects',
        loadComponent: () => import('../projects/project-list.page').then((m) => m.ProjectListPage),
      },
      {
        path: 'projects/:code',
        title: 'nav.projects',
        loadComponent: () =>
          import('../projects/detail/project-detail.page').then((m) => m.ProjectDetailPage),
      },
      {
        path: 'indicators',
        title: 'nav.indicators',
        loadComponent: () =>
          import('../indicators/indicator-explorer.page').then((m) => m.IndicatorExplorerPage),
      },
      {
        path: 'alerts',
        title: 'nav.alerts',
        loadComponent: () => import('../alerts/alerts.page').then((m) => m.AlertsPage),
      },
      {
        path: 'sources',
        title: 'nav.sources',
        canMatch: [roleGuard('operator')],
        loadComponent: () => import('../sources/sources.page').then((m) => m.SourcesPage),
      },
      {
        path: 'sources/runs/:id',
        title: 'nav.sources',
        loadComponent: () => import('../sources/run-detail.page').then((m) => m.RunDetailPage),
      },
      {
        path: 'admin/users',
        title: 'nav.users',
        canMatch: [roleGuard('admin')],
        loadComponent: () => import('../admin/users.page').then((m) => m.UsersPage),
      },
    ],
  },
];
