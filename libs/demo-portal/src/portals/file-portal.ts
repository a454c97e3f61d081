import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { localMidnight, toLocal } from '../city/city-calendar';
import { BENCH_COLUMNS, benchCsvLine } from '../datasets/bench-dataset';
import type { Dataset, DataRow } from '../datasets/dataset';
import { DATASET_IDS } from '../datasets/dataset-ids';
import type { RequestFaults } from '../faults/fault-plan';
import { publishedRow } from '../faults/row-damage';
import { chunked, jsonResponse, type PortalResponse } from '../server/http-response';
import { csvCell } from './cell-format';
import { intValue, type PortalEnvironment, type PortalRequest, type PortalRouter } from './portal-route';

/**
 * Plain file downloads: 国家统计局-style GBK CSV (three preamble lines, one column per month
 * newest first, the month in progress present but empty, a quoted multi-line note and a source
 * line as footer), an XLSX workbook, a JSON array, and the bulk benchmark CSV.
 */

/** A wide GBK table: which long dataset it pivots, and which of its columns. */
interface GbkTable {
  title: string;
  note: string;
  source: (env: PortalEnvironment) => Dataset;
  regionColumn: string;
  monthColumn: string;
  valueColumn: string;
}

const HOTLINE_NOTE =
  '"注：满意率=满意件数/参评件数×100%。参评件数指回访中市民作出评价的工单数，\n不含无效来电和重复来电。当月数据于次月上旬发布。"';
const hotlineTable = (title: string, valueColumn: string): GbkTable => ({
  title,
  note: HOTLINE_NOTE,
  source: (env) => env.registry.hotline,
  regionColumn: 'region_name',
  monthColumn: 'month',
  valueColumn,
});

/** Wide GBK tables by file name. */
const GBK_TABLES: Record<string, GbkTable> = {
  [DATASET_IDS.hotlineRate]: hotlineTable('12345热线满意率(%)', 'satisfaction_rate'),
  [DATASET_IDS.hotlineRated]: hotlineTable('12345热线参评件数(件)', 'rated_cases'),
  [DATASET_IDS.hotlineSatisfied]: hotlineTable('12345热线满意件数(件)', 'satisfied_cases'),
  [DATASET_IDS.patientSatisfaction]: {
    title: '出院患者满意度(分)',
    note: '"注：出院患者满意度为出院后电话回访调查得分（百分制），\n按各区县回访样本量加权。"',
    source: (env) => env.registry.surveyPatients,
    regionColumn: '区县',
    monthColumn: '月份',
    valueColumn: '患者满意度',
  },
};

function withEtag(request: PortalRequest, response: PortalResponse): PortalResponse {
  if (!Buffer.isBuffer(response.body)) return response;
  const etag = `"${createHash('sha1').update(response.body).digest('hex').slice(0, 20)}"`;
  if (request.headers['if-none-match'] === etag)
    return { ...response, status: 304, headers: { ETag: etag }, body: Buffer.alloc(0) };
  return { ...response, headers: { ...response.headers, ETag: etag } };
}

function damagedRows(dataset: Dataset, env: PortalEnvironment, faults: RequestFaults): DataRow[] {
  return env.registry.cache
    .rows(dataset)
    .map((row, index) => publishedRow(dataset.fields, row, index, faults));
}

/** The NBS-style wide table of one monthly measure, encoded as GBK. */
function gbkWideTable(table: GbkTable, env: PortalEnvironment, faults: RequestFaults): Buffer {
  const rows = damagedRows(table.source(env), env, faults);
  const months = [...new Set(rows.map((r) => String(r.values[table.monthColumn] ?? '')))]
    .filter((m) => m !== '')
    .sort()
    .reverse();
  const current = toLocal(env.registry.options.until - 1);
  const inProgress = `${current.year}-${String(current.month).padStart(2, '0')}`;
  if (
    !months.includes(inProgress) &&
    localMidnight(current.year, current.month, 1) >= localMidnight(2023, 1, 1)
  )
    months.unshift(inProgress);
  const label = (m: string): string => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;
  const cells = new Map<string, string>();
  for (const r of rows) {
    const value = r.values[table.valueColumn];
    cells.set(
      `${String(r.values[table.regionColumn])}|${String(r.values[table.monthColumn])}`,
      value === null || value === undefined ? '' : String(value),
    );
  }
  const dropRegion = faults.missingColumn !== undefined;
  const lines: string[] = [
    '数据库：示范市月度数据',
    `指标：${table.title}`,
    `时间：${label(months[months.length - 1] ?? inProgress)}-${label(months[0] ?? inProgress)}`,
    [...(dropRegion ? [] : ['地区']), ...months.map(label)].join(','),
  ];
  for (const district of env.registry.context.districts) {
    const values = months.map((m) => csvCell(cells.get(`${district.nameZh}|${m}`) ?? '', ','));
    lines.push([...(dropRegion ? [] : [district.nameZh]), ...values].join(','));
  }
  lines.push(table.note);
  lines.push('数据来源：国家统计局');
  return iconv.encode(`${lines.join('\n')}\n`, 'gbk');
}

