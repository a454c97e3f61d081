import type { RejectReason } from './mapping-context';

/** The result of one mapping step: a value, or the reason the row is rejected. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: RejectReason; message: string; field?: string };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const fail = (reason: RejectReason, message: string, field?: string): Outcome<never> => ({
  ok: false,
  reason,
  message,
  field,
});

/** A raw value shortened for a reject message. */
export function describeValue(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
