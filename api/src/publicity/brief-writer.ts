import { attachUnit, unitLabel } from '@civicpulse/domain';
import type { BriefFormat, Lang, PeriodDto, ScorecardDto, StatusColour } from '@civicpulse/contracts';

/** What a brief is written from: this period's scorecard, the previous one and districts behind. */
export interface BriefInput {
  current: ScorecardDto;
  /** Values of the previous comparable period by indicator code (null without data). */
  previousValues: Map<string, number | null>;
  /** Number of districts behind schedule per indicator code. */
  districtsBehind: Map<string, number>;
}

export interface WrittenBrief {
  title: string;
  lines: string[];
  body: string;
}

const COLOUR_ZH: Record<StatusColour, string> = {
  green: '绿色',
  yellow: '黄色',
  orange: '橙色',
  red: '红色',
  dark_red: '深红色',
  grey: '灰色',
};
const COLOUR_EN: Record<StatusColour, string> = {
  green: 'green',
  yellow: 'yellow',
  orange: 'orange',
  red: 'red',
  dark_red: 'dark red',
  grey: 'grey',
};

/** 85 → "85", 82.456 → "82.46", 1.70 → "1.7". */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function isPercent(unit: string): boolean {
  return unit.trim() === '%';
}

/** A number with its unit label in the brief's language (`32分钟`, `32 min`, `87.5%`). */
function withUnit(n: number, label: string): string {
  return attachUnit(formatNumber(n), label);
}

/** "上季度" / "the previous quarter", by the kind of period compared. */
function previousWord(period: PeriodDto, lang: Lang): string {
  const unit = period.kind === 'to_date' ? 'same' : period.kind;
  const zh: Record<string, string> = {
    quarter: '上季度',
    month: '上月',
    year: '上年',
    day: '前一日',
    same: '上年同期',
    range: '上期',
  };
  const en: Record<string, string> = {
    quarter: 'the previous quarter',
    month: 'the previous month',
    year: 'the previous year',
    day: 'the previous day',
    same: 'the same period last year',
    range: 'the previous period',
  };
  return (lang === 'zh' ? zh : en)[unit] ?? (lang === 'zh' ? '上期' : 'the previous period');
}

function changePhrase(delta: number, unit: string, label: string, period: PeriodDto, lang: Lang): string {
  const size = Math.abs(delta);
  if (lang === 'zh') {
    const amount = isPercent(unit) ? `${formatNumber(size)} 个百分点` : withUnit(size, label);
    if (size === 0) return `与${previousWord(period, lang)}持平`;
    return `较${previousWord(period, lang)}${delta > 0 ? '提高' : '下降'} ${amount}`;
  }
  const amount = isPercent(unit) ? `${formatNumber(size)} percentage points` : withUnit(size, label);
  if (size === 0) return `unchanged on ${previousWord(period, lang)}`;
  return `${delta > 0 ? 'up' : 'down'} ${amount} on ${previousWord(period, lang)}`;
}

/**
 * One sentence per KPI, e.g. 「公交准点率：目标 90%，实际 88.18%，较上月提高 3 个百分点，1 个区落后于进度」
 * or "Bus on-time rate: target 90%, actual 88.18%, up 3 percentage points on the previous month;
 * 1 district behind schedule".
 */
export function kpiSentence(
  kpi: ScorecardDto['kpis'][number],
  previous: number | null,
  behind: number,
  period: PeriodDto,
  lang: Lang,
): string {
  const name = lang === 'zh' ? kpi.indicatorNameZh : kpi.indicatorNameEn;
  const label = unitLabel(kpi.unit, lang, kpi.indicatorCode);
  const parts: string[] = [];
  if (lang === 'zh') {
    parts.push(`目标 ${withUnit(kpi.target, label)}`);
    parts.push(kpi.value === null ? '暂无数据' : `实际 ${withUnit(kpi.value, label)}`);
    if (kpi.value !== null && previous !== null)
      parts.push(changePhrase(kpi.value - previous, kpi.unit, label, period, lang));
    if (behind > 0) parts.push(`${behind} 个区落后于进度`);
    return `${name}：${parts.join('，')}`;
  }
  parts.push(`target ${withUnit(kpi.target, label)}`);
  parts.push(kpi.value === null ? 'no data yet' : `actual ${withUnit(kpi.value, label)}`);
  if (kpi.value !== null && previous !== null)
    parts.push(changePhrase(kpi.value - previous, kpi.unit, label, period, lang));
  const sentence = `${name}: ${parts.join(', ')}`;
  return behind > 0 ? `${sentence}; ${behind} district${behind === 1 ? '' : 's'} behind schedule` : sentence;
}

function headline(card: ScorecardDto, lang: Lang): string {
  const s = card.score;
  const coverage = `${formatNumber(s.coverage * 100)}%`;
  if (lang === 'zh') {
    return s.score === null
      ? `数据覆盖 ${coverage}，不足 80%，暂不评分`
      : `综合得分 ${formatNumber(s.score)}（${COLOUR_ZH[s.colour]}），数据覆盖 ${coverage}`;
  }
  return s.score === null
    ? `Data coverage ${coverage} is below 80 %: no overall score`
    : `Overall score ${formatNumber(s.score)} (${COLOUR_EN[s.colour]}), data coverage ${coverage}`;
}

/** Writes the brief as plain text or Markdown in Chinese or English. */
export function writeBrief(input: BriefInput, lang: Lang, format: BriefFormat): WrittenBrief {
  const card = input.current;
  const title =
    lang === 'zh'
      ? `${card.projectNameZh} ${card.period.key} 简报`
      : `${card.projectNameEn} — brief for ${card.period.key}`;
  const lines = card.kpis.map((kpi) =>
    kpiSentence(
      kpi,
      input.previousValues.get(kpi.indicatorCode) ?? null,
      input.districtsBehind.get(kpi.indicatorCode) ?? 0,
      card.period,
      lang,
    ),
  );
  const head = headline(card, lang);
  const body =
    format === 'markdown'
      ? [`# ${title}`, '', `**${head}**`, '', ...lines.map((l) => `- ${l}`), ''].join('\n')
      : [title, '', head, '', ...lines.map((l) => `${lang === 'zh' ? '· ' : '- '}${l}`), ''].join('\n');
  return { title, lines, body };
}
