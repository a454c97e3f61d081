-- The scorecard's KPI values computed the slow way: straight from `observation`, no rollups.
-- It answers the question GET /api/brand-projects/<code>/scorecard answers from rollup_year /
-- rollup_month / rollup_day: for each KPI indicator, its value over the period (cumulative KPIs:
-- year to date at the end of the period) over the scope's regions, aggregated by the indicator's
-- own rules, exactly as libs/domain does it on rollup cells:
--   over time    sum → Σ value · mean → Σ value / count · last → value with the latest
--                period_start (coarser grain wins a tie) · ratio → Σ num / Σ den × ratio_scale
--                (num/den summed only over rows that carry both);
--   over regions ratio_of_sums → Σ num / Σ den × ratio_scale (for `last`, the components of the
--                latest row) · weighted_mean → Σ population·v / Σ population (population > 0) ·
--                sum → Σ v · mean → avg(v).
-- Scoring itself (targets, pacing, weights) is cheap arithmetic on these values and is left out:
-- the cost being compared is reading the data.
-- $1 int[]          KPI indicator ids
-- $2 timestamptz[]  window start per indicator (inclusive)
-- $3 timestamptz[]  window end per indicator (exclusive)
-- $4 int[]          region ids holding the data (the scope's districts)
WITH kpi AS (
  SELECT k.indicator_id, k.t0, k.t1, i.time_aggregation, i.region_aggregation, coalesce(i.ratio_scale, 1) AS scale
    FROM unnest($1::int[], $2::timestamptz[], $3::timestamptz[]) AS k(indicator_id, t0, t1)
    JOIN indicator i ON i.id = k.indicator_id
),
per_region AS (
  SELECT o.indicator_id, o.region_id, count(*) AS n, sum(o.value) AS s,
         (array_agg(o.value ORDER BY o.period_start DESC,
            array_position(ARRAY['instant','hour','day','month','quarter','year']::varchar[], o.grain) DESC))[1] AS last_value,
         (array_agg(o.numerator ORDER BY o.period_start DESC,
            array_position(ARRAY['instant','hour','day','month','quarter','year']::varchar[], o.grain) DESC))[1] AS last_num,
         (array_agg(o.denominator ORDER BY o.period_start DESC,
            array_position(ARRAY['instant','hour','day','month','quarter','year']::varchar[], o.grain) DESC))[1] AS last_den,
         sum(o.numerator) FILTER (WHERE o.numerator IS NOT NULL AND o.denominator IS NOT NULL) AS num,
         sum(o.denominator) FILTER (WHERE o.numerator IS NOT NULL AND o.denominator IS NOT NULL) AS den
    FROM kpi
    JOIN observation o ON o.indicator_id = kpi.indicator_id
     AND o.period_start >= kpi.t0 AND o.period_start < kpi.t1
   WHERE o.region_id = ANY($4::int[])
   GROUP BY o.indicator_id, o.region_id
),
region_value AS (
  SELECT p.indicator_id, r.population,
         CASE kpi.time_aggregation
           WHEN 'sum' THEN p.s
           WHEN 'mean' THEN p.s / p.n
           WHEN 'last' THEN p.last_value
           WHEN 'ratio' THEN p.num / nullif(p.den, 0) * kpi.scale
         END AS v,
         CASE WHEN kpi.time_aggregation = 'last' THEN p.last_num ELSE p.num END AS num,
         CASE WHEN kpi.time_aggregation = 'last' THEN p.last_den ELSE p.den END AS den
    FROM per_region p
    JOIN kpi ON kpi.indicator_id = p.indicator_id
    JOIN region r ON r.id = p.region_id
)
SELECT kpi.indicator_id,
       CASE kpi.region_aggregation
         WHEN 'ratio_of_sums' THEN sum(rv.num) / nullif(sum(rv.den), 0) * kpi.scale
         WHEN 'weighted_mean' THEN sum(rv.population * rv.v) FILTER (WHERE rv.population > 0)
                                   / nullif(sum(rv.population) FILTER (WHERE rv.population > 0 AND rv.v IS NOT NULL), 0)
         WHEN 'sum' THEN sum(rv.v)
         ELSE avg(rv.v)
       END AS value,
       count(rv.v) AS regions_with_data
  FROM kpi
  LEFT JOIN region_value rv ON rv.indicator_id = kpi.indicator_id
 GROUP BY kpi.indicator_id, kpi.region_aggregation, kpi.scale
 ORDER BY kpi.indicator_id;
