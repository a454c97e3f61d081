import { localMidnight } from '../city/city-calendar';
import { generateSchools } from '../generator/event-points';
import { schoolYearStart } from '../generator/indicator-model';
import { field, type Dataset, type DataRow } from './dataset';
import { DATASET_IDS } from './dataset-ids';
import type { DatasetContext } from './traffic-datasets';
import { indicatorFields, wideRows, type IndicatorColumns } from './wide-series';

const HEALTH_MONTHLY: IndicatorColumns[] = [
  { indicator: 'health.appointment_booking_rate', value: 'appointment_booking_rate', counts: true },
  { indicator: 'health.bed_occupancy_rate', value: 'bed_occupancy_rate', counts: true },
  { indicator: 'health.ems_response_time', value: 'ems_response_time_min', counts: true },
  { indicator: 'health.telemedicine_per_100k', value: 'telemedicine_per_100k', counts: true },
  { indicator: 'health.family_doctor_contract_rate', value: 'family_doctor_contract_rate', counts: true },
];
const HEALTH_YEARLY: IndicatorColumns[] = [
  { indicator: 'health.life_expectancy', value: 'life_expectancy' },
  { indicator: 'health.physicians_per_1000', value: 'physicians_per_1000', counts: true },
  { indicator: 'health.nurses_per_1000', value: 'nurses_per_1000', counts: true },
  { indicator: 'health.beds_per_1000', value: 'beds_per_1000', counts: true },
  { indicator: 'health.gp_per_10000', value: 'gp_per_10000', counts: true },
  { indicator: 'health.infant_mortality', value: 'infant_mortality', counts: true },
  { indicator: 'health.maternal_mortality', value: 'maternal_mortality', counts: true },
  { indicator: 'health.ehr_coverage', value: 'ehr_coverage', counts: true },
  { indicator: 'health.emr_adoption_rate', value: 'emr_adoption_rate', counts: true },
];
const EDUCATION_SCHOOL_YEAR: IndicatorColumns[] = [
  { indicator: 'education.preschool_gross_enrollment', value: 'preschool_gross_enrollment', counts: true },
  {
    indicator: 'education.inclusive_kindergarten_coverage',
    value: 'inclusive_kindergarten_coverage',
    counts: true,
  },
  { indicator: 'education.compulsory_retention_rate', value: 'compulsory_retention_rate', counts: true },
  {
    indicator: 'education.senior_secondary_gross_enrollment',
    value: 'senior_secondary_gross_enrollment',
    counts: true,
  },
  { indicator: 'education.primary_pupil_teacher_ratio', value: 'primary_pupil_teacher_ratio', counts: true },
  {
    indicator: 'education.preschool_child_teacher_ratio',
    value: 'preschool_child_teacher_ratio',
    counts: true,
  },
  { indicator: 'education.school_age_enrolment_rate', value: 'school_age_enrolment_rate', counts: true },
  { indicator: 'education.tertiary_educated_per_100k', value: 'tertiary_educated_per_100k', counts: true },
  { indicator: 'education.school_balance_cv', value: 'school_balance_cv' },
  {
    indicator: 'education.migrant_children_public_school_share',
    value: 'migrant_children_public_school_share',
    counts: true,
  },
  { indicator: 'education.multimedia_classroom_rate', value: 'multimedia_classroom_rate', counts: true },
];
const EDUCATION_MONTHLY: IndicatorColumns[] = [
  {
    indicator: 'education.online_learning_space_coverage',
    value: 'online_learning_space_coverage',
    counts: true,
  },
];

const districtFields = [field('district_code', 'text'), field('district_name', 'text')];

/** Socrata dataset: monthly health-service statistics (floating `month` timestamps). */
function healthMonthly(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.healthMonthly,
    portal: 'socrata',
    titleZh: '医疗卫生服务月度统计',
    titleEn: 'Monthly health-service statistics by district',
    description:
      'Outpatient appointments, bed occupancy, EMS response, telemedicine and family-doctor contracts.',
    fields: [...districtFields, field('month', 'timestamp'), ...indicatorFields(HEALTH_MONTHLY)],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('month', HEALTH_MONTHLY, ctx.districts, ctx.until)) {
        const next = localMidnight(r.period.local.year, r.period.local.month + 1, 1);
        yield {
          values: {
            district_code: r.district.code,
            district_name: r.district.nameZh,
            month: r.period.start,
            ...r.cells,
          },
          updatedAt: next + 9 * 86_400_000 + 10 * 3_600_000,
        };
      }
    },
  };
}

