import type { DatasetRegistry } from '../datasets/dataset-registry';
import { DATASET_IDS } from '../datasets/dataset-ids';

/** The landing document: every dataset with the URL a client starts from. */
export function portalIndex(registry: DatasetRegistry, origin: string): Record<string, unknown> {
  const entry = (portal: string, id: string, path: string, title: string): Record<string, string> => ({
    portal,
    id,
    title,
    url: `${origin}${path}`,
  });
  const datasets = registry.all().map((d) => {
    switch (d.portal) {
      case 'ckan':
        return entry('ckan', d.id, `/ckan/api/3/action/datastore_search?resource_id=${d.id}`, d.titleZh);
      case 'socrata':
        return entry('socrata', d.id, `/resource/${d.id}.json`, d.titleZh);
      case 'arcgis':
        return entry('arcgis', d.id, `/arcgis/rest/services/${d.id}/FeatureServer/0`, d.titleZh);
      case 'ods':
        return entry('ods', d.id, `/api/explore/v2.1/catalog/datasets/${d.id}/records`, d.titleZh);
      default:
        return entry(d.portal, d.id, '/', d.titleZh);
    }
  });
  return {
    name: '示范市公共数据开放平台（演示） / Demo City open data portal (demo)',
    until: new Date(registry.options.until).toISOString(),
    datasets: datasets.filter((d) => d['portal'] !== 'file'),
    files: [
      `${origin}/files/${DATASET_IDS.hotlineRate}.csv`,
      `${origin}/files/${DATASET_IDS.hotlineRated}.csv`,
      `${origin}/files/${DATASET_IDS.hotlineSatisfied}.csv`,
      `${origin}/files/${DATASET_IDS.patientSatisfaction}.csv`,
      `${origin}/files/${DATASET_IDS.hotlineJson}.json`,
      `${origin}/files/${DATASET_IDS.citizenSurvey}.xlsx`,
    ],
    bench: `${origin}/bench/observations.csv?rows=1000000`,
    package: `${origin}/ckan/api/3/action/package_show?id=${DATASET_IDS.ckanPackage}`,
  };
}
