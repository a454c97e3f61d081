import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API_BASE } from '../api-url';
import { AuthSessionService } from './auth-session.service';

/** Routes that must work without a token (and must not bounce to the login page on 401). */
function isAnonymousRoute(url: string): boolean {
  return url.startsWith(`${API_BASE}/public/`) || url === `${API_BASE}/auth/login`;
}

/**
 * Adds the bearer token to API calls and turns a 401 into a trip to the login page, remembering
 * where the user was so they come back after signing in.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(AuthSessionService);
  const router = inject(Router);
  const token = session.token();
  const isApi = request.url.startsWith(`${API_BASE}/`);
  const authorised =
    isApi && token && !isAnonymousRoute(request.url)
      ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
      : request;
  return next(authorised).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        isApi &&
        !isAnonymousRoute(request.url)
      ) {
        session.end();
        void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
      }
      return throwError(() => error);
    }),
  );
};
