import { streamSeed, uniform } from '../random/counter-random';
import { field, type Dataset, type DataRow } from './dataset';
import { DATASET_IDS } from './dataset-ids';
import type { DatasetContext } from './traffic-datasets';
import { wideRows, type IndicatorColumns } from './wide-series';

const HOTLINE: IndicatorColumns[] = [
  { indicator: 'satisfaction.hotline_12345_satisfaction', value: 'satisfaction_rate', counts: true },
];
const SURVEY: IndicatorColumns[] = [
  { indicator: 'satisfaction.citizen_experience_index', value: '市民体验指数' },
  { indicator: 'satisfaction.transit_passenger_satisfaction', value: '公交乘客满意度' },
];
const PATIENT_SURVEY: IndicatorColumns[] = [
  { indicator: 'satisfaction.patient_satisfaction', value: '患者满意度' },
];
const EDUCATION_SURVEY: IndicatorColumns[] = [
  { indicator: 'satisfaction.education_satisfaction', value: '教育满意度' },
];

/** Respondents in one district and survey wave (a few hundred, varying by wave). */
function sampleSize(districtCode: string, wave: number, base: number): number {
  return Math.round(base * (0.85 + 0.3 * uniform(streamSeed(`survey|${districtCode}`), wave)));
}

/** 12345 hotline: rated and satisfied cases per district and month (served as JSON and GBK CSV). */
export function hotlineMonthly(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.hotlineJson,
    portal: 'file',
    titleZh: '12345政务服务便民热线满意度（月度）',
    titleEn: '12345 citizen hotline satisfaction by month',
    description: 'Cases rated by callers and cases rated satisfied; the rate is satisfied / rated × 100.',
    fields: [
      field('region_code', 'text'),
      field('region_name', 'text'),
      field('month', 'text'),
      field('rated_cases', 'integer'),
      field('satisfied_cases', 'integer'),
      field('satisfaction_rate', 'number'),
    ],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('month', HOTLINE, ctx.districts, ctx.until)) {
        const l = r.period.local;
        yield {
          values: {
            region_code: r.district.code,
            region_name: r.district.nameZh,
            month: `${l.year}-${String(l.month).padStart(2, '0')}`,
            rated_cases: r.cells['rated_cases'] ?? null,
            satisfied_cases: r.cells['satisfied_cases'] ?? null,
            satisfaction_rate: r.cells['satisfaction_rate'] ?? null,
          },
        };
      }
    },
  };
}

/** Quarterly citizen survey waves (first sheet of the XLSX workbook). */
export function surveyQuarterly(ctx: DatasetContext): Dataset {
  return {
    id: `${DATASET_IDS.citizenSurvey}-quarterly`,
    portal: 'file',
    titleZh: '市民满意度季度调查',
    titleEn: 'Quarterly citizen satisfaction survey',
    description:
      'Survey waves fielded in the last month of each quarter; scores 0–100, weighted by respondents.',
    fields: [
      field('区划代码', 'text'),
      field('区县', 'text'),
      field('调查季度', 'text'),
      field('样本量', 'integer'),
      ...SURVEY.map((c) => field(c.value, 'number')),
    ],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('quarter', SURVEY, ctx.districts, ctx.until)) {
        const l = r.period.local;
        yield {
          values: {
            区划代码: r.district.code,
            区县: r.district.nameZh,
            调查季度: `${l.year}年第${(l.month + 2) / 3}季度`,
            样本量: sampleSize(r.district.code, r.period.index, 600),
            ...r.cells,
          },
        };
      }
    },
  };
}

/** Monthly discharged-patient survey (published as a wide GBK CSV). */
export function surveyPatientMonthly(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.patientSatisfaction,
    portal: 'file',
    titleZh: '出院患者满意度月度调查',
    titleEn: 'Monthly discharged-patient satisfaction survey',
    description: 'Phone follow-up of discharged patients; score 0–100, weighted by respondents.',
    fields: [
      field('区划代码', 'text'),
      field('区县', 'text'),
      field('月份', 'text'),
      field('样本量', 'integer'),
      field('患者满意度', 'number'),
    ],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('month', PATIENT_SURVEY, ctx.districts, ctx.until)) {
        const l = r.period.local;
        yield {
          values: {
            区划代码: r.district.code,
            区县: r.district.nameZh,
            月份: `${l.year}-${String(l.month).padStart(2, '0')}`,
            样本量: sampleSize(r.district.code, 2000 + r.period.index, 300),
            ...r.cells,
          },
        };
      }
    },
  };
}

/** Yearly education satisfaction survey (second sheet of the XLSX workbook). */
export function surveyEducationYearly(ctx: DatasetContext): Dataset {
  return {
    id: `${DATASET_IDS.citizenSurvey}-education`,
    portal: 'file',
    titleZh: '教育满意度年度调查',
    titleEn: 'Annual education satisfaction survey',
    description: 'Parents and pupils surveyed once a year.',
    fields: [
      field('区划代码', 'text'),
      field('区县', 'text'),
      field('年度', 'integer'),
      field('样本量', 'integer'),
      field('教育满意度', 'number'),
    ],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('year', EDUCATION_SURVEY, ctx.districts, ctx.until)) {
        yield {
          values: {
            区划代码: r.district.code,
            区县: r.district.nameZh,
            年度: r.period.local.year,
            样本量: sampleSize(r.district.code, 1000 + r.period.index, 900),
            ...r.cells,
          },
        };
      }
    },
  };
}
