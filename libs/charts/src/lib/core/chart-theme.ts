/** Light for the desk dashboard, dark for the big screen. */
export type ChartTheme = 'light' | 'dark';

/** Colours of the scoring status bands (scoring.md): green / yellow / orange / red / dark red. */
export const STATUS_COLOURS = {
  green: '#2e9d5b',
  yellow: '#e0b000',
  orange: '#e8742a',
  red: '#c43c3c',
  darkRed: '#8b1a1a',
  none: '#8c8c8c',
} as const;

/** Name of a status colour band; `none` when there is no score. */
export type StatusColour = keyof typeof STATUS_COLOURS;

/** Text, axis and background colours per theme, chosen for ≥ 4.5:1 contrast on their background. */
export interface ThemePalette {
  text: string;
  mutedText: string;
  axisLine: string;
  splitLine: string;
  background: string;
  series: readonly string[];
  target: string;
  band: string;
  milestone: string;
}

const LIGHT: ThemePalette = {
  text: '#1f2329',
  mutedText: '#4e5969',
  axisLine: '#86909c',
  splitLine: '#e5e6eb',
  background: 'transparent',
  series: ['#1f5fbf', '#0f8a7e', '#b35c00', '#7a3fb0', '#b3245b', '#4d6b00'],
  target: '#c0392b',
  band: 'rgba(46, 157, 91, 0.12)',
  milestone: '#6b4fbb',
};

const DARK: ThemePalette = {
  text: '#e8f1ff',
  mutedText: '#b8c7dc',
  axisLine: '#5b6b82',
  splitLine: '#24344d',
  background: 'transparent',
  series: ['#4fc3f7', '#5ee0b5', '#ffcf5c', '#c39bff', '#ff8fab', '#b4e05e'],
  target: '#ff7b72',
  band: 'rgba(94, 224, 181, 0.15)',
  milestone: '#c39bff',
};

/** Palette for a theme. */
export function paletteFor(theme: ChartTheme): ThemePalette {
  return theme === 'dark' ? DARK : LIGHT;
}

/**
 * Colour band of a 0–100 score. The project colour rule (worst KPIs decide) lives in the domain;
 * this is only the fallback when a chart is handed a bare score.
 */
export function colourForScore(score: number | null | undefined): StatusColour {
  if (score === null || score === undefined || !Number.isFinite(score)) return 'none';
  if (score >= 90) return 'green';
  if (score >= 75) return 'yellow';
  if (score >= 60) return 'orange';
  if (score >= 30) return 'red';
  return 'darkRed';
}
