import { inject } from '@angular/core';
import { Router, type Routes } from '@angular/router';
import { signedInGuard } from './core/auth/auth.guard';
import { headsForOverview, prefetchOverview } from './overview/overview-prefetch';
import { ZorroStylesService } from './shared/zorro-styles.service';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'login.title',
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'public/projects/:code',
    title: 'showcase.title',
    loadComponent: () => import('./showcase/showcase.page').then((m) => m.ShowcasePage),
  },
  {
    path: 'big-screen',
    title: 'nav.bigScreen',
    canMatch: [signedInGuard],
    loadComponent: () => import('./big-screen/big-screen.page').then((m) => m.BigScreenPage),
  },
  {
    path: '',
    canMatch: [signedInGuard],
    loadChildren: () => {
      // Opening the app on the overview: its data and ECharts start loading now, alongside the
      // signed-in layout's code, instead of after it.
      if (headsForOverview(inject(Router).currentNavigation()?.extractedUrl)) prefetchOverview();
      // The layout needs the component library's stylesheet: asked for now, it is in before the
      // first page renders, so the page is styled once instead of again when it arrives.
      inject(ZorroStylesService).ensureLoaded();
      return import('./shell/shell.routes').then((m) => m.SHELL_ROUTES);
    },
  },
  { path: '**', redirectTo: '' },
];
