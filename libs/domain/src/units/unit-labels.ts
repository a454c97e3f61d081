/** The language a unit label is written in. */
export type UnitLanguage = 'zh' | 'en';

/** A unit as shown in each locale. An empty label means the number reads best bare (indices). */
export interface UnitLabels {
  zh: string;
  en: string;
}

/**
 * Display labels of the catalogue's units. Catalogue files write units in English
 * (`catalog/indicators/*.yaml`); a unit added there needs a line here, or it is shown as written
 * (a test reads the catalogue and fails on a missing one).
 */
const UNITS: Readonly<Record<string, UnitLabels>> = {
  '%': { zh: '%', en: '%' },
  '‰': { zh: '‰', en: '‰' },
  'percentage points': { zh: '个百分点', en: 'pp' },
  minutes: { zh: '分钟', en: 'min' },
  years: { zh: '岁', en: 'years' },
  'km/h': { zh: '公里/小时', en: 'km/h' },
  ratio: { zh: '', en: '' },
  'index 0-10': { zh: '', en: '' },
  'coefficient of variation': { zh: '', en: '' },
  'score 0-100': { zh: '分', en: 'points' },
  'per 1 000': { zh: '/千人', en: 'per 1,000' },
  'per 10 000': { zh: '/万人', en: 'per 10,000' },
  'per 1 000 live births': { zh: '‰', en: 'per 1,000 live births' },
  'per 100 000 live births': { zh: '/10万', en: 'per 100,000 live births' },
  'persons per 100 000': { zh: '人/10万人', en: 'per 100,000 people' },
  'deaths per 100 000': { zh: '人/10万人', en: 'deaths per 100,000 people' },
  'km per 100 000 pop.': { zh: '公里/10万人', en: 'km per 100,000 people' },
  'consultations per 100 000 per year': { zh: '人次/10万人·年', en: 'consultations per 100,000 a year' },
  'trips/person/year': { zh: '人次/人·年', en: 'trips per person a year' },
  'pupils per FTE teacher': { zh: '名学生/教师', en: 'pupils per teacher' },
  'children per full-time teacher': { zh: '名幼儿/教师', en: 'children per teacher' },
};

/**
 * Where a catalogue unit is too general to read well in Chinese ("per 1 000" of what?), the
 * indicator names the counted thing.
 */
const INDICATOR_UNITS: Readonly<Record<string, UnitLabels>> = {
  'health.beds_per_1000': { zh: '张/千人', en: 'beds per 1,000' },
  'health.physicians_per_1000': { zh: '人/千人', en: 'per 1,000' },
  'health.nurses_per_1000': { zh: '人/千人', en: 'per 1,000' },
  'health.gp_per_10000': { zh: '人/万人', en: 'per 10,000' },
};

/** Catalogue units that have a label (for tests and for tooling that checks the catalogue). */
export const KNOWN_UNITS: readonly string[] = Object.keys(UNITS);

/**
 * The label of a catalogue unit in a language: the indicator's own label when it has one, else
 * the unit's; a unit without an entry (or one already localized) is returned as given.
 */
export function unitLabel(unit: string, lang: UnitLanguage, indicatorCode?: string): string {
  const labels = (indicatorCode ? INDICATOR_UNITS[indicatorCode] : undefined) ?? UNITS[unit];
  if (!labels) return unit;
  return labels[lang];
}

/**
 * Joins a formatted number and a unit label: Chinese labels, per-unit labels and per-cent/per-mille
 * signs attach directly (`87.5%`, `32分钟`, `6.1/千人`), words follow a space (`32 min`).
 */
export function attachUnit(text: string, label: string): string {
  if (!label) return text;
  return /^[%‰/\u3400-\u9fff]/.test(label) ? `${text}${label}` : `${text} ${label}`;
}
