import { computed, Injectable, signal } from '@angular/core';
import type { LoginResponse, Role, UserDto } from '@civicpulse/contracts';
import { ROLES } from '@civicpulse/contracts';

const STORAGE_KEY = 'civicpulse.session';

interface StoredSession {
  token: string;
  /** Epoch ms the token expires. */
  expiresAt: number;
  user: UserDto;
}

/**
 * The signed-in session: the JWT, its expiry and the user. Kept in sessionStorage so a closed tab
 * signs out, and a reload keeps the user signed in.
 */
@Injectable({ providedIn: 'root' })
export class AuthSessionService {
  private readonly session = signal<StoredSession | null>(readSession());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly token = computed(() => this.session()?.token ?? null);

  /** True while a token is held and not past its expiry. */
  isSignedIn(now: number = Date.now()): boolean {
    const s = this.session();
    return s !== null && s.expiresAt > now;
  }

  /** Whether the user's role is at least `role` (roles are ordered by power). */
  hasRole(role: Role): boolean {
    const user = this.user();
    return user !== null && ROLES.indexOf(user.role) >= ROLES.indexOf(role);
  }

  /** Stores the result of a successful login. */
  start(response: LoginResponse, now: number = Date.now()): void {
    const session: StoredSession = {
      token: response.accessToken,
      expiresAt: now + response.expiresIn * 1000,
      user: response.user,
    };
    this.session.set(session);
    try {
      globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Storage unavailable: the session lives in memory only.
    }
  }

  /** Forgets the token (logout, or the API answered 401). */
  end(): void {
    this.session.set(null);
    try {
      globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
  }
}

function readSession(): StoredSession | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (isStoredSession(parsed)) return parsed;
  } catch {
    // corrupt or unavailable storage: start signed out
  }
  return null;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['token'] === 'string' && typeof v['expiresAt'] === 'number' && typeof v['user'] === 'object'
  );
}
