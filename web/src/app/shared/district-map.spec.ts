import { toDistrictMap } from './district-map';

describe('toDistrictMap', () => {
  it('keeps districts with geometry and names features by region code', () => {
    const geometry = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const map = toDistrictMap({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: '990100',
          properties: { code: '990100', nameZh: '示范市', nameEn: 'Demo City', level: 'city' },
          geometry,
        },
        {
          type: 'Feature',
          id: '990101',
          properties: { code: '990101', nameZh: '一区', nameEn: 'One', level: 'district' },
          geometry,
        },
        {
          type: 'Feature',
          id: '990102',
          properties: { code: '990102', nameZh: '二区', nameEn: 'Two', level: 'district' },
          geometry: null,
        },
      ],
    });
    expect(map.features.map((f) => f.properties.name)).toEqual(['990101']);
    expect(map.features[0].geometry).toBe(geometry);
  });
});
