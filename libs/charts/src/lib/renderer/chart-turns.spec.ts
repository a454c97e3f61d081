import { requestChartTurn } from './chart-turns';

describe('requestChartTurn', () => {
  it('grants turns in the order asked, one per frame', async () => {
    const frames: FrameRequestCallback[] = [];
    const raf = jest.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((cb) => {
      frames.push(cb);
      return frames.length;
    });
    const granted: string[] = [];
    const first = requestChartTurn().then(() => granted.push('first'));
    const second = requestChartTurn().then(() => granted.push('second'));
    const third = requestChartTurn().then(() => granted.push('third'));
    // The first goes at once; the others wait for frames, so the first can be painted before them.
    await first;
    expect(granted).toEqual(['first']);
    expect(frames).toHaveLength(1);

    frames.shift()?.(16);
    await second;
    expect(granted).toEqual(['first', 'second']);
    expect(frames).toHaveLength(1);

    frames.shift()?.(32);
    await third;
    expect(granted).toEqual(['first', 'second', 'third']);
    // With nobody waiting no frame is asked for, and the next chart goes at once again.
    expect(frames).toHaveLength(0);
    await requestChartTurn();
    expect(frames).toHaveLength(1);
    frames.shift()?.(48);
    raf.mockRestore();
  });
});