/** Socrata dataset: year-end health statistics (`year` as a floating timestamp of 1 January). */
function healthYearly(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.healthYearly,
    portal: 'socrata',
    titleZh: '卫生健康统计年报',
    titleEn: 'Annual health statistics by district',
    description:
      'Life expectancy, health workforce and beds, infant and maternal mortality, EHR and EMR coverage.',
    fields: [...districtFields, field('year', 'timestamp'), ...indicatorFields(HEALTH_YEARLY)],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('year', HEALTH_YEARLY, ctx.districts, ctx.until)) {
        yield {
          values: {
            district_code: r.district.code,
            district_name: r.district.nameZh,
            year: r.period.start,
            ...r.cells,
          },
          updatedAt: localMidnight(r.period.local.year + 1, 3, 31),
        };
      }
    },
  };
}

/** OpenDataSoft dataset: education statistics per school year (counted at the September start). */
function educationSchoolYear(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.educationSchoolYear,
    portal: 'ods',
    titleZh: '教育事业统计（学年）',
    titleEn: 'Education statistics by district and school year',
    description:
      'Enrolment, retention, staffing ratios, balance and equipment; `school_year` as 2023-2024, `rentree` the start date.',
    fields: [
      ...districtFields,
      field('school_year', 'text'),
      field('rentree', 'date', 'Rentree'),
      ...indicatorFields(EDUCATION_SCHOOL_YEAR),
    ],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('school_year', EDUCATION_SCHOOL_YEAR, ctx.districts, ctx.until)) {
        const y = r.period.local.year;
        yield {
          values: {
            district_code: r.district.code,
            district_name: r.district.nameZh,
            school_year: `${y}-${y + 1}`,
            rentree: schoolYearStart(y),
            ...r.cells,
          },
        };
      }
    },
  };
}

/** OpenDataSoft dataset: monthly coverage of the online learning space. */
function educationMonthly(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.educationMonthly,
    portal: 'ods',
    titleZh: '网络学习空间覆盖（月度）',
    titleEn: 'Online learning space coverage by month',
    description: 'Pupils and teachers with an activated online learning space.',
    fields: [...districtFields, field('month', 'date'), ...indicatorFields(EDUCATION_MONTHLY)],
    hasPoints: false,
    *rows(): Generator<DataRow> {
      for (const r of wideRows('month', EDUCATION_MONTHLY, ctx.districts, ctx.until)) {
        yield {
          values: {
            district_code: r.district.code,
            district_name: r.district.nameZh,
            month: r.period.start,
            ...r.cells,
          },
        };
      }
    },
  };
}

/** OpenDataSoft dataset: the school directory with a `geo_point_2d` per school. */
function schools(ctx: DatasetContext): Dataset {
  return {
    id: DATASET_IDS.schools,
    portal: 'ods',
    titleZh: '中小学及幼儿园名录',
    titleEn: 'School directory',
    description: 'Every kindergarten and school with type, ownership, pupils, teachers and location.',
    fields: [
      field('school_id', 'text'),
      field('name', 'text'),
      field('kind', 'text'),
      field('ownership', 'text'),
      field('pupils', 'integer'),
      field('teachers', 'integer'),
      field('opened_year', 'integer'),
      field('district_name', 'text'),
    ],
    hasPoints: true,
    *rows(): Generator<DataRow> {
      for (const s of generateSchools(ctx.districts)) {
        yield {
          values: {
            school_id: s.id,
            name: s.nameZh,
            kind: s.kind,
            ownership: s.ownership,
            pupils: s.pupils,
            teachers: s.teachers,
            opened_year: s.openedYear,
            district_name: s.districtNameZh,
          },
          point: s.point,
        };
      }
    },
  };
}

/** Health (Socrata) and education (OpenDataSoft) datasets. */
export function healthAndEducationDatasets(ctx: DatasetContext): Dataset[] {
  return [
    healthMonthly(ctx),
    healthYearly(ctx),
    educationSchoolYear(ctx),
    educationMonthly(ctx),
    schools(ctx),
  ];
}
