import type { ObservationRowSource, ObservationWriteRow } from '@civicpulse/db';
import type { ObservationPoint } from '@civicpulse/domain';

/**
 * The accepted points of a batch, with their catalogue ids, as the write path's row source: each
 * row is read straight from the mapped point into the writer's scratch row, so no per-row copy of
 * the batch is built. Holds the points array, not copies; ids are kept in typed arrays.
 */
export class ResolvedPointRows implements ObservationRowSource {
  private readonly positions: Int32Array;
  private readonly indicatorIds: Int32Array;
  private readonly regionIds: Int32Array;
  private count = 0;

  constructor(private readonly points: readonly ObservationPoint[]) {
    this.positions = new Int32Array(points.length);
    this.indicatorIds = new Int32Array(points.length);
    this.regionIds = new Int32Array(points.length);
  }

  get length(): number {
    return this.count;
  }

  /** Accepts the point at `position` of the batch with its resolved ids. */
  accept(position: number, indicatorId: number, regionId: number): void {
    this.positions[this.count] = position;
    this.indicatorIds[this.count] = indicatorId;
    this.regionIds[this.count] = regionId;
    this.count += 1;
  }

  read(index: number, into: ObservationWriteRow): ObservationWriteRow {
    const point = this.points[this.positions[index] ?? -1];
    if (point === undefined || index >= this.count) throw new RangeError(`no accepted row ${index}`);
    into.indicatorId = this.indicatorIds[index] ?? 0;
    into.regionId = this.regionIds[index] ?? 0;
    into.grain = point.grain;
    into.periodStart = point.periodStart;
    into.value = point.value;
    into.numerator = point.numerator ?? null;
    into.denominator = point.denominator ?? null;
    into.quality = point.quality;
    return into;
  }
}
