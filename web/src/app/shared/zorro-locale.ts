import { effect, inject } from '@angular/core';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { TranslationService } from '../i18n/translation.service';

/**
 * Keeps the component library's own texts (empty states, select search) in the reader's language.
 * Called, in an injection context, by each component that shows ng-zorro components, so pages and
 * the signed-in layout without any do not load the library's code before their first render.
 */
export function syncZorroLocale(): void {
  const nzI18n = inject(NzI18nService);
  const i18n = inject(TranslationService);
  effect(() => {
    const locale = i18n.locale() === 'en' ? en_US : zh_CN;
    // Several components may sync at once; setting the same locale again would re-render theirs.
    if (nzI18n.getLocale() !== locale) nzI18n.setLocale(locale);
  });
}
