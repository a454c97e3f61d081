import { z } from 'zod';

/** `{ env: NAME }`: a secret is named, never written into a manifest. */
export const secretRefSchema = z.strictObject({
  env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as SOCRATA_APP_TOKEN'),
});
/** A reference to a secret held in an environment variable. */
export type SecretRef = z.infer<typeof secretRefSchema>;

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Converts `500ms`, `30s`, `5m`, `2h`, `3d`, `1w` to milliseconds (undefined when malformed). */
export function durationToMs(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000);
}

/** A duration written as `500ms`, `30s`, `5m`, `2h`, `3d` or `1w`. */
export const durationSchema = z.string().refine((text) => durationToMs(text) !== undefined, {
  message: 'a duration such as 30s, 5m, 2h, 3d or 1w',
});

/** Header names that carry credentials: their values must be `{ env: NAME }`. */
export const SECRET_HEADER = /auth|token|key|secret|password|cookie/i;

/** HTTP headers sent with every request; credential headers must reference an env var. */
export const headersSchema = z
  .record(z.string().min(1), z.union([z.string(), secretRefSchema]))
  .superRefine((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string' && SECRET_HEADER.test(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `header "${name}" carries a credential: write { env: NAME } instead of an inline value`,
        });
      }
    }
  });

/** An http(s) URL. */
export const httpUrlSchema = z.string().refine(
  (text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'an absolute http:// or https:// URL' },
);

/** Where a file source reads from: a URL (subject to the network guard) or a local path. */
export const fileLocationSchema = z.union([
  z.strictObject({ url: httpUrlSchema }),
  z.strictObject({ path: z.string().min(1) }),
]);
