import { ManifestValidationError, parseSourceManifest } from './parse-source-manifest';

const VALID_YAML = `
key: nbs-cpi-transport
name: { zh: 分省交通通信价格指数, en: Provincial transport CPI }
owner_department: 统计局
licence: 国家统计局数据，仅供测试
homepage: https://data.stats.gov.cn/
connector:
  type: csv
  params: { url: "https://data.stats.gov.cn/export.csv" }
allowed_hosts: [data.stats.gov.cn]
schedule: { cron: "0 6 10 * *" }
cadence: { expected: month, stale_after: 45d }
decoding: { encoding: auto, skip_preamble_lines: 3, skip_footer_rows: 2 }
mapping:
  grain: month
  region: { field: 地区, by: name }
  unpivot: { columns: { pattern: "^\\\\d{4}年\\\\d{1,2}月$" }, as: period, format: zh_month }
  indicators: [{ code: test.cpi_transport }]
`;

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseSourceManifest(input, 'test.yaml');
  } catch (error) {
    if (error instanceof ManifestValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the manifest to be refused');
}

function validDoc(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(parseSourceManifest(VALID_YAML, 'valid'))) as Record<string, unknown>;
}

describe('parseSourceManifest', () => {
  it('accepts a complete YAML manifest and fills defaults', () => {
    const manifest = parseSourceManifest(VALID_YAML, 'test.yaml');
    expect(manifest.key).toBe('nbs-cpi-transport');
    expect(manifest.schedule).toEqual({ cron: '0 6 10 * *', time_zone: 'Asia/Shanghai' });
    expect(manifest.paging).toMatchObject({ mode: 'none', timeout: '30s', retries: 3 });
    expect(manifest.decoding).toMatchObject({
      encoding: 'auto',
      header_row: true,
      skip_preamble_lines: 3,
      skip_footer_rows: 2,
      decimal_comma: false,
    });
    expect(manifest.incremental).toBeUndefined();
  });

  it('accepts JSON objects too', () => {
    expect(parseSourceManifest(validDoc(), 'api').key).toBe('nbs-cpi-transport');
  });

  it('refuses unknown keys, naming them and where they are', () => {
    const doc = validDoc();
    doc['shedule'] = { cron: '* * * * *' };
    (doc['decoding'] as Record<string, unknown>)['encodng'] = 'gbk';
    expect(issuesOf(doc)).toEqual([
      { path: 'decoding', message: 'unknown key "encodng" (check the spelling; see the manifest reference)' },
      { path: '', message: 'unknown key "shedule" (check the spelling; see the manifest reference)' },
    ]);
  });

  it('reports every wrong value at once with what was expected', () => {
    const doc = validDoc();
    doc['key'] = 'Bad Key';
    doc['schedule'] = { cron: '61 * * * *', time_zone: 'Mars/Olympus' };
    (doc['decoding'] as Record<string, unknown>)['encoding'] = 'latin1';
    (doc['mapping'] as Record<string, unknown>)['grain'] = 'fortnight';
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual([
      'key',
      'schedule.time_zone',
      'schedule.cron',
      'decoding.encoding',
      'mapping.grain',
    ]);
    expect(issues[0]!.message).toContain('lowercase letters, digits');
    expect(issues[1]!.message).toContain('IANA time zone');
    expect(issues[3]!.message).toBe('expected one of "auto", "utf-8", "gbk", "gb18030"');
  });

  it('validates cron expressions with croner', () => {
    const doc = validDoc();
    doc['schedule'] = { cron: '61 * * * *' };
    expect(issuesOf(doc)).toEqual([
      { path: 'schedule.cron', message: expect.stringContaining('not a valid cron expression') },
    ]);
  });

  it('reports missing required keys', () => {
    const doc = validDoc();
    delete doc['owner_department'];
    expect(issuesOf(doc)).toEqual([{ path: 'owner_department', message: 'required, expected string' }]);
  });

  it('refuses inline credentials and accepts env references', () => {
    const doc = validDoc();
    doc['headers'] = { 'X-App-Token': 'abc123', Accept: 'text/csv' };
    expect(issuesOf(doc)).toEqual([
      { path: 'headers.X-App-Token', message: expect.stringContaining('write { env: NAME }') },
    ]);
    doc['headers'] = { 'X-App-Token': { env: 'SOCRATA_APP_TOKEN' } };
    expect(parseSourceManifest(doc, 'ok').headers).toEqual({ 'X-App-Token': { env: 'SOCRATA_APP_TOKEN' } });
    doc['headers'] = { Authorization: { env: 'lower-case' } };
    expect(issuesOf(doc)[0]!.message).toContain('environment variable name');
  });

  it('checks connector type, its params and its paging modes', () => {
    const doc = validDoc();
    doc['connector'] = { type: 'ftp', params: {} };
    expect(issuesOf(doc)).toEqual([
      {
        path: 'connector.type',
        message: expect.stringContaining(
          'expected one of ckan, socrata, arcgis, opendatasoft, csv, json, xlsx',
        ),
      },
    ]);
    doc['connector'] = {
      type: 'socrata',
      params: { base_url: 'https://data.stats.gov.cn', dataset: 'not-a-4x4', limit: 5 },
    };
    doc['paging'] = { mode: 'cursor', next_cursor_path: 'next' };
    const issues = issuesOf(doc);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'connector.params', message: expect.stringContaining('unknown key "limit"') },
        { path: 'connector.params.dataset', message: 'a Socrata 4x4 id such as uczf-rk3c' },
        { path: 'paging.mode', message: '"cursor" is not supported by socrata; expected offset' },
      ]),
    );
  });

  it('requires URL hosts to be listed in allowed_hosts', () => {
    const doc = validDoc();
    doc['allowed_hosts'] = ['example.org'];
    expect(issuesOf(doc)).toEqual([
      { path: 'connector.params.url', message: 'host "data.stats.gov.cn" is not listed in allowed_hosts' },
    ]);
  });

  it('checks mapping consistency', () => {
    const doc = validDoc();
    const mapping = doc['mapping'] as Record<string, unknown>;
    delete mapping['unpivot'];
    mapping['indicators'] = [{ code: 'Bad Code' }, { code: 'test.ok' }];
    const issues = issuesOf(doc);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'mapping.indicators.0.code', message: 'an indicator code such as traffic.road_tpi' },
        { path: 'mapping.time', message: 'required unless unpivot.as is "period"' },
        {
          path: 'mapping.indicators.1.value',
          message: 'required (a field name or { numerator, denominator })',
        },
      ]),
    );
  });

  it('explains which union branch was closest', () => {
    const doc = validDoc();
    (doc['mapping'] as Record<string, unknown>)['region'] = { field: '地区', by: 'label' };
    expect(issuesOf(doc)).toEqual([{ path: 'mapping.region.by', message: 'expected one of "code", "name"' }]);
  });

  it('reports YAML syntax errors as manifest errors', () => {
    expect(() => parseSourceManifest('key: [unclosed', 'broken.yaml')).toThrow(ManifestValidationError);
    expect(() => parseSourceManifest('key: [unclosed', 'broken.yaml')).toThrow(/broken\.yaml/);
  });
});
