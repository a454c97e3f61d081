import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import type { Role } from '@civicpulse/contracts';
import { AuthSessionService } from './auth-session.service';

/** Lets signed-in users through; sends everyone else to the login page. */
export const signedInGuard: CanMatchFn = (_route, segments) => {
  const session = inject(AuthSessionService);
  if (session.isSignedIn()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl } });
};

/** Only for users whose role is at least `role` (the API enforces the same). */
export function roleGuard(role: Role): CanMatchFn {
  return () => {
    const session = inject(AuthSessionService);
    return session.hasRole(role) ? true : inject(Router).createUrlTree(['/']);
  };
}
