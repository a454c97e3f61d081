import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { buildGaugeOptions, ChartComponent } from '@civicpulse/charts';
import { AlertDataService } from '../alerts/alert-data.service';
import { domainKey } from '../i18n/message-keys';
import { TranslationService } from '../i18n/translation.service';
import { OverviewDataService } from '../overview/overview-data.service';
import { BrandProjectDataService } from '../projects/brand-project-data.service';
import { chartColour } from '../shared/status-colour';
import { StatusTagComponent } from '../shared/status-tag.component';
import { refreshSeconds } from './refresh-interval';

/**
 * 大屏: a dark, scroll-free wall display sized in vw/vh so it reads the same on 1920×1080 and
 * 3840×2160. It re-fetches every `refresh` seconds (query parameter, default 60) without animation.
 */
@Component({
  selector: 'cp-big-screen-page',
  imports: [ChartComponent, StatusTagComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:resize)': 'measure()' },
  templateUrl: './big-screen.page.html',
  styleUrl: './big-screen.page.scss',
})
export class BigScreenPage {
  /** Query parameter: seconds between refreshes. */
  readonly refresh = input<string | undefined>(undefined);
  private readonly i18n = inject(TranslationService);
  private readonly overviewData = inject(OverviewDataService);
  private readonly projectData = inject(BrandProjectDataService);
  private readonly alertData = inject(AlertDataService);
  protected readonly t = this.i18n.t;
  protected readonly name = this.i18n.name;
  protected readonly pick = this.i18n.pick;
  protected readonly number = this.i18n.number;
  protected readonly date = this.i18n.date;
  protected readonly domainKey = domainKey;

  protected readonly overview = rxResource({ stream: () => this.overviewData.overview() });
  protected readonly projects = rxResource({ stream: () => this.projectData.list() });
  /** Viewport height relative to the 1080-pixel design, for chart fonts (CSS uses vh directly). */
  protected readonly scale = signal(viewportScale());
  protected readonly alerts = rxResource({ stream: () => this.alertData.events('open') });

  protected readonly gauges = computed(() =>
    (this.projects.value() ?? []).map((p) => ({
      code: p.code,
      label: this.name(p),
      options: buildGaugeOptions(
        { score: p.score.score, colour: chartColour(p.score.colour), label: this.name(p) },
        {
          locale: this.i18n.locale(),
          theme: 'dark',
          animation: false,
          noScoreText: this.t('project.insufficientData'),
          sizeScale: this.scale(),
        },
      ),
    })),
  );

  constructor() {
    // The query parameter arrives after construction (router input binding), so the timer is
    // (re)started whenever it changes rather than once here.
    effect((onCleanup) => {
      const timer = setInterval(() => this.reload(), refreshSeconds(this.refresh()) * 1000);
      onCleanup(() => clearInterval(timer));
    });
  }

  protected measure(): void {
    this.scale.set(viewportScale());
  }

  /** Re-fetches everything; the previous values stay on screen until new ones arrive. */
  reload(): void {
    this.overview.reload();
    this.projects.reload();
    this.alerts.reload();
  }
}

function viewportScale(): number {
  return typeof window === 'undefined' ? 1 : Math.max(0.5, window.innerHeight / 1080);
}
