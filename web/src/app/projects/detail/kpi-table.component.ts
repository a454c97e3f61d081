import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { BrandKpiDto, ScorecardKpiDto } from '@civicpulse/contracts';
import { TranslationService } from '../../i18n/translation.service';
import { FreshnessComponent } from '../../shared/freshness.component';
import { StatusTagComponent } from '../../shared/status-tag.component';

/**
 * KPI table: baseline, target, actual, progress, score, weight, status and freshness. An actual
 * value carried forward from an earlier period is labelled with that period.
 */
@Component({
  selector: 'cp-kpi-table',
  imports: [StatusTagComponent, FreshnessComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll" tabindex="0" [attr.aria-label]="t('project.kpiTable')">
      <table>
        <caption>
          {{
            t('project.kpiTable')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ t('project.kpi') }}</th>
            <th scope="col">{{ t('project.baseline') }}</th>
            <th scope="col">{{ t('project.target') }}</th>
            <th scope="col">{{ t('project.actual') }}</th>
            <th scope="col">{{ t('project.progress') }}</th>
            <th scope="col">{{ t('project.score') }}</th>
            <th scope="col">{{ t('project.weight') }}</th>
            <th scope="col">{{ t('project.status') }}</th>
            <th scope="col">{{ t('project.freshness') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (k of kpis(); track k.indicatorCode) {
            <tr>
              <th scope="row">
                {{ pick(k.indicatorNameZh, k.indicatorNameEn) }}
                @if (k.role === 'satisfaction') {
                  <small>· {{ t('project.satisfaction') }}</small>
                }
              </th>
              <td>
                {{ number(k.baseline, k) }}<br /><small>{{ baselineDate(k.indicatorCode) }}</small>
              </td>
              <td>
                @if (k.band) {
                  {{ number(k.band.lo) }}–{{ number(k.band.hi, k) }}
                } @else {
                  {{ number(k.target, k) }}
                }
                <br /><small>{{ targetDate(k.indicatorCode) }}</small>
              </td>
              <td>
                {{ number(k.value, k) }}
                @if (k.valuePeriod) {
                  <!-- A stock carried forward from an earlier period: say which, and whether it is overdue. -->
                  <br /><small class="as-of" [class.overdue]="k.flags.includes('stale')">
                    {{ t('project.asOf', { period: k.valuePeriod }) }}
                    @if (k.flags.includes('stale')) {
                      · {{ t('project.asOfStale') }}
                    }
                  </small>
                }
              </td>
              <td>
                @if (k.progress !== null) {
                  <span class="bar" aria-hidden="true"
                    ><span [style.width.%]="clampPercent(k.progress)"></span
                  ></span>
                }
                {{ percent(k.progress) }}
              </td>
              <td>{{ number(k.score, undefined, 1) }}</td>
              <td>{{ number(k.weight) }}</td>
              <td><cp-status-tag [status]="k.status" [colour]="k.colour" /></td>
              <td><cp-freshness [lineage]="k.lineage" [period]="period()" /></td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .scroll:focus-visible {
      outline: 2px solid #1d4ed8;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      background: #fff;
      font-size: 13px;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 8px 0;
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid #e5e6eb;
      text-align: left;
      vertical-align: top;
    }
    thead th {
      background: #f2f3f5;
    }
    small {
      color: #4e5969;
    }
    .as-of.overdue {
      color: #b42318;
    }
    .bar {
      display: inline-block;
      width: 60px;
      height: 6px;
      background: #e5e6eb;
      border-radius: 3px;
      vertical-align: middle;
      margin-right: 4px;
    }
    .bar span {
      display: block;
      height: 100%;
      background: #1f5fbf;
      border-radius: 3px;
    }
  `,
})
export class KpiTableComponent {
  readonly kpis = input.required<ScorecardKpiDto[]>();
  /** Configured KPIs (for baseline and target dates). */
  readonly config = input<BrandKpiDto[]>([]);
  readonly period = input('');
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly pick = this.i18n.pick;
  protected readonly number = this.i18n.number;
  protected readonly percent = this.i18n.percent;

  protected clampPercent(progress: number): number {
    return Math.max(0, Math.min(1, progress)) * 100;
  }

  protected baselineDate(code: string): string {
    return this.i18n.date(this.config().find((k) => k.indicatorCode === code)?.baselineDate);
  }

  protected targetDate(code: string): string {
    return this.i18n.date(this.config().find((k) => k.indicatorCode === code)?.targetDate);
  }
}
