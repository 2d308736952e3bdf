/**
 * Runs `run` once the page has had the chance to paint: after the next animation frame and the
 * task behind it, so the work does not sit between the first render and the first paint. A window
 * that draws no frames (hidden, minimised) still runs it, after `fallbackMs`. Returns a cancel.
 */
export function afterPaint(run: () => void, fallbackMs = 200): () => void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    run();
  };
  const fallback = setTimeout(go, fallbackMs);
  const frame = requestAnimationFrame(() => setTimeout(go, 0));
  return () => {
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
  };
}
