import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type UrlSegment, UrlTree } from '@angular/router';
import { AuthSessionService } from './auth-session.service';
import { roleGuard, signedInGuard } from './auth.guard';

describe('route guards', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  const segments = [{ path: 'projects' }, { path: 'p1' }] as UrlSegment[];

  it('sends a signed-out user to login with the return URL', () => {
    const result = TestBed.runInInjectionContext(() => signedInGuard({}, segments));
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Fprojects%2Fp1');
  });

  it('lets a signed-in user through and checks roles', () => {
    TestBed.inject(AuthSessionService).start({
      accessToken: 't',
      tokenType: 'Bearer',
      expiresIn: 3600,
      user: {
        id: 1,
        username: 'v',
        displayName: 'V',
        role: 'viewer',
        departmentCode: null,
        disabled: false,
        createdAt: '',
      },
    });
    expect(TestBed.runInInjectionContext(() => signedInGuard({}, segments))).toBe(true);
    expect(TestBed.runInInjectionContext(() => roleGuard('viewer')({}, segments))).toBe(true);
    expect(TestBed.runInInjectionContext(() => roleGuard('admin')({}, segments))).toBeInstanceOf(UrlTree);
  });
});
