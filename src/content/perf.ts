/**
 * Timing for `npm run bench`: when the page's <html> carries data-human-tone-bench, the content
 * script records how long its own work takes as performance measures. Otherwise nothing is recorded.
 */
/** Checked on each call (an attribute lookup), so the benchmark can switch it on after load. */
function on(): boolean {
  return document.documentElement.hasAttribute('data-human-tone-bench');
}

/** Runs `fn` and, when benchmarking, records its duration under `name`. */
export function timed<T>(name: string, fn: () => T): T {
  if (!on()) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(`human-tone:${name}`, { start, end: performance.now() });
  }
}

/** Records a span that started earlier (e.g. from the analysis request to the highlights drawn). */
export function span(name: string, start: number): void {
  if (on()) performance.measure(`human-tone:${name}`, { start, end: performance.now() });
}

export function now(): number {
  return on() ? performance.now() : 0;
}
