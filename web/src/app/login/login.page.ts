import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { AuthDataService } from '../core/auth/auth-data.service';
import { requestFailure } from '../core/api-error';
import { type AppLocale, LOCALE_NAMES, TranslationService } from '../i18n/translation.service';

/** 登录: username and password, then back to where the user was going. */
@Component({
  selector: 'cp-login-page',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
})
export class LoginPage {
  /** Bound from the query string by the router. */
  readonly returnUrl = input<string | undefined>(undefined);
  private readonly auth = inject(AuthDataService);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly locale = this.i18n.locale;
  protected readonly localeNames = LOCALE_NAMES;
  protected readonly otherLocale = computed<AppLocale>(() => (this.locale() === 'en' ? 'zh-CN' : 'en'));
  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected switchLocale(): void {
    this.i18n.setLocale(this.otherLocale());
  }

  protected submit(): void {
    if (this.busy() || !this.username() || !this.password()) return;
    this.busy.set(true);
    this.failure.set(null);
    this.auth.login({ username: this.username(), password: this.password() }).subscribe({
      next: () => {
        this.busy.set(false);
        const target = this.returnUrl();
        // Only same-app paths: never follow an absolute URL from the query string.
        void this.router.navigateByUrl(
          target && target.startsWith('/') && !target.startsWith('//') ? target : '/overview',
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const code = requestFailure(error);
        this.failure.set(code === 'unauthorized' ? this.t('login.invalid') : this.t(`error.${code}`));
      },
    });
  }
}
