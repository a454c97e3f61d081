/**
 * Where things live inside a catalogue directory. Other folders (such as `sources/`, the source
 * manifests read by the ingest worker) are not part of the bundle and are ignored here.
 */
export const CATALOG_LAYOUT = {
  city: 'city.yaml',
  departments: 'departments.yaml',
  indicatorsDir: 'indicators',
  brandProjectsDir: 'brand-projects',
} as const;

/** YAML files of a folder are recognised by these endings. */
export const YAML_EXTENSIONS = ['.yaml', '.yml'] as const;
