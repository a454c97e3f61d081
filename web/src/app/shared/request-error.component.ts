import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { requestFailure } from '../core/api-error';
import { TranslationService } from '../i18n/translation.service';

/** A failed request explained in words, announced to screen readers. */
@Component({
  selector: 'cp-request-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p role="alert" class="error">{{ message() }}</p>`,
  styles: `
    .error {
      color: #a8071a;
      background: #fff1f0;
      padding: 8px 12px;
      border-radius: 6px;
    }
  `,
})
export class RequestErrorComponent {
  readonly error = input<unknown>(null);
  private readonly t = inject(TranslationService).t;
  protected readonly message = computed(() => this.t(`error.${requestFailure(this.error())}`));
}
