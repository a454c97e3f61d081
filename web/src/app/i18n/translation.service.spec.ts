import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslationService } from './translation.service';

describe('TranslationService', () => {
  beforeEach(() => localStorage.clear());

  function create(): TranslationService {
    TestBed.resetTestingModule();
    const service = TestBed.inject(TranslationService);
    TestBed.tick();
    return service;
  }

  it('defaults to Simplified Chinese and sets <html lang>', () => {
    const i18n = create();
    expect(i18n.locale()).toBe('zh-CN');
    expect(i18n.t('nav.overview')).toBe('城市运行总览');
    expect(i18n.apiLang()).toBe('zh');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('zh-CN');
  });

  it('switches to English at run time, persists the choice and updates <html lang>', () => {
    const i18n = create();
    i18n.setLocale('en');
    TestBed.tick();
    expect(i18n.t('nav.overview')).toBe('City overview');
    expect(i18n.apiLang()).toBe('en');
    expect(localStorage.getItem('civicpulse.locale')).toBe('en');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
    // A new app instance starts in the remembered language.
    expect(create().locale()).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const i18n = create();
    expect(i18n.t('overview.openAlerts', { count: 3 })).toBe('3 条未处理告警');
    expect(i18n.t('overview.openAlerts')).toBe('{count} 条未处理告警');
  });

  it('localizes numbers, dates and bilingual names', () => {
    const i18n = create();
    expect(i18n.number(1234.5, 'km')).toBe('1,234.5 km');
    expect(i18n.date('2025-03-01T00:00:00+08:00', 'month')).toBe('2025年3月');
    expect(i18n.name({ nameZh: '中心区', nameEn: 'Central' })).toBe('中心区');
    expect(i18n.percent(0.85)).toBe('85%');
    i18n.setLocale('en');
    expect(i18n.date('2025-03-01T00:00:00+08:00', 'month')).toBe('Mar 2025');
    expect(i18n.name({ nameZh: '中心区', nameEn: 'Central' })).toBe('Central');
    expect(i18n.date(null)).toBe('—');
  });

  it('describes periods in words', () => {
    const i18n = create();
    const base = { previousKey: null, timeZone: 'Asia/Shanghai' };
    expect(
      i18n.period({ ...base, key: '2025-Q3', kind: 'quarter', from: '2025-07-01', to: '2025-09-30' }),
    ).toBe('2025年第3季度');
    i18n.setLocale('en');
    expect(
      i18n.period({ ...base, key: '2025-Q3', kind: 'quarter', from: '2025-07-01', to: '2025-09-30' }),
    ).toBe('Q3 2025');
    expect(i18n.period({ ...base, key: 'ytd', kind: 'to_date', from: '2025-01-01', to: '2025-06-30' })).toBe(
      'Jan 1, 2025 – Jun 30, 2025',
    );
  });

  it('ignores an unknown stored locale', () => {
    localStorage.setItem('civicpulse.locale', 'fr');
    expect(create().locale()).toBe('zh-CN');
  });
});
