import type { StatusColour as ChartStatusColour } from '@civicpulse/charts';
import type { KpiStatusDto, StatusColour } from '@civicpulse/contracts';
import type { MessageKey } from '../i18n/zh-CN';

const TO_CHART: Record<StatusColour, ChartStatusColour> = {
  green: 'green',
  yellow: 'yellow',
  orange: 'orange',
  red: 'red',
  dark_red: 'darkRed',
  grey: 'none',
};

/** The chart library's name for an API status colour. */
export function chartColour(colour: StatusColour): ChartStatusColour {
  return TO_CHART[colour];
}

/** Message key of a KPI status. */
export function statusKey(status: KpiStatusDto): MessageKey {
  return `status.${status}`;
}

/** Message key of a status colour (for the text next to the colour, never colour alone). */
export function colourKey(colour: StatusColour): MessageKey {
  return `colour.${colour}`;
}
