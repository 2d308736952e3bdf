/** Deadlines and bounded concurrency: no single peer can hold a survey past its budget. */

/** Resolves to the promise's value, or to `{timedOut:true}` after `ms`; the timer never keeps the process alive. */
export async function withDeadline<T>(p: Promise<T>, ms: number): Promise<{ timedOut: false; value: T } | { timedOut: true }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ timedOut: true }>((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), Math.max(0, ms));
    timer.unref?.();
  });
  try {
    return await Promise.race([p.then((value) => ({ timedOut: false as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Maps with at most `limit` calls in flight. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}

/** Human reason for a failed probe (timeouts and refusals say so plainly). */
export function probeError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = typeof e?.message === 'string' ? e.message : String(err);
  return msg.slice(0, 200);
}
