import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { runStatusKey, runTriggerKey } from '../i18n/message-keys';
import { TranslationService } from '../i18n/translation.service';
import { RequestErrorComponent } from '../shared/request-error.component';
import { SourceDataService } from './source-data.service';

/** One ingest run: window, counts, error and rejects by reason (linked from freshness badges). */
@Component({
  selector: 'cp-run-detail-page',
  imports: [RouterLink, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="/sources" class="back">← {{ t('nav.sources') }}</a>
    @if (run.error()) {
      <cp-request-error [error]="run.error()" />
    } @else if (run.value(); as r) {
      <h1>{{ t('run.title', { id: r.id }) }}</h1>
      <dl>
        <dt>{{ t('run.source') }}</dt>
        <dd>{{ r.sourceKey }}</dd>
        <dt>{{ t('run.status') }}</dt>
        <dd [class]="'status--' + r.status">{{ t(runStatusKey(r.status)) }}</dd>
        <dt>{{ t('run.trigger') }}</dt>
        <dd>{{ t(runTriggerKey(r.trigger)) }}</dd>
        <dt>{{ t('run.started') }}</dt>
        <dd>{{ date(r.startedAt, 'datetime') }}</dd>
        <dt>{{ t('run.finished') }}</dt>
        <dd>{{ date(r.finishedAt, 'datetime') }}</dd>
        <dt>{{ t('run.window') }}</dt>
        <dd>{{ date(r.windowFrom) }} – {{ date(r.windowTo) }}</dd>
        <dt>{{ t('run.attempt') }}</dt>
        <dd>{{ r.attempt }}</dd>
        <dt>{{ t('run.rows') }}</dt>
        <dd>
          {{
            t('run.rowCounts', {
              read: number(r.rowsRead),
              written: number(r.rowsWritten),
              rejected: number(r.rowsRejected),
            })
          }}
        </dd>
      </dl>
      @if (r.errorMessage) {
        <p role="alert" class="error">
          <strong>{{ r.errorClass }}</strong> {{ r.errorMessage }}
        </p>
      }
      @if (rejects().length) {
        <table>
          <caption>
            {{
              t('run.rejectsByReason')
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ t('run.reason') }}</th>
              <th scope="col">{{ t('run.count') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rejects(); track row[0]) {
              <tr>
                <th scope="row">{{ row[0] }}</th>
                <td>{{ number(row[1]) }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else {
      <p>{{ t('common.loading') }}</p>
    }
  `,
  styles: `
    .back {
      color: #1d4ed8;
    }
    h1 {
      font-size: 20px;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 16px;
      background: #fff;
      padding: 12px;
      border-radius: 8px;
    }
    dt {
      color: #4e5969;
    }
    dd {
      margin: 0;
    }
    .status--failed {
      color: #a8071a;
      font-weight: 600;
    }
    .error {
      color: #a8071a;
      background: #fff1f0;
      padding: 8px 12px;
      border-radius: 6px;
    }
    table {
      border-collapse: collapse;
      background: #fff;
      margin-top: 12px;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 6px 0;
    }
    th,
    td {
      padding: 6px 12px;
      border-bottom: 1px solid #e5e6eb;
      text-align: left;
    }
  `,
})
export class RunDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(SourceDataService);
  protected readonly t = this.i18n.t;
  protected readonly date = this.i18n.date;
  protected readonly number = this.i18n.number;
  protected readonly runStatusKey = runStatusKey;
  protected readonly runTriggerKey = runTriggerKey;
  protected readonly run = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.data.run(params),
  });
  protected readonly rejects = computed(() =>
    Object.entries(this.run.value()?.rejectsByReason ?? {}).sort((a, b) => b[1] - a[1]),
  );
}
