import { DefaultUrlSerializer } from '@angular/router';
import { headsForOverview } from './overview-prefetch';

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
