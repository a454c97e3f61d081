import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DATASET_IDS } from '../datasets/dataset-ids';
import { startDemoPortal, type DemoPortal } from '../server/demo-portal-server';

let portal: DemoPortal;
beforeAll(async () => {
  portal = await startDemoPortal({ until: '2024-06-15T00:00:00+08:00', hourlyDays: 1, benchRows: 10 });
});
afterAll(() => portal.close());

const bytesOf = async (path: string, init?: RequestInit): Promise<{ response: Response; bytes: Buffer }> => {
  const response = await fetch(`${portal.url}${path}`, init);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};

describe('GBK CSV in the 国家统计局 export layout', () => {
  it('is GBK, not UTF-8, and survives a decode/encode round trip', async () => {
    const { response, bytes } = await bytesOf(`/files/${DATASET_IDS.hotlineRate}.csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = iconv.decode(bytes, 'gbk');
    expect(iconv.encode(text, 'gbk').equals(bytes)).toBe(true);
    expect(text).toContain('东湖区');
  });

  it('has a three-line preamble, a wide month header newest first, an empty month in progress and a two-record footer', async () => {
    const text = iconv.decode((await bytesOf(`/files/${DATASET_IDS.hotlineRated}.csv`)).bytes, 'gbk');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('数据库：示范市月度数据');
    expect(lines[1]).toBe('指标：12345热线参评件数(件)');
    expect(lines[2]).toBe('时间：2023年1月-2024年6月');
    const header = lines[3].split(',');
    expect(header.slice(0, 4)).toEqual(['地区', '2024年6月', '2024年5月', '2024年4月']);
    expect(header.at(-1)).toBe('2023年1月');
    const rows = lines.slice(4, 14).map((l) => l.split(','));
    expect(rows.map((r) => r[0])).toHaveLength(10);
    expect(rows.every((r) => r.length === header.length && r[1] === '' && /^\d+$/.test(r[2]))).toBe(true);
    expect(lines[14]).toMatch(/^"注：/);
    expect(lines.at(-1)).toBe('数据来源：国家统计局');
  });

  it('publishes the monthly patient survey in the same layout', async () => {
    const lines = iconv
      .decode((await bytesOf(`/files/${DATASET_IDS.patientSatisfaction}.csv`)).bytes, 'gbk')
      .split('\n');
    expect(lines[1]).toBe('指标：出院患者满意度(分)');
    expect(lines[4]).toMatch(/^东湖区,,\d+\.\d,/);
  });

  it('agrees with the JSON file: satisfied / rated × 100 is the published rate', async () => {
    const json = (await (await fetch(`${portal.url}/files/${DATASET_IDS.hotlineJson}.json`)).json()) as Array<
      Record<string, unknown>
    >;
    const may = json.find((r) => r['region_code'] === '990105' && r['month'] === '2024-05');
    expect(may).toBeDefined();
    const rate = iconv
      .decode((await bytesOf(`/files/${DATASET_IDS.hotlineRate}.csv`)).bytes, 'gbk')
      .split('\n');
    const linjiang = rate.find((l) => l.startsWith('临江区,'))?.split(',');
    expect(Number(linjiang?.[2])).toBe(may?.['satisfaction_rate']);
    const exact = ((may?.['satisfied_cases'] as number) / (may?.['rated_cases'] as number)) * 100;
    expect(Math.abs(exact - (may?.['satisfaction_rate'] as number))).toBeLessThan(0.006);
  });
});

describe('XLSX and JSON files', () => {
  it('serves the survey workbook with the quarterly and the yearly sheet', async () => {
    const { response, bytes } = await bytesOf(`/files/${DATASET_IDS.citizenSurvey}.xlsx`);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['季度调查', '教育满意度']);
    const quarterly = workbook.worksheets[0];
    expect(quarterly.getRow(1).values).toEqual([
      undefined,
      '区划代码',
      '区县',
      '调查季度',
      '样本量',
      '市民体验指数',
      '公交乘客满意度',
    ]);
    // 2023Q1…2024Q1 are complete on 2024-06-15: five waves for ten districts.
    expect(quarterly.rowCount).toBe(1 + 5 * 10);
    expect(quarterly.getRow(2).getCell(3).value).toBe('2023年第1季度');
  });

  it('answers If-None-Match with 304 for unchanged files', async () => {
    const first = await fetch(`${portal.url}/files/${DATASET_IDS.hotlineJson}.json`);
    const etag = first.headers.get('etag');
    await first.arrayBuffer();
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await fetch(`${portal.url}/files/${DATASET_IDS.hotlineJson}.json`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    const xlsx1 = await fetch(`${portal.url}/files/${DATASET_IDS.citizenSurvey}.xlsx`);
    const xlsx2 = await fetch(`${portal.url}/files/${DATASET_IDS.citizenSurvey}.xlsx`);
    expect(xlsx1.headers.get('etag')).toBe(xlsx2.headers.get('etag'));
    await Promise.all([xlsx1.arrayBuffer(), xlsx2.arrayBuffer()]);
  });

  it('returns 404 for unknown files', async () => {
    expect((await bytesOf('/files/nothing.csv')).response.status).toBe(404);
  });
});
