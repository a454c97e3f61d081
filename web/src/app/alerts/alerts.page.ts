import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ALERT_EVENT_STATES, type AlertEventState } from '@civicpulse/contracts';
import { alertKindKey, alertStateKey } from '../i18n/message-keys';
import { TranslationService } from '../i18n/translation.service';
import { RequestErrorComponent } from '../shared/request-error.component';
import { AlertDataService } from './alert-data.service';

/** 告警: alert events raised by the rules, open or resolved. */
@Component({
  selector: 'cp-alerts-page',
  imports: [RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t('nav.alerts') }}</h1>
    <div class="states" role="group" [attr.aria-label]="t('alerts.state')">
      @for (s of states; track s) {
        <button type="button" [attr.aria-pressed]="state() === s" (click)="state.set(s)">
          {{ t(alertStateKey(s)) }}
        </button>
      }
    </div>
    @if (events.error()) {
      <cp-request-error [error]="events.error()" />
    } @else if (events.value(); as list) {
      <ul>
        @for (a of list; track a.id) {
          <li class="event" [class.event--open]="a.state === 'open'">
            <strong>{{ t(alertKindKey(a.kind)) }}</strong> · {{ a.ruleName }}
            <p>{{ pick(a.message, a.messageEn ?? a.message) }}</p>
            <small>
              {{ a.indicatorCode }}
              @if (a.regionCode) {
                · {{ a.regionCode }}
              }
              @if (a.value !== null) {
                · {{ number(a.value) }}
              }
            </small>
            <small>{{ t('alerts.opened') }} {{ date(a.openedAt, 'datetime') }}</small>
            @if (a.resolvedAt) {
              <small>{{ t('alerts.resolved') }} {{ date(a.resolvedAt, 'datetime') }}</small>
            }
          </li>
        } @empty {
          <li>{{ t('alerts.none') }}</li>
        }
      </ul>
    } @else {
      <p>{{ t('common.loading') }}</p>
    }
  `,
  styles: `
    h1 {
      font-size: 22px;
    }
    .states {
      display: flex;
      gap: 8px;
      margin-bottom: 12px;
    }
    button {
      background: #fff;
      border: 1px solid #1d4ed8;
      color: #1d4ed8;
      border-radius: 4px;
      padding: 4px 12px;
      cursor: pointer;
      font: inherit;
    }
    button[aria-pressed='true'] {
      background: #1d4ed8;
      color: #fff;
    }
    button:focus-visible {
      outline: 2px solid #1d4ed8;
      outline-offset: 2px;
    }
    ul {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .event {
      background: #fff;
      border-left: 4px solid #86909c;
      padding: 8px 12px;
      border-radius: 6px;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .event--open {
      border-left-color: #b42318;
    }
    p {
      margin: 0;
    }
    small {
      color: #4e5969;
    }
  `,
})
export class AlertsPage {
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(AlertDataService);
  protected readonly t = this.i18n.t;
  protected readonly pick = this.i18n.pick;
  protected readonly date = this.i18n.date;
  protected readonly number = this.i18n.number;
  protected readonly alertKindKey = alertKindKey;
  protected readonly alertStateKey = alertStateKey;
  protected readonly states = ALERT_EVENT_STATES;
  protected readonly state = signal<AlertEventState>('open');
  protected readonly events = rxResource({
    params: () => this.state(),
    stream: ({ params }) => this.data.events(params),
  });
}
