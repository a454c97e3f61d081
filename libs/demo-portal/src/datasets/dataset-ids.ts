/**
 * Ids under which the demo portal publishes its datasets. Source manifests and tests refer to
 * these; they never change between releases.
 */
export const DATASET_IDS = {
  ckanPackage: 'demo-city-traffic',
  trafficDaily: '5f0d8a52-3c1e-4b7a-9d21-7a0c3e1f9b01',
  trafficMonthly: '5f0d8a52-3c1e-4b7a-9d21-7a0c3e1f9b02',
  trafficYearly: '5f0d8a52-3c1e-4b7a-9d21-7a0c3e1f9b03',
  healthMonthly: 'hm7k-2q9x',
  healthYearly: 'hy3p-8vtd',
  benchObservations: 'bnch-0bsv',
  trafficHourly: 'TrafficHourly',
  trafficAccidents: 'TrafficAccidents',
  educationSchoolYear: 'demo-city-education-school-year',
  educationMonthly: 'demo-city-education-monthly',
  schools: 'demo-city-schools',
  hotlineRate: 'hotline-12345-satisfaction',
  hotlineRated: 'hotline-12345-rated-cases',
  hotlineSatisfied: 'hotline-12345-satisfied-cases',
  hotlineJson: 'hotline-12345',
  patientSatisfaction: 'patient-satisfaction',
  citizenSurvey: 'citizen-survey',
} as const;