/** Undamaged workbooks per registry: zip entries carry timestamps, so rebuilding would change the ETag. */
const cleanWorkbooks = new WeakMap<object, Promise<Buffer>>();

const isClean = (faults: RequestFaults): boolean =>
  faults.malformedEvery === undefined && faults.missingColumn === undefined;

/** The citizen survey workbook: quarterly waves on the first sheet, education on the second. */
export function surveyWorkbook(env: PortalEnvironment, faults: RequestFaults): Promise<Buffer> {
  if (!isClean(faults)) return buildSurveyWorkbook(env, faults);
  let cached = cleanWorkbooks.get(env.registry);
  if (!cached) {
    cached = buildSurveyWorkbook(env, faults);
    cleanWorkbooks.set(env.registry, cached);
  }
  return cached;
}

async function buildSurveyWorkbook(env: PortalEnvironment, faults: RequestFaults): Promise<Buffer> {
  // Loaded on first use: exceljs is heavy and most runs never ask for the workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '示范市统计局';
  // A fixed date keeps the bytes (and the ETag) stable between runs.
  workbook.created = new Date(env.registry.options.until);
  workbook.modified = workbook.created;
  for (const [sheetName, dataset] of [
    ['季度调查', env.registry.surveyQuarterly],
    ['教育满意度', env.registry.surveyEducation],
  ] as const) {
    const sheet = workbook.addWorksheet(sheetName);
    const fields = dataset.fields.filter(
      (f) => !(faults.missingColumn && f.name === (faults.missingColumn.column ?? dataset.fields[4]?.name)),
    );
    sheet.addRow(fields.map((f) => f.name));
    for (const row of damagedRows(dataset, env, faults))
      sheet.addRow(fields.map((f) => row.values[f.name] ?? null));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

function benchCsv(request: PortalRequest): PortalResponse {
  const rows = intValue(request.query.get('rows'), 1_000_000);
  const offset = intValue(request.query.get('offset'), 0);
  if (Number.isNaN(rows) || rows < 0 || Number.isNaN(offset) || offset < 0)
    return jsonResponse({ error: 'rows and offset must be non-negative integers' }, 400);
  const lines = function* (): Generator<string> {
    yield `${BENCH_COLUMNS.join(',')}\n`;
    for (let i = offset; i < offset + rows; i += 1) yield benchCsvLine(i);
  };
  return {
    status: 200,
    contentType: 'text/csv',
    charset: 'utf-8',
    headers: { 'X-Total-Rows': String(rows) },
    body: chunked(lines()),
  };
}

/** Routes `/files/<name>.csv|.xlsx|.json` and `/bench/observations.csv`. */
export const filePortal: PortalRouter = (request, env) => {
  if (request.path === '/bench/observations.csv')
    return { datasetId: 'bench', respond: () => benchCsv(request) };
  const m = /^\/files\/([a-z0-9-]+)\.(csv|xlsx|json)$/.exec(request.path);
  if (!m) return null;
  const [, name, ext] = m;
  return {
    datasetId: name,
    respond: async (faults) => {
      const table = ext === 'csv' ? GBK_TABLES[name] : undefined;
      if (table)
        return withEtag(request, {
          status: 200,
          contentType: 'text/csv',
          charset: 'gbk',
          body: gbkWideTable(table, env, faults),
        });
      if (ext === 'json' && name === DATASET_IDS.hotlineJson) {
        const rows = damagedRows(env.registry.hotline, env, faults).map((r) => r.values);
        return withEtag(request, jsonResponse(rows));
      }
      if (ext === 'xlsx' && name === DATASET_IDS.citizenSurvey) {
        const body = await surveyWorkbook(env, faults);
        return withEtag(request, {
          status: 200,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          charset: null,
          body,
        });
      }
      return jsonResponse({ error: `no such file: ${name}.${ext}` }, 404);
    },
  };
};
