import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateUserRequest, UpdateUserRequest, UserDto } from '@civicpulse/contracts';
import type { Observable } from 'rxjs';
import { API_BASE } from '../core/api-url';

/** User management (admin only; the API enforces the role). */
@Injectable({ providedIn: 'root' })
export class UserDataService {
  private readonly http = inject(HttpClient);

  users(): Observable<UserDto[]> {
    return this.http.get<UserDto[]>(`${API_BASE}/admin/users`);
  }

  create(request: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>(`${API_BASE}/admin/users`, request);
  }

  update(id: number, request: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`${API_BASE}/admin/users/${id}`, request);
  }
}
