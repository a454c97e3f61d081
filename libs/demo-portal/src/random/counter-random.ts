/**
 * Counter-based pseudo-random numbers: the value for (stream, index) depends on nothing else,
 * so a series generated up to a later `until` repeats every earlier value exactly. A stateful
 * PRNG would shift all values whenever the generation window or iteration order changed, which
 * would make incremental ingest of the demo portal look like history rewrites.
 */

/** 32-bit FNV-1a hash of a string, used to name independent random streams. */
export function streamSeed(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32-style finaliser: a well-mixed 32-bit value for (seed, index). */
function mix(seed: number, index: number): number {
  let z = (seed + Math.imul(index | 0, 0x9e3779b9) + Math.imul((index / 0x100000000) | 0, 0x85ebca6b)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return z >>> 0;
}

/** Uniform number in [0, 1) for (seed, index). */
export function uniform(seed: number, index: number): number {
  return mix(seed, index) / 0x100000000;
}

/** Standard normal number for (seed, index) (Box–Muller over two derived uniforms). */
export function gaussian(seed: number, index: number): number {
  const u1 = Math.max(uniform(seed, index * 2 + 1), 1e-12);
  const u2 = uniform(seed ^ 0x5bd1e995, index * 2 + 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Smooth noise in roughly [-1, 1]: gaussian knots every `period` steps, linearly interpolated.
 * Gives week-to-week drift instead of independent daily jitter.
 */
export function smoothNoise(seed: number, index: number, period: number): number {
  const knot = Math.floor(index / period);
  const frac = index / period - knot;
  const a = gaussian(seed, knot);
  const b = gaussian(seed, knot + 1);
  return (a + (b - a) * frac) / 2;
}

/** Poisson-distributed count with mean `lambda` (inversion; fine for the small means used here). */
export function poisson(seed: number, index: number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 60) {
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(seed, index)));
  }
  const u = uniform(seed, index);
  let k = 0;
  let p = Math.exp(-lambda);
  let cumulative = p;
  while (u > cumulative && k < 1000) {
    k += 1;
    p *= lambda / k;
    cumulative += p;
  }
  return k;
}
