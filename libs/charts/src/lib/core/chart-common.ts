import type { EChartsCoreOption } from 'echarts/core';
import type { ChartLocale } from './chart-locale';
import { paletteFor, type ChartTheme } from './chart-theme';

/** Options every builder accepts. */
export interface CommonChartOptions {
  /** Active locale for numbers and dates. */
  locale: ChartLocale;
  /** `dark` for the big screen. Defaults to `light`. */
  theme?: ChartTheme;
  /** Turn off for screenshots, reduced motion and the big screen's periodic refresh. Defaults to on. */
  animation?: boolean;
  /** Read by screen readers instead of ECharts' generated description. */
  ariaDescription?: string;
  /** IANA time zone for dates; defaults to the city's (Asia/Shanghai). */
  timeZone?: string;
}

/**
 * Parts shared by every option object: ARIA enabled (with the caller's description when given),
 * animation switch, theme text colour and a transparent background so the page decides.
 */
export function baseOption(opts: CommonChartOptions): EChartsCoreOption {
  const palette = paletteFor(opts.theme ?? 'light');
  return {
    aria: {
      enabled: true,
      label: opts.ariaDescription ? { enabled: true, description: opts.ariaDescription } : { enabled: true },
    },
    animation: opts.animation ?? true,
    backgroundColor: palette.background,
    color: [...palette.series],
    textStyle: { color: palette.text },
  };
}
