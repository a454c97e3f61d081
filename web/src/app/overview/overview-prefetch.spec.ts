import { Location } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { DefaultUrlSerializer, provideRouter } from '@angular/router';
import { loadEcharts } from '@civicpulse/charts';
import { EMPTY } from 'rxjs';
import { AuthSessionService } from '../core/auth/auth-session.service';
import { RegionDataService } from '../core/data/region-data.service';
import { OverviewDataService } from './overview-data.service';
import { headsForOverview, prefetchOverviewOnStart } from './overview-prefetch';

describe('headsForOverview', () => {
  const parse = (url: string) => new DefaultUrlSerializer().parse(url);

  it('is true for the overview and for the root that redirects to it', () => {
    expect(headsForOverview(parse('/overview'))).toBe(true);
    expect(headsForOverview(parse('/overview?x=1'))).toBe(true);
    expect(headsForOverview(parse('/'))).toBe(true);
  });

  it('is false for other pages and for no navigation', () => {
    expect(headsForOverview(parse('/projects'))).toBe(false);
    expect(headsForOverview(parse('/overview/extra'))).toBe(false);
    expect(headsForOverview(null)).toBe(false);
  });
});

describe('prefetchOverviewOnStart', () => {
  /** Runs the initializer for the app opened at `path` (as `Location.path()` gives it). */
  function start(path: string, signedIn: boolean): jest.Mock {
    const prefetch = jest.fn();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: Location, useValue: { path: () => path } },
        { provide: AuthSessionService, useValue: { isSignedIn: () => signedIn } },
        { provide: OverviewDataService, useValue: { prefetch } },
        { provide: RegionDataService, useValue: { regions: () => EMPTY } },
      ],
    });
    TestBed.runInInjectionContext(prefetchOverviewOnStart);
    return prefetch;
  }

  // The prefetch also imports the page's, the layout's and ECharts' code: let it finish here.
  afterAll(() => Promise.all([import('./overview.page'), import('../shell/shell.routes'), loadEcharts()]));

  it("starts the overview's request for a signed-in reader opening the overview or the root", () => {
    expect(start('/overview', true)).toHaveBeenCalledTimes(1);
    expect(start('', true)).toHaveBeenCalledTimes(1);
  });

  it('starts nothing for another page, or before signing in', () => {
    expect(start('/projects', true)).not.toHaveBeenCalled();
    expect(start('/overview', false)).not.toHaveBeenCalled();
  });
});
