// Bulk load of synthetic observations for the API benchmark, then one set-based rollup rebuild.
// Rows are generated inside Postgres (INSERT … SELECT generate_series), never shipped from Node.
import { rebuildAllRollups } from '../../../libs/db/src/repositories/rollup-rebuild.ts';

/** First instant of the generated data (local midnight, Asia/Shanghai). */
const SPAN_START = '2023-01-01T00:00:00+08:00';
/** End of the generated data: shortly before "now" on this project's calendar. */
const SPAN_END = '2026-11-01T00:00:00+08:00';
/** Rows per INSERT statement (one progress line each). */
const CHUNK_ROWS = 500_000;

/**
 * Each series (indicator × district) gets evenly spaced `instant` observations over the span.
 * Values stay inside the indicator's valid range; every row carries a numerator and denominator
 * consistent with its value, so `ratio` and `ratio_of_sums` indicators have their components.
 */
const INSERT_CHUNK = `
INSERT INTO observation (indicator_id, region_id, grain, period_start, value, numerator, denominator,
                         quality, source_id, ingest_run_id)
SELECT s.indicator_id, s.region_id, 'instant', $1::timestamptz + make_interval(secs => g.k * s.step_seconds), v.value,
       v.value / s.scale * d.den, d.den, 'ok', $4::int, $5::int
  FROM bench_series s
 CROSS JOIN LATERAL generate_series(0, s.n - 1) AS g(k)
 CROSS JOIN LATERAL (SELECT 1000 + (g.k * 7919) % 1000 AS den) d
 CROSS JOIN LATERAL (SELECT s.lo + (s.hi - s.lo) *
        (0.5 + 0.3 * sin(g.k * 0.0007 + s.phase) + 0.15 * sin(g.k * 1.3 + s.phase)) AS value) v
 WHERE s.ord >= $2 AND s.ord < $3`;

/**
 * Loads `rows` observations for every catalogue indicator × every district of the city, with the
 * observation indexes dropped during the load and rebuilt after, then rebuilds all rollups.
 * @param {import('pg').Client} client connected to the benchmark database (migrated, catalogue applied)
 * @param {{ rows: number, log: (line: string) => void, superuser: boolean }} options
 */
export async function bulkLoad(client, { rows, log, superuser }) {
  const started = performance.now();
  const [{ time_zone: timeZone }] = (
    await client.query(`SELECT value AS time_zone FROM city_setting WHERE key = 'time_zone'`)
  ).rows;
  const indicators = (
    await client.query(`SELECT id, code, valid_min, valid_max, ratio_scale FROM indicator ORDER BY id`)
  ).rows;
  const districts = (await client.query(`SELECT id FROM region WHERE level = 'district' ORDER BY code`)).rows;
  if (indicators.length === 0 || districts.length === 0)
    throw new Error('catalogue not applied: no indicators or districts');
  const series = indicators.length * districts.length;
  const base = Math.floor(rows / series);
  const extra = rows % series;
  const spanSeconds = (Date.parse(SPAN_END) - Date.parse(SPAN_START)) / 1000;
  log(
    `load: ${rows.toLocaleString('en')} rows = ${indicators.length} indicators × ${districts.length} districts, ~${base} per series, ${SPAN_START} → ${SPAN_END} (time zone ${timeZone})`,
  );

  await client.query('DROP TABLE IF EXISTS bench_series');
  await client.query(`CREATE TABLE bench_series (ord int PRIMARY KEY, indicator_id int, region_id int, lo float8, hi float8,
    scale float8, n int, step_seconds float8, phase float8)`);
  let ord = 0;
  for (const indicator of indicators) {
    for (const district of districts) {
      const n = base + (ord < extra ? 1 : 0);
      const lo = indicator.valid_min ?? 0;
      const hi = indicator.valid_max ?? 100;
      await client.query('INSERT INTO bench_series VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        ord,
        indicator.id,
        district.id,
        lo,
        hi,
        indicator.ratio_scale ?? 1,
        n,
        n > 0 ? Math.floor(spanSeconds / n) : 0,
        ord * 0.37,
      ]);
      ord += 1;
    }
  }

  // Lineage: every row belongs to one benchmark ingest run of the first catalogue source, if any.
  const source = (await client.query('SELECT id FROM source ORDER BY id LIMIT 1')).rows[0];
  const runId = source
    ? (
        await client.query(`INSERT INTO ingest_run (source_id, trigger) VALUES ($1, 'manual') RETURNING id`, [
          source.id,
        ])
      ).rows[0].id
    : null;

  // Indexes are rebuilt once after the load: maintaining three B-trees row by row is the slow part.
  const primaryKey = (
    await client.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'observation'::regclass AND contype = 'p'`,
    )
  ).rows;
  const indexes = (
    await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'observation'
      AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'observation'::regclass)`,
    )
  ).rows;
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  for (const key of primaryKey)
    await client.query(`ALTER TABLE observation DROP CONSTRAINT "${key.conname}"`);
  // Foreign-key triggers are skipped during the load (the rows reference ids read above).
  if (superuser) await client.query(`SET session_replication_role = replica`);

  const loadStarted = performance.now();
  let loaded = 0;
  const seriesPerChunk = Math.max(1, Math.round(CHUNK_ROWS / Math.max(base, 1)));
  for (let from = 0; from < series; from += seriesPerChunk) {
    const to = Math.min(series, from + seriesPerChunk);
    const result = await client.query(INSERT_CHUNK, [SPAN_START, from, to, source?.id ?? null, runId]);
    loaded += result.rowCount ?? 0;
    const seconds = (performance.now() - loadStarted) / 1000;
    log(
      `load: ${loaded.toLocaleString('en')} / ${rows.toLocaleString('en')} rows  ${Math.round(loaded / seconds).toLocaleString('en')} rows/s`,
    );
  }
  if (superuser) await client.query(`SET session_replication_role = DEFAULT`);
  const insertSeconds = (performance.now() - loadStarted) / 1000;

  let step = performance.now();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const key of primaryKey)
    await client.query(`ALTER TABLE observation ADD CONSTRAINT "${key.conname}" ${key.def}`);
  for (const index of indexes) await client.query(index.indexdef);
  log(`load: indexes rebuilt in ${((performance.now() - step) / 1000).toFixed(1)} s`);

  step = performance.now();
  await client.query('BEGIN');
  await client.query(`SET LOCAL work_mem = '256MB'`);
  // The rollup rows reference the ids the observations already reference: skip the per-row FK
  // triggers, which otherwise cost half of the rebuild.
  if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
  const rebuilt = await rebuildAllRollups(client, timeZone);
  await client.query('COMMIT');
  log(
    `load: rollups rebuilt in ${((performance.now() - step) / 1000).toFixed(1)} s (day ${rebuilt.day}, month ${rebuilt.month}, year ${rebuilt.year} rows)`,
  );

  step = performance.now();
  // What autovacuum would have done by the time the data is read: visibility map and statistics.
  await client.query('VACUUM (ANALYZE) observation, rollup_day, rollup_month, rollup_year');
  await client.query('DROP TABLE bench_series');
  log(`load: vacuum + analyze in ${((performance.now() - step) / 1000).toFixed(1)} s`);
  const totalSeconds = (performance.now() - started) / 1000;
  log(
    `load: done — ${loaded.toLocaleString('en')} rows in ${totalSeconds.toFixed(1)} s (insert ${Math.round(loaded / insertSeconds).toLocaleString('en')} rows/s)`,
  );
  return { rows: loaded, seconds: totalSeconds, timeZone };
}
