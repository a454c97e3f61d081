import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { runStatusKey } from '../i18n/message-keys';
import { TranslationService } from '../i18n/translation.service';
import { RequestErrorComponent } from '../shared/request-error.component';
import { SourceDataService } from './source-data.service';

/** 数据源: every source with its schedule, last run and next due time. */
@Component({
  selector: 'cp-sources-page',
  imports: [RouterLink, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t('nav.sources') }}</h1>
    @if (sources.error()) {
      <cp-request-error [error]="sources.error()" />
    } @else if (sources.value(); as list) {
      <table>
        <caption class="sr-only">{{ t('nav.sources') }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ t('sources.name') }}</th>
            <th scope="col">{{ t('sources.connector') }}</th>
            <th scope="col">{{ t('sources.schedule') }}</th>
            <th scope="col">{{ t('sources.lastRun') }}</th>
            <th scope="col">{{ t('sources.rows') }}</th>
            <th scope="col">{{ t('sources.nextDue') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (s of list; track s.key) {
            <tr [class.disabled]="!s.enabled">
              <th scope="row">{{ pick(s.nameZh, s.nameEn) }}<br /><small>{{ s.key }}</small></th>
              <td>{{ s.connectorType }}</td>
              <td>{{ s.schedule ?? t('sources.manual') }}</td>
              <td>
                @if (s.lastRun; as r) {
                  <a [routerLink]="['/sources/runs', r.id]" [class]="'run run--' + r.status">{{ t(runStatusKey(r.status)) }}</a>
                  <small>{{ date(r.startedAt, 'datetime') }}</small>
                } @else {
                  —
                }
              </td>
              <td>
                @if (s.lastRun; as r) {
                  {{ number(r.rowsWritten) }} / {{ number(r.rowsRejected) }}
                }
              </td>
              <td>{{ date(s.nextDueAt, 'datetime') }}</td>
            </tr>
          } @empty {
            <tr><td colspan="6">{{ t('common.noData') }}</td></tr>
          }
        </tbody>
      </table>
    } @else {
      <p>{{ t('common.loading') }}</p>
    }
  `,
  styleUrl: './sources.page.scss',
})
export class SourcesPage {
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(SourceDataService);
  protected readonly t = this.i18n.t;
  protected readonly date = this.i18n.date;
  protected readonly number = this.i18n.number;
  protected readonly pick = this.i18n.pick;
  protected readonly runStatusKey = runStatusKey;
  protected readonly sources = rxResource({ stream: () => this.data.sources() });
}
