import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NzButtonComponent } from 'ng-zorro-antd/button';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { NzOptionComponent, NzSelectComponent } from 'ng-zorro-antd/select';
import { AuthSessionService } from '../core/auth/auth-session.service';
import { roleKey } from '../i18n/message-keys';
import { APP_LOCALES, type AppLocale, LOCALE_NAMES, TranslationService } from '../i18n/translation.service';
import { ZorroStylesService } from '../shared/zorro-styles.service';
import { NAV_ITEMS } from './nav-items';

/** Signed-in layout: skip link, navigation, language switch and the signed-in user around the page. */
@Component({
  selector: 'cp-shell',
  // Standalone components, not their modules: only those can load with the template's @defer blocks.
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    FormsModule,
    NzSelectComponent,
    NzOptionComponent,
    NzButtonComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly i18n = inject(TranslationService);
  private readonly session = inject(AuthSessionService);
  private readonly router = inject(Router);
  protected readonly t = this.i18n.t;
  protected readonly locale = this.i18n.locale;
  protected readonly locales = APP_LOCALES;
  protected readonly localeNames = LOCALE_NAMES;
  protected readonly user = this.session.user;
  protected readonly nav = NAV_ITEMS;
  protected readonly roleKey = roleKey;

  constructor() {
    inject(ZorroStylesService).ensureLoaded();
    const nzI18n = inject(NzI18nService);
    // Keep the component library's own texts (empty states, pagination) in the chosen language.
    effect(() => nzI18n.setLocale(this.i18n.locale() === 'en' ? en_US : zh_CN));
  }

  protected visible(item: (typeof NAV_ITEMS)[number]): boolean {
    return !item.role || this.session.hasRole(item.role);
  }

  protected switchLocale(locale: AppLocale): void {
    this.i18n.setLocale(locale);
  }

  protected logout(): void {
    this.session.end();
    void this.router.navigate(['/login']);
  }
}
