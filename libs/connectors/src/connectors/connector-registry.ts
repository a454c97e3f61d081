import { arcgisConnector } from './arcgis/arcgis-connector';
import { ckanConnector } from './ckan/ckan-connector';
import type { ConnectorDefinition } from './connector';
import { csvConnector } from './csv/csv-connector';
import { jsonConnector } from './json/json-connector';
import { opendatasoftConnector } from './opendatasoft/opendatasoft-connector';
import { socrataConnector } from './socrata/socrata-connector';
import { xlsxConnector } from './xlsx/xlsx-connector';

/** Every connector type, by the `connector.type` a manifest names. Add a type with one line. */
export const CONNECTOR_REGISTRY: Readonly<Record<string, ConnectorDefinition>> = {
  ckan: ckanConnector,
  socrata: socrataConnector,
  arcgis: arcgisConnector,
  opendatasoft: opendatasoftConnector,
  csv: csvConnector,
  json: jsonConnector,
  xlsx: xlsxConnector,
};

/** The connector for `type`, or undefined. */
export function findConnector(type: string): ConnectorDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(CONNECTOR_REGISTRY, type)
    ? CONNECTOR_REGISTRY[type]
    : undefined;
}
