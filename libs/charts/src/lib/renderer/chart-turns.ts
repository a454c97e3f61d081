/*
 * Chart creation turns, one per animation frame. A page that shows many charts (the overview has a
 * sparkline per headline) would otherwise create them all back to back once ECharts is in, and the
 * browser would paint none until the last was drawn; taking turns, the first chart goes at once,
 * is on screen after one frame, and the rest follow frame by frame in the order they asked.
 */
const waiting: (() => void)[] = [];
let scheduled = false;

function onNextFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}

function grantNext(): void {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length > 0) {
    scheduled = true;
    onNextFrame(grantNext);
  }
}

/** Resolves when it is this chart's turn to be created. */
export function requestChartTurn(): Promise<void> {
  if (!scheduled && waiting.length === 0) {
    // No chart went in this frame: go now, and whoever asks next waits for the next frame.
    scheduled = true;
    onNextFrame(grantNext);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      onNextFrame(grantNext);
    }
  });
}
