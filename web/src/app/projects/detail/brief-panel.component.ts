import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslationService } from '../../i18n/translation.service';
import { downloadText } from '../../shared/file-download';
import { RequestErrorComponent } from '../../shared/request-error.component';
import { BrandProjectDataService } from '../brand-project-data.service';

/** The period brief in the active language, ready to copy or download as Markdown. */
@Component({
  selector: 'cp-brief-panel',
  imports: [RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (brief.error()) {
      <cp-request-error [error]="brief.error()" />
    } @else if (brief.value(); as b) {
      <article class="brief">
        <h3>{{ b.title }}</h3>
        <ul>
          @for (line of b.lines; track $index) {
            <li>{{ line }}</li>
          }
        </ul>
        <div class="tools">
          <button type="button" (click)="copy(b.body)">{{ t('brief.copy') }}</button>
          <button type="button" (click)="download(b.projectCode, b.period.key, b.body)">
            {{ t('brief.download') }}
          </button>
          <span role="status" class="copied">{{ copied() ? t('brief.copied') : '' }}</span>
        </div>
      </article>
    } @else {
      <p>{{ t('common.loading') }}</p>
    }
  `,
  styles: `
    .brief {
      background: #fff;
      border-radius: 8px;
      padding: 12px 16px;
    }
    h3 {
      margin: 0 0 8px;
      font-size: 16px;
    }
    ul {
      margin: 0 0 12px;
      padding-left: 20px;
      line-height: 1.7;
    }
    .tools {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    button {
      padding: 4px 12px;
      border: 1px solid #1d4ed8;
      color: #1d4ed8;
      background: #fff;
      border-radius: 4px;
      cursor: pointer;
      font: inherit;
    }
    button:focus-visible {
      outline: 2px solid #1d4ed8;
      outline-offset: 2px;
    }
    .copied {
      color: #1e7b43;
      font-size: 13px;
    }
  `,
})
export class BriefPanelComponent {
  readonly projectCode = input.required<string>();
  readonly period = input<string | undefined>(undefined);
  private readonly i18n = inject(TranslationService);
  private readonly data = inject(BrandProjectDataService);
  protected readonly t = this.i18n.t;
  protected readonly copied = signal(false);

  protected readonly brief = rxResource({
    params: () => ({ code: this.projectCode(), period: this.period(), lang: this.i18n.apiLang() }),
    stream: ({ params }) =>
      this.data.brief(params.code, { period: params.period, lang: params.lang, format: 'markdown' }),
  });

  protected copy(body: string): void {
    navigator.clipboard.writeText(body).then(
      () => this.copied.set(true),
      () => this.copied.set(false),
    );
  }

  protected download(code: string, period: string, body: string): void {
    downloadText(`${code}-${period}-brief.md`, body, 'text/markdown;charset=utf-8');
  }
}
