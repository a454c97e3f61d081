import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { LoginResponse } from '@civicpulse/contracts';
import { AuthSessionService } from './auth-session.service';
import { authInterceptor } from './auth.interceptor';

const login: LoginResponse = {
  accessToken: 'token-123',
  tokenType: 'Bearer',
  expiresIn: 3600,
  user: {
    id: 1,
    username: 'ops',
    displayName: 'Ops',
    role: 'operator',
    departmentCode: null,
    disabled: false,
    createdAt: '2025-01-01T00:00:00Z',
  },
};

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: AuthSessionService;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(AuthSessionService);
    session.start(login, 0);
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls', () => {
    http.get('/api/overview').subscribe();
    expect(backend.expectOne('/api/overview').request.headers.get('Authorization')).toBe('Bearer token-123');
  });

  it('does not send the token to public endpoints or other hosts', () => {
    http.get('/api/public/brand-projects/x').subscribe();
    http.get('https://example.org/tiles').subscribe();
    expect(backend.expectOne('/api/public/brand-projects/x').request.headers.has('Authorization')).toBe(
      false,
    );
    expect(backend.expectOne('https://example.org/tiles').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session and goes to the login page on 401', () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    let failed = false;
    http.get('/api/overview').subscribe({ error: () => (failed = true) });
    backend
      .expectOne('/api/overview')
      .flush(
        { code: 'unauthorized', message: 'expired', details: [] },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(failed).toBe(true);
    expect(session.token()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/' } });
  });

  it('leaves other errors to the caller', () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    http.get('/api/overview').subscribe({ error: () => undefined });
    backend.expectOne('/api/overview').flush({}, { status: 500, statusText: 'Server Error' });
    expect(navigate).not.toHaveBeenCalled();
    expect(session.token()).toBe('token-123');
  });
});
