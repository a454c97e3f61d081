import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { LoginResponse } from '@civicpulse/contracts';
import { AuthSessionService } from '../core/auth/auth-session.service';
import { LoginPage } from './login.page';

const ok: LoginResponse = {
  accessToken: 'jwt',
  tokenType: 'Bearer',
  expiresIn: 3600,
  user: {
    id: 1,
    username: 'leader',
    displayName: '张三',
    role: 'viewer',
    departmentCode: null,
    disabled: false,
    createdAt: '2025-01-01T00:00:00Z',
  },
};

describe('LoginPage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
  });

  async function fillAndSubmit(returnUrl?: string) {
    const fixture = TestBed.createComponent(LoginPage);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('#cp-username', 'leader');
    type('#cp-password', 'pa55word');
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    return { fixture, root };
  }

  it('signs in and returns to the page the user came from', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fillAndSubmit('/projects/healthy-city');
    const request = TestBed.inject(HttpTestingController).expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ username: 'leader', password: 'pa55word' });
    request.flush(ok);
    expect(TestBed.inject(AuthSessionService).token()).toBe('jwt');
    expect(navigate).toHaveBeenCalledWith('/projects/healthy-city');
  });

  it('never follows an absolute return URL', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fillAndSubmit('//evil.example/');
    TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(ok);
    expect(navigate).toHaveBeenCalledWith('/overview');
  });

  it('explains a rejected login', async () => {
    const { fixture, root } = await fillAndSubmit();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/login')
      .flush(
        { code: 'unauthorized', message: 'bad credentials', details: [] },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('用户名或密码不正确');
  });
});
