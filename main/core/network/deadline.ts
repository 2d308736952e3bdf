/** Deadlines and bounded concurrency: no single peer can hold a survey past its budget. */
import { PorchlightError } from '../errors.js';
import { msg, type Message } from '../messages/index.js';

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

/** A failed probe's own error text, bounded: only ever a param of a message. */
function probeError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const text = typeof e?.message === 'string' ? e.message : String(err);
  return text.slice(0, 200);
}

/**
 * Why a probe failed, as a message: a timeout and a refused connection say so in the reader's
 * language; anything else carries the adapter's own error text as a param, never as the sentence.
 */
export function probeFailure(err: unknown): Message {
  if (err instanceof PorchlightError && err.code === 'timeout') return msg('survey.probe.timeout');
  if (err instanceof PorchlightError && err.code === 'refused') return msg('survey.probe.refused');
  if ((err as { code?: unknown } | null)?.code === 'ECONNREFUSED') return msg('survey.probe.refused');
  // A Porchlight error already says what happened in the reader's words: its message, not its English log line.
  if (err instanceof PorchlightError) return msg('survey.probe.failed', { error: err.userMessage });
  return msg('survey.probe.failed', { error: probeError(err) });
}
