import { TestBed } from '@angular/core/testing';
import type { LoginResponse } from '@civicpulse/contracts';
import { AuthSessionService } from './auth-session.service';

const response = (role: LoginResponse['user']['role']): LoginResponse => ({
  accessToken: 'tok',
  tokenType: 'Bearer',
  expiresIn: 60,
  user: {
    id: 2,
    username: 'u',
    displayName: 'U',
    role,
    departmentCode: null,
    disabled: false,
    createdAt: '2025-01-01T00:00:00Z',
  },
});

describe('AuthSessionService', () => {
  beforeEach(() => sessionStorage.clear());

  it('is signed in until the token expires', () => {
    const session = TestBed.inject(AuthSessionService);
    session.start(response('viewer'), 1_000);
    expect(session.isSignedIn(1_000)).toBe(true);
    expect(session.isSignedIn(61_000)).toBe(false);
  });

  it('orders roles by power', () => {
    const session = TestBed.inject(AuthSessionService);
    session.start(response('operator'), 0);
    expect(session.hasRole('viewer')).toBe(true);
    expect(session.hasRole('operator')).toBe(true);
    expect(session.hasRole('admin')).toBe(false);
  });

  it('survives a reload through sessionStorage and forgets everything on end()', () => {
    TestBed.inject(AuthSessionService).start(response('admin'), 0);
    TestBed.resetTestingModule();
    const reloaded = TestBed.inject(AuthSessionService);
    expect(reloaded.user()?.role).toBe('admin');
    reloaded.end();
    expect(reloaded.token()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
