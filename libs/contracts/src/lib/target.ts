/** PATCH /api/brand-projects/:code/kpis/:indicator/target body. */
export interface TargetRevisionRequest {
  target: number;
  /** Optional new due date (local ISO date). */
  targetDate?: string;
  /** Why the target changed — required, kept forever. */
  reason: string;
}

/** One append-only revision of a KPI target. */
export interface TargetRevisionDto {
  id: string;
  projectCode: string;
  indicatorCode: string;
  /** null for the initial target recorded when the KPI was created. */
  oldTarget: number | null;
  newTarget: number;
  oldTargetDate: string | null;
  newTargetDate: string | null;
  reason: string;
  /** Username of who changed it; null when no account did (the catalogue, or an account since deleted). */
  changedBy: string | null;
  changedAt: string;
}
