import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { IngestRunDetailDto, SourceDto } from '@civicpulse/contracts';
import { switchMap, takeWhile, tap, timer } from 'rxjs';
import { AuthSessionService } from '../core/auth/auth-session.service';
import { runStatusKey } from '../i18n/message-keys';
import { TranslationService } from '../i18n/translation.service';
import { RequestErrorComponent } from '../shared/request-error.component';
import { SourceDataService } from './source-data.service';
import { SourcePreviewDialog } from './source-preview.dialog';

// How often a queued or running run is re-read until it ends.
const RUN_POLL_MS = 3000;

const isOpen = (run: IngestRunDetailDto): boolean => run.status === 'queued' || run.status === 'running';

/** 数据源: every source with its schedule, last run and next due time; data admins preview, run and backfill. */
@Component({
  selector: 'cp-sources-page',
  imports: [RouterLink, RequestErrorComponent, SourcePreviewDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t('nav.sources') }}</h1>
    @if (actionError()) {
      <cp-request-error [error]="actionError()" />
    }
    @if (tracked.value(); as run) {
      <p class="notice" role="status">
        {{ t('sources.queued', { id: run.id, source: run.sourceKey, status: t(runStatusKey(run.status)) }) }}
        <a [routerLink]="['/sources/runs', run.id]">{{ t('sources.viewRun') }}</a>
      </p>
    }
    @if (sources.error()) {
      <cp-request-error [error]="sources.error()" />
    } @else if (sources.value(); as list) {
      <table>
        <caption class="sr-only">
          {{
            t('nav.sources')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ t('sources.name') }}</th>
            <th scope="col">{{ t('sources.connector') }}</th>
            <th scope="col">{{ t('sources.schedule') }}</th>
            <th scope="col">{{ t('sources.lastRun') }}</th>
            <th scope="col">{{ t('sources.rows') }}</th>
            <th scope="col">{{ t('sources.nextDue') }}</th>
            @if (canManage) {
              <th scope="col">{{ t('sources.actions') }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (s of list; track s.key) {
            <tr [class.disabled]="!s.enabled">
              <th scope="row">
                {{ pick(s.nameZh, s.nameEn) }}<br /><small>{{ s.key }}</small>
              </th>
              <td>{{ s.connectorType }}</td>
              <td>{{ s.schedule ?? t('sources.manual') }}</td>
              <td>
                @if (s.lastRun; as r) {
                  <a [routerLink]="['/sources/runs', r.id]" [class]="'run run--' + r.status">{{
                    t(runStatusKey(r.status))
                  }}</a>
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
              @if (canManage) {
                <td class="actions">
                  <button type="button" (click)="previewing.set(s)">{{ t('sources.preview') }}</button>
                  <button type="button" [disabled]="busy()" (click)="runNow(s.key)">
                    {{ t('sources.runNow') }}
                  </button>
                  <button
                    type="button"
                    [attr.aria-expanded]="backfillKey() === s.key"
                    (click)="toggleBackfill(s.key)"
                  >
                    {{ t('sources.backfill') }}
                  </button>
                </td>
              }
            </tr>
            @if (backfillKey() === s.key) {
              <tr class="backfill">
                <td colspan="7">
                  <form (submit)="backfill($event, s.key, from.value, to.value)">
                    <label>{{ t('sources.backfillFrom') }} <input #from type="date" required /></label>
                    <label>{{ t('sources.backfillTo') }} <input #to type="date" required /></label>
                    <button type="submit" [disabled]="busy()">{{ t('sources.backfillSubmit') }}</button>
                    <button type="button" (click)="backfillKey.set(null)">{{ t('sources.cancel') }}</button>
                    @if (windowInvalid()) {
                      <span role="alert" class="invalid">{{ t('sources.invalidWindow') }}</span>
                    }
                  </form>
                </td>
              </tr>
            }
          } @empty {
            <tr>
              <td colspan="7">{{ t('common.noData') }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p>{{ t('common.loading') }}</p>
    }
    @if (previewing(); as s) {
      <cp-source-preview-dialog
        [sourceKey]="s.key"
        [name]="pick(s.nameZh, s.nameEn)"
        (closed)="previewing.set(null)"
      />
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
  /** Preview, run and backfill are data_admin actions (the API enforces the same). */
  protected readonly canManage = inject(AuthSessionService).hasRole('data_admin');
  protected readonly sources = rxResource({ stream: () => this.data.sources() });
  protected readonly previewing = signal<SourceDto | null>(null);
  protected readonly backfillKey = signal<string | null>(null);
  protected readonly windowInvalid = signal(false);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<unknown>(null);
  /** The run last queued from this page, re-read until it ends. */
  private readonly trackedId = signal<number | null>(null);
  protected readonly tracked = rxResource({
    params: () => this.trackedId() ?? undefined,
    stream: ({ params }) =>
      timer(0, RUN_POLL_MS).pipe(
        switchMap(() => this.data.run(String(params))),
        takeWhile(isOpen, true),
        // The source list shows the run's outcome once it has ended.
        tap((run) => {
          if (!isOpen(run)) this.sources.reload();
        }),
      ),
  });

  protected toggleBackfill(key: string): void {
    this.windowInvalid.set(false);
    this.backfillKey.update((current) => (current === key ? null : key));
  }

  protected runNow(key: string): void {
    this.queue(this.data.runNow(key));
  }

  protected backfill(event: Event, key: string, from: string, to: string): void {
    event.preventDefault();
    // Dates as YYYY-MM-DD compare correctly as text.
    this.windowInvalid.set(from === '' || to === '' || from > to);
    if (this.windowInvalid()) return;
    this.queue(this.data.backfill(key, { from, to }), () => this.backfillKey.set(null));
  }

  private queue(request: ReturnType<SourceDataService['runNow']>, done?: () => void): void {
    this.busy.set(true);
    this.actionError.set(null);
    request.subscribe({
      next: (run) => {
        this.trackedId.set(run.id);
        this.sources.reload();
        done?.();
      },
      error: (error: unknown) => {
        this.actionError.set(error);
        this.busy.set(false);
      },
      complete: () => this.busy.set(false),
    });
  }
}
