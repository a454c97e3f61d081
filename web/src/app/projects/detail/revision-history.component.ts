import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { BrandKpiDto, TargetRevisionDto } from '@civicpulse/contracts';
import { TranslationService } from '../../i18n/translation.service';
import type { MessageKey } from '../../i18n/zh-CN';

/** Reasons recorded by `catalog apply` (libs/db catalog-project-writer), by their stored text. */
const CATALOGUE_REASONS: Readonly<Record<string, MessageKey>> = {
  'catalog: initial target from the catalogue': 'project.reasonCatalogueInitial',
  'catalog: target changed in the catalogue': 'project.reasonCatalogueChanged',
};

/** Append-only history of KPI target changes: who, when, old → new, and why. */
@Component({
  selector: 'cp-revision-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (revisions().length) {
      <table>
        <caption>
          {{
            t('project.revisions')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ t('project.revisionAt') }}</th>
            <th scope="col">{{ t('project.kpi') }}</th>
            <th scope="col">{{ t('project.revisionChange') }}</th>
            <th scope="col">{{ t('project.revisionBy') }}</th>
            <th scope="col">{{ t('project.revisionReason') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of revisions(); track r.id) {
            <tr>
              <td>{{ date(r.changedAt, 'datetime') }}</td>
              <td>{{ kpiName(r.indicatorCode) }}</td>
              <td>{{ number(r.oldTarget) }} → {{ number(r.newTarget) }}</td>
              <td>{{ changedBy(r) }}</td>
              <td>{{ reasonText(r.reason) }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p>{{ t('project.noRevisions') }}</p>
    }
  `,
  styles: `
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
    }
    thead th {
      background: #f2f3f5;
    }
  `,
})
export class RevisionHistoryComponent {
  readonly revisions = input.required<TargetRevisionDto[]>();
  readonly kpis = input<BrandKpiDto[]>([]);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly date = this.i18n.date;
  protected readonly number = this.i18n.number;

  /** Reasons the catalogue writes are shown in the reader's language; people's reasons as written. */
  protected reasonText(reason: string): string {
    const key = CATALOGUE_REASONS[reason];
    return key ? this.t(key) : reason;
  }

  /** Who changed it; the catalogue's own revisions and those of deleted accounts say so. */
  protected changedBy(r: TargetRevisionDto): string {
    if (r.changedBy !== null) return r.changedBy;
    return this.t(
      CATALOGUE_REASONS[r.reason] ? 'project.revisionByCatalogue' : 'project.revisionByDeletedUser',
    );
  }

  protected kpiName(code: string): string {
    const kpi = this.kpis().find((k) => k.indicatorCode === code);
    return kpi ? this.i18n.pick(kpi.indicatorNameZh, kpi.indicatorNameEn) : code;
  }
}
