// HTTP measurements against the benchmark's own API process on 127.0.0.1.
import autocannon from 'autocannon';

/** The value at quantile q (0..1) of sorted numbers, nearest rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * Sequential GETs: each request waits for the previous one, so the figure is latency, not
 * throughput. Returns elapsed milliseconds per request and the count of non-2xx/failed ones.
 */
export async function timeSequential(baseUrl, path, headers, count) {
  const times = [];
  let errors = 0;
  let lastBody = null;
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      const text = await response.text();
      times.push(performance.now() - started);
      if (!response.ok) {
        errors += 1;
        lastBody = text.slice(0, 300);
      } else lastBody = text;
    } catch (error) {
      errors += 1;
      lastBody = error instanceof Error ? error.message : String(error);
    }
  }
  return { times, errors, lastBody };
}

/**
 * A fixed-duration load test with autocannon (in this process). Returns the mean requests per
 * second over the run, latency percentiles and errors = non-2xx + socket errors + timeouts.
 */
export function loadTest(url, headers, { connections, seconds }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration: seconds, timeout: 10 }, (error, result) => {
      if (error) return reject(error);
      resolve({
        rps: result.requests.average,
        total: result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    });
  });
}
