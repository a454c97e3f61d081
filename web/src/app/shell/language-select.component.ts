import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzOptionComponent, NzSelectComponent } from 'ng-zorro-antd/select';
import { APP_LOCALES, type AppLocale, LOCALE_NAMES, TranslationService } from '../i18n/translation.service';
import { syncZorroLocale } from '../shared/zorro-locale';
import { ZorroStylesService } from '../shared/zorro-styles.service';

/**
 * The language picker of the top bar. Its own component so that the forms module and the
 * component library load with it (the layout defers it until idle), not with the layout.
 */
@Component({
  selector: 'cp-language-select',
  imports: [FormsModule, NzSelectComponent, NzOptionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-select
      class="lang"
      [ngModel]="locale()"
      (ngModelChange)="switchLocale($event)"
      [attr.aria-label]="t('shell.language')"
      nzSize="small"
    >
      @for (l of locales; track l) {
        <nz-option [nzValue]="l" [nzLabel]="localeNames[l]" />
      }
    </nz-select>
  `,
  styles: `
    .lang {
      width: 110px;
    }
  `,
})
export class LanguageSelectComponent {
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly locale = this.i18n.locale;
  protected readonly locales = APP_LOCALES;
  protected readonly localeNames = LOCALE_NAMES;

  constructor() {
    inject(ZorroStylesService).ensureLoaded();
    syncZorroLocale();
  }

  protected switchLocale(locale: AppLocale): void {
    this.i18n.setLocale(locale);
  }
}
