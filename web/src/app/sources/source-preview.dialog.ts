import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslationService } from '../i18n/translation.service';
import { RequestErrorComponent } from '../shared/request-error.component';
import { SourceDataService } from './source-data.service';

/** Preview of a source in a modal: mapped observations and rejected rows of its first rows. */
@Component({
  selector: 'cp-source-preview-dialog',
  imports: [RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closed.emit()' },
  template: `
    <div class="backdrop" tabindex="-1" (click)="closed.emit()" (keyup.escape)="closed.emit()"></div>
    <section role="dialog" aria-modal="true" aria-labelledby="preview-title" class="dialog">
      <header>
        <h2 id="preview-title">{{ t('sources.previewTitle', { name: name() }) }}</h2>
        <button #close type="button" (click)="closed.emit()">{{ t('sources.close') }}</button>
      </header>
      @if (preview.error()) {
        <cp-request-error [error]="preview.error()" />
      } @else if (preview.value(); as p) {
        <p>
          {{
            t('sources.previewSummary', {
              read: number(p.rowsRead),
              observations: number(p.observations.length),
              rejects: number(p.rejects.length),
            })
          }}
        </p>
        @if (p.observations.length) {
          <table>
            <caption>
              {{
                t('sources.observations')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('sources.indicator') }}</th>
                <th scope="col">{{ t('sources.region') }}</th>
                <th scope="col">{{ t('sources.period') }}</th>
                <th scope="col">{{ t('sources.value') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (o of p.observations; track $index) {
                <tr>
                  <td>{{ o.indicatorCode }}</td>
                  <td>{{ o.regionCode }}</td>
                  <td>{{ date(o.periodStart, 'datetime') }}</td>
                  <td>{{ number(o.value) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        @if (p.rejects.length) {
          <table>
            <caption>
              {{
                t('sources.rejects')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('sources.row') }}</th>
                <th scope="col">{{ t('sources.reason') }}</th>
                <th scope="col">{{ t('sources.message') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of p.rejects; track $index) {
                <tr>
                  <td>{{ r.rowNumber }}</td>
                  <td>{{ r.reasonCode }}</td>
                  <td>{{ r.message }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      } @else {
        <p>{{ t('common.loading') }}</p>
      }
    </section>
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      background: rgb(0 0 0 / 35%);
      z-index: 100;
    }
    .dialog {
      position: fixed;
      inset: 5vh 5vw;
      overflow: auto;
      background: #fff;
      border-radius: 8px;
      padding: 16px;
      z-index: 101;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
    }
    h2 {
      font-size: 18px;
      margin: 0;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 13px;
      margin-top: 12px;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 6px 0;
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
export class SourcePreviewDialog {
  /** Key of the source to preview. */
  readonly sourceKey = input.required<string>();
  /** Its display name. */
  readonly name = input.required<string>();
  /** Emitted on Close, Escape or a click outside. */
  readonly closed = output<void>();
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(SourceDataService);
  private readonly closeButton = viewChild.required<ElementRef<HTMLButtonElement>>('close');
  protected readonly t = this.i18n.t;
  protected readonly date = this.i18n.date;
  protected readonly number = this.i18n.number;
  protected readonly preview = rxResource({
    params: () => this.sourceKey(),
    stream: ({ params }) => this.data.preview(params),
  });

  constructor() {
    // Keyboard users land in the dialog, on its close button.
    afterNextRender(() => this.closeButton().nativeElement.focus());
  }
}
