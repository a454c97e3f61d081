import { TestBed } from '@angular/core/testing';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { TranslationService } from '../i18n/translation.service';
import { syncZorroLocale } from './zorro-locale';

describe('syncZorroLocale', () => {
  beforeEach(() => localStorage.clear());

  it("keeps the component library's texts in the reader's language", () => {
    TestBed.runInInjectionContext(syncZorroLocale);
    const nzI18n = TestBed.inject(NzI18nService);
    TestBed.tick();
    expect(nzI18n.getLocale()).toBe(zh_CN);
    TestBed.inject(TranslationService).setLocale('en');
    TestBed.tick();
    expect(nzI18n.getLocale()).toBe(en_US);
    TestBed.inject(TranslationService).setLocale('zh-CN');
    TestBed.tick();
    expect(nzI18n.getLocale()).toBe(zh_CN);
  });
});
