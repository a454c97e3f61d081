/**
 * A bounded, least-recently-used map of computed values with a time limit. Values are promises:
 * concurrent requests for a missing key share one computation, and a failed computation is not
 * kept (the next request tries again). With a capacity of 0 nothing is kept.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; storedAt: number }>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The kept value of `key`, else the result of `compute`, kept for later calls. */
  get(key: string, compute: () => Promise<V>): Promise<V> {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      if (this.now() - known.storedAt < this.ttlMs) {
        this.entries.set(key, known);
        return known.value;
      }
    }
    if (this.capacity <= 0) return compute();
    const value = compute();
    const entry = { value, storedAt: this.now() };
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
