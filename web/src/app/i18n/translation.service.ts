import { computed, DOCUMENT, effect, inject, Injectable, signal } from '@angular/core';
import {
  formatChartDate,
  formatChartNumber,
  localizeUnit,
  type ChartLocale,
  type DateGranularity,
} from '@civicpulse/charts';
import type { Lang, PeriodDto } from '@civicpulse/contracts';
import { EN } from './en';
import { ZH_CN, type MessageKey } from './zh-CN';

/** Locales the app ships with; zh-CN is the default. */
export type AppLocale = ChartLocale;
export const APP_LOCALES: readonly AppLocale[] = ['zh-CN', 'en'];

/**
 * Each language named in itself (autonyms), so a reader can find theirs whatever is active;
 * these are deliberately not translated.
 */
export const LOCALE_NAMES: Record<AppLocale, string> = { 'zh-CN': '简体中文', en: 'English' };

const STORAGE_KEY = 'civicpulse.locale';

/** Parameters substituted into `{name}` placeholders of a message. */
export type MessageParams = Record<string, string | number>;

/**
 * A catalogue unit, or an indicator with its unit (then the indicator's own label is used where
 * the unit alone is too general, e.g. 张/千人 for hospital beds).
 */
export type UnitRef = string | { unit: string; indicatorCode: string };

/** Anything named in both languages (indicators, regions, projects …). */
export interface BilingualName {
  nameZh: string;
  nameEn: string;
}

/**
 * Signal-based translation: `t()` reads the active locale, so templates and computed values
 * re-render when the user switches language. The choice is persisted and mirrored to `<html lang>`.
 */
@Injectable({ providedIn: 'root' })
export class TranslationService {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<AppLocale>(readStoredLocale());

  /** The active locale. */
  readonly locale = this.current.asReadonly();
  /** Language code the API expects for generated text. */
  readonly apiLang = computed<Lang>(() => (this.current() === 'en' ? 'en' : 'zh'));
  private readonly dictionary = computed(() => (this.current() === 'en' ? EN : ZH_CN));

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.current();
    });
  }

  /** Switches the language at run time and remembers the choice. */
  setLocale(locale: AppLocale): void {
    this.current.set(locale);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode or disabled storage: the choice lasts for this session only.
    }
  }

  /** Translates a key, filling `{placeholders}` from params. Bound, so templates can call `t(...)`. */
  readonly t = (key: MessageKey, params?: MessageParams): string => {
    const message = this.dictionary()[key];
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };

  /** Picks the name in the active language. */
  readonly name = (item: BilingualName | null | undefined): string =>
    item ? (this.current() === 'en' ? item.nameEn : item.nameZh) : '';

  /** Picks between a zh and an en text (for fields named `…Zh` / `…En`). */
  readonly pick = (zh: string | null | undefined, en: string | null | undefined): string =>
    (this.current() === 'en' ? en : zh) ?? '';

  /** Formats a number (with optional unit, translated) in the active locale. */
  readonly number = (
    value: number | null | undefined,
    unit?: UnitRef,
    maximumFractionDigits?: number,
  ): string =>
    formatChartNumber(value, this.current(), {
      unit: typeof unit === 'string' ? unit : unit?.unit,
      indicator: typeof unit === 'string' ? undefined : unit?.indicatorCode,
      maximumFractionDigits,
    });

  /** A unit's label in the active locale (axis names, unit columns, chart builder options). */
  readonly unitLabel = (unit: UnitRef): string =>
    typeof unit === 'string'
      ? localizeUnit(unit, this.current())
      : localizeUnit(unit.unit, this.current(), unit.indicatorCode);

  /** Formats a date or instant in the city time zone and the active locale; `—` when absent. */
  readonly date = (value: string | null | undefined, granularity: DateGranularity = 'day'): string =>
    value ? formatChartDate(value, this.current(), granularity) : '—';

  /** A reporting period in words: `2025年第3季度`, `Q3 2025`, or a date range for to-date periods. */
  readonly period = (period: PeriodDto | null | undefined): string => {
    if (!period) return '';
    switch (period.kind) {
      case 'year':
      case 'quarter':
      case 'month':
      case 'day':
        return formatChartDate(period.from, this.current(), period.kind, period.timeZone);
      default:
        return `${formatChartDate(period.from, this.current(), 'day', period.timeZone)} – ${formatChartDate(period.to, this.current(), 'day', period.timeZone)}`;
    }
  };

  /** Formats a 0–1 share as a percentage. */
  readonly percent = (share: number | null | undefined): string =>
    share === null || share === undefined
      ? '—'
      : new Intl.NumberFormat(this.current(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

function readStoredLocale(): AppLocale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}
