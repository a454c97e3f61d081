import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LoginRequest, LoginResponse, UserDto } from '@civicpulse/contracts';
import { type Observable, tap } from 'rxjs';
import { API_BASE } from '../api-url';
import { AuthSessionService } from './auth-session.service';

/** Login and "who am I" against the API. */
@Injectable({ providedIn: 'root' })
export class AuthDataService {
  private readonly http = inject(HttpClient);
  private readonly session = inject(AuthSessionService);

  /** Signs in and starts the session on success. */
  login(request: LoginRequest): Observable<LoginResponse> {
    return this.http
      .post<LoginResponse>(`${API_BASE}/auth/login`, request)
      .pipe(tap((response) => this.session.start(response)));
  }

  me(): Observable<UserDto> {
    return this.http.get<UserDto>(`${API_BASE}/auth/me`);
  }
}
