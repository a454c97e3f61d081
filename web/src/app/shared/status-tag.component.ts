import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { STATUS_COLOURS } from '@civicpulse/charts';
import type { KpiStatusDto, StatusColour } from '@civicpulse/contracts';
import { TranslationService } from '../i18n/translation.service';
import { chartColour, statusKey } from './status-colour';

/** A status shown as a coloured dot plus words, so colour is never the only signal. */
@Component({
  selector: 'cp-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="dot" [style.background]="dotColour()" aria-hidden="true"></span>{{ t(key()) }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      white-space: nowrap;
    }
    .dot {
      width: 0.7em;
      height: 0.7em;
      border-radius: 50%;
      display: inline-block;
      flex: none;
    }
  `,
})
export class StatusTagComponent {
  readonly status = input.required<KpiStatusDto>();
  readonly colour = input.required<StatusColour>();
  protected readonly t = inject(TranslationService).t;
  protected readonly key = computed(() => statusKey(this.status()));
  protected readonly dotColour = computed(() => STATUS_COLOURS[chartColour(this.colour())]);
}
