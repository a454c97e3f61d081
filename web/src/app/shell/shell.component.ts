import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NzButtonComponent } from 'ng-zorro-antd/button';
import { AuthSessionService } from '../core/auth/auth-session.service';
import { roleKey } from '../i18n/message-keys';
import { LOCALE_NAMES, TranslationService } from '../i18n/translation.service';
import { ZorroStylesService } from '../shared/zorro-styles.service';
import { LanguageSelectComponent } from './language-select.component';
import { NAV_ITEMS } from './nav-items';

/** Signed-in layout: skip link, navigation, language switch and the signed-in user around the page. */
@Component({
  selector: 'cp-shell',
  // Standalone components, not their modules: only those can load with the template's @defer blocks
  // (the language picker brings the forms module and the component library's select with it).
  imports: [RouterOutlet, RouterLink, RouterLinkActive, LanguageSelectComponent, NzButtonComponent],
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
  protected readonly localeNames = LOCALE_NAMES;
  protected readonly user = this.session.user;
  protected readonly nav = NAV_ITEMS;
  protected readonly roleKey = roleKey;

  constructor() {
    inject(ZorroStylesService).ensureLoaded();
  }

  protected visible(item: (typeof NAV_ITEMS)[number]): boolean {
    return !item.role || this.session.hasRole(item.role);
  }

  protected logout(): void {
    this.session.end();
    void this.router.navigate(['/login']);
  }
}
