// Every scenario of the browser suite, in the order they run.
import { bigScreen } from './big-screen.mjs';
import { csvExport } from './indicators.mjs';
import { languageSwitch } from './language.mjs';
import { projectScore, publicShowcase } from './projects.mjs';
import { login, overviewCharts } from './session.mjs';
import { dataAdminSources } from './sources.mjs';

export const SCENARIOS = [
  login,
  overviewCharts,
  projectScore,
  languageSwitch,
  csvExport,
  bigScreen,
  publicShowcase,
  dataAdminSources,
];
