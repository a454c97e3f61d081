import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { AlertDataService } from '../alerts/alert-data.service';
import { alertKindKey, domainKey } from '../i18n/message-keys';
import { TranslationService } from '../i18n/translation.service';
import { RequestErrorComponent } from '../shared/request-error.component';
import { DistrictMapPanelComponent } from './district-map-panel.component';
import { HeadlineTileComponent } from './headline-tile.component';
import { OverviewDataService } from './overview-data.service';

/** 城市运行总览: headline tiles per domain, the district map and open alerts. */
@Component({
  selector: 'cp-overview-page',
  imports: [RouterLink, HeadlineTileComponent, DistrictMapPanelComponent, RequestErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview.page.html',
  styleUrl: './overview.page.scss',
})
export class OverviewPage {
  private readonly i18n = inject(TranslationService);
  private readonly overviewData = inject(OverviewDataService);
  private readonly alertData = inject(AlertDataService);
  protected readonly t = this.i18n.t;
  protected readonly pick = this.i18n.pick;
  protected readonly date = this.i18n.date;
  protected readonly domainKey = domainKey;
  protected readonly alertKindKey = alertKindKey;

  protected readonly overview = rxResource({ stream: () => this.overviewData.overview() });
  protected readonly alerts = rxResource({ stream: () => this.alertData.events('open') });
  protected readonly headlines = computed(
    () => this.overview.value()?.domains.flatMap((d) => d.headlines) ?? [],
  );
}
