// The scorecard questions the benchmark asks, and the raw GROUP BY that answers them without rollups.
import { readFileSync } from 'node:fs';

const RAW_SQL = readFileSync(new URL('./raw-scorecard.sql', import.meta.url), 'utf8');

/** A year and a quarter, both complete before "now", with their local-date windows. */
export const PERIODS = [
  { text: '2025', from: '2025-01-01', to: '2026-01-01', yearStart: '2025-01-01' },
  { text: '2025-Q3', from: '2025-07-01', to: '2025-10-01', yearStart: '2025-01-01' },
];
/** No scope (the project's ten districts) and a three-district scope. */
export const SCOPES = [null, ['990101', '990103', '990105']];

/**
 * Every (project × period × scope) case with what the raw query needs: KPI indicator ids, each
 * one's window as instants (cumulative KPIs: year to date at the end of the period) and the ids
 * of the regions holding data.
 * @param {import('pg').Client} client
 */
export async function scorecardCases(client) {
  const {
    rows: [{ value: timeZone }],
  } = await client.query(`SELECT value FROM city_setting WHERE key = 'time_zone'`);
  const { rows: kpis } = await client.query(
    `SELECT p.code, k.indicator_id, k.cumulative FROM brand_kpi k JOIN brand_project p ON p.id = k.project_id ORDER BY p.code, k.sort_order, k.id`,
  );
  const { rows: projectRegions } = await client.query(
    `SELECT p.code, array_agg(r.code ORDER BY r.code) AS regions FROM brand_project p
       JOIN brand_project_region pr ON pr.project_id = p.id JOIN region r ON r.id = pr.region_id GROUP BY p.code`,
  );
  const { rows: regions } = await client.query(`SELECT id, code FROM region`);
  const regionId = new Map(regions.map((r) => [r.code, r.id]));
  const instant = async (localDate) =>
    (await client.query('SELECT ($1::date::timestamp AT TIME ZONE $2) AS t', [localDate, timeZone])).rows[0]
      .t;
  const projects = [...new Set(kpis.map((k) => k.code))];
  const cases = [];
  for (const project of projects) {
    const own = kpis.filter((k) => k.code === project);
    const allRegions = projectRegions.find((p) => p.code === project)?.regions ?? [];
    for (const period of PERIODS) {
      // One client runs one query at a time: resolve the instants in turn.
      const from = await instant(period.from);
      const to = await instant(period.to);
      const yearStart = await instant(period.yearStart);
      for (const scope of SCOPES) {
        const query = new URLSearchParams({ period: period.text });
        if (scope) query.set('regions', scope.join(','));
        cases.push({
          label: `${project} ${period.text} ${scope ? scope.join(',') : 'all districts'}`,
          path: `/api/brand-projects/${project}/scorecard?${query}`,
          raw: [
            own.map((k) => k.indicator_id),
            own.map((k) => (k.cumulative ? yearStart : from)),
            own.map(() => to),
            (scope ?? allRegions).map((code) => regionId.get(code)).filter((id) => id !== undefined),
          ],
        });
      }
    }
  }
  return cases;
}

/**
 * Runs the raw GROUP BY of one case and returns its elapsed milliseconds and KPI values.
 * @param {import('pg').Client} client
 */
export async function runRaw(client, scorecardCase) {
  const started = performance.now();
  const result = await client.query(RAW_SQL, scorecardCase.raw);
  return { ms: performance.now() - started, rows: result.rows };
}

/** The raw query's plan, for the report when the aim is missed. */
export async function explainRaw(client, scorecardCase) {
  const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${RAW_SQL}`, scorecardCase.raw);
  return result.rows.map((row) => row['QUERY PLAN']).join('\n');
}
