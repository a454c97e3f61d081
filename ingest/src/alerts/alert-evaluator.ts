import { cadenceOfFrequency, evaluateAlert } from '@civicpulse/domain';
import type {
  AlertEvaluationRepository,
  AlertOpening,
  AlertTarget,
  AlertTransitionRecord,
} from '@civicpulse/db';
import { type AlertNotice, resolvedMessageZh } from './dingtalk-message';
import { type AlertNotifier, WEBHOOK_CHANNEL } from './alert-notifier';

/** What one evaluation did. */
export interface AlertEvaluationSummary {
  /** (rule, region) pairs looked at. */
  targets: number;
  opened: number;
  resolved: number;
  /** Pairs the facts could not decide (no data, no comparison value, zero base). */
  undecided: number;
}

/** Dependencies of the evaluator. */
export interface AlertEvaluatorDeps {
  repository: Pick<AlertEvaluationRepository, 'findTargets' | 'openEvents' | 'resolveEvents'>;
  /** Sends webhook notifications; null leaves events in the in-app list only. */
  notifier: Pick<AlertNotifier, 'notify' | 'resendStale'> | null;
  timeZone: string;
  now?: () => Date;
}

const pairKey = (ruleId: number, regionId: number): string => `${ruleId}:${regionId}`;

/**
 * Evaluates enabled alert rules: reads each (rule, region) with its facts from the rollups, lets
 * the domain decide, opens an event where a rule fires and none is open, resolves the open event
 * where the condition cleared (the event is kept with its resolved_at), and notifies the webhook
 * of both for rules that list it. Undecidable pairs (missing data) are left as they are.
 */
export class AlertEvaluator {
  private readonly now: () => Date;

  constructor(private readonly deps: AlertEvaluatorDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Evaluates the rules of these indicators, or every rule when `indicatorCodes` is null. */
  async evaluate(indicatorCodes: readonly string[] | null): Promise<AlertEvaluationSummary> {
    const now = this.now();
    const targets = await this.deps.repository.findTargets(indicatorCodes);
    const byPair = new Map<string, { target: AlertTarget; messageZh: string }>();
    const openings: AlertOpening[] = [];
    const clears: Array<{ ruleId: number; regionId: number }> = [];
    let undecided = 0;
    for (const target of targets) {
      const verdict = evaluateAlert(
        { kind: target.kind, threshold: target.threshold, windowSeconds: target.windowSeconds },
        {
          indicatorNameZh: target.indicatorNameZh,
          indicatorNameEn: target.indicatorNameEn,
          regionNameZh: target.regionNameZh,
          regionNameEn: target.regionNameEn,
        },
        {
          latest: target.latest,
          comparison: target.comparison,
          now,
          cadence: cadenceOfFrequency(target.frequency),
          timeZone: this.deps.timeZone,
        },
      );
      const key = pairKey(target.ruleId, target.regionId);
      if (verdict.state === 'unknown') {
        undecided += 1;
      } else if (verdict.state === 'firing' && target.openEventId === null) {
        openings.push({
          ruleId: target.ruleId,
          regionId: target.regionId,
          value: verdict.value,
          messageZh: verdict.message.zh,
          messageEn: verdict.message.en,
        });
        byPair.set(key, { target, messageZh: verdict.message.zh });
      } else if (verdict.state === 'clear' && target.openEventId !== null) {
        clears.push({ ruleId: target.ruleId, regionId: target.regionId });
        byPair.set(key, { target, messageZh: resolvedMessageZh(target, verdict.value) });
      }
    }
    const opened = await this.deps.repository.openEvents(openings, now);
    const resolved = await this.deps.repository.resolveEvents(clears, now);
    if (this.deps.notifier) {
      const notices = [...this.notices(opened, 'open', byPair), ...this.notices(resolved, 'resolve', byPair)];
      if (notices.length > 0) await this.deps.notifier.notify(notices);
      // The periodic full evaluation also picks up notifications a stopped process left unsent.
      if (indicatorCodes === null) await this.deps.notifier.resendStale();
    }
    return { targets: targets.length, opened: opened.length, resolved: resolved.length, undecided };
  }

  private notices(
    changes: readonly AlertTransitionRecord[],
    transition: AlertNotice['transition'],
    byPair: ReadonlyMap<string, { target: AlertTarget; messageZh: string }>,
  ): AlertNotice[] {
    const notices: AlertNotice[] = [];
    for (const change of changes) {
      const entry = byPair.get(pairKey(change.ruleId, change.regionId));
      if (!entry || !entry.target.channels.includes(WEBHOOK_CHANNEL)) continue;
      const { target, messageZh } = entry;
      notices.push({
        eventId: change.eventId,
        transition,
        ruleName: target.ruleName,
        indicatorCode: target.indicatorCode,
        indicatorNameZh: target.indicatorNameZh,
        regionCode: target.regionCode,
        regionNameZh: target.regionNameZh,
        value: target.latest?.value ?? null,
        messageZh,
        at: change.at,
      });
    }
    return notices;
  }
}
