import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();

class ResizeObserverStub {
  observe(): void {
    // jsdom never resizes; nothing to observe.
  }
  unobserve(): void {
    // see observe()
  }
  disconnect(): void {
    // see observe()
  }
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// jsdom has no canvas; ECharts only needs text measurement from it when rendering with SVG.
import { setPlatformAPI } from 'echarts/core';
setPlatformAPI({ measureText: (text = '') => ({ width: text.length * 7 }) });
