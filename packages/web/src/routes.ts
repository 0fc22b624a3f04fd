/**
 * The pages of the app: path, Swedish title, who may see them, and the lazily loaded module.
 * Every page is its own chunk, so the guide's first load carries no economy or chart code.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Permission } from './auth/roles.js';
import type { Location } from './router.js';

/** Props every page receives. */
export interface PageProps {
  readonly location: Location;
}

/** One entry of the navigation and route table. */
export interface RouteDef {
  /** First path segment, e.g. `ekonomi`. */
  readonly segment: string;
  readonly title: string;
  readonly permission: Permission;
  /** Shown in the main navigation. */
  readonly inNav: boolean;
  readonly page: LazyExoticComponent<ComponentType<PageProps>>;
}

/** All routes; the first is the start page. */
export const routes: readonly RouteDef[] = [
  {
    segment: 'ansvarsguide',
    title: 'Ansvarsguide',
    permission: 'guide',
    inNav: true,
    page: lazy(() => import('./pages/guide/guide-page.js')),
  },
  {
    segment: 'ekonomi',
    title: 'Ekonomi',
    permission: 'economy.read',
    inNav: true,
    page: lazy(() => import('./pages/economy/economy-page.js')),
  },
  {
    segment: 'avtal',
    title: 'Avtal',
    permission: 'agreements.read',
    inNav: true,
    page: lazy(() => import('./pages/agreements/agreements-page.js')),
  },
  {
    segment: 'arshjul',
    title: 'Årshjul',
    permission: 'calendar.read',
    inNav: true,
    page: lazy(() => import('./pages/calendar/calendar-page.js')),
  },
  {
    segment: 'tvister',
    title: 'Tvister',
    permission: 'disputes.read',
    inNav: true,
    page: lazy(() => import('./pages/disputes/disputes-page.js')),
  },
  {
    segment: 'administration',
    title: 'Administration',
    permission: 'admin',
    inNav: true,
    page: lazy(() => import('./pages/admin/admin-page.js')),
  },
  { segment: 'logga-in', title: 'Logga in', permission: 'guide', inNav: false, page: lazy(() => import('./pages/login/login-page.js')) },
  {
    segment: 'byt-losenord',
    title: 'Byt lösenord',
    permission: 'guide',
    inNav: false,
    page: lazy(() => import('./pages/login/change-password-page.js')),
  },
];
