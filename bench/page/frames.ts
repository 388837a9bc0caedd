/** How long the frames took while the view moved: their count, median and 95th percentile, in milliseconds. */
export interface FrameTimes {
  frames: number;
  frameMedianMs: number;
  frameP95Ms: number;
}

/**
 * Times every frame while `move` runs (after a short pause for what the page was still doing), each frame the time
 * since the one before; the first, which began before the moves, is left out.
 */
export async function framesWhile(move: () => Promise<void>): Promise<FrameTimes> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const frames: number[] = [];
  let moving = true;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    frames.push(now - last);
    last = now;
    if (moving) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  await move();
  moving = false;
  frames.shift();
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    frameMedianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    frameP95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0,
  };
}
