import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

/**
 * zxcvbn off the main thread. Rating a 128-character passphrase (the IPC maximum) costs about a
 * second of CPU; run on the main thread it froze every other call (and, in the app, the window)
 * for that long. Here one worker thread, started on first use and kept (unref'd, so it never holds
 * a process open), does the rating; the main thread only waits for a message.
 *
 * The worker is an inline CommonJS script that loads the same @zxcvbn-ts packages by absolute
 * path (resolved here), so it runs unchanged under Node, vitest and the esbuild bundles, and needs
 * no extra file in the package. If no worker can be started at all, the rating runs in-thread
 * (slow but correct) rather than failing.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const core = require(workerData.core);
const common = require(workerData.common);
const en = require(workerData.en);
const z = new core.ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});
parentPort.on('message', ({ id, p, inputs }) => {
  try {
    const r = z.check(p, inputs);
    parentPort.postMessage({ id, score: r.score, guessesLog10: r.guessesLog10 });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

export interface ZxcvbnResult {
  score: number;
  guessesLog10: number;
}

type Pending = { resolve: (r: ZxcvbnResult) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function start(): Worker {
  const req = createRequire(import.meta.url);
  const w = new Worker(SOURCE, {
    eval: true,
    workerData: { core: req.resolve('@zxcvbn-ts/core'), common: req.resolve('@zxcvbn-ts/language-common'), en: req.resolve('@zxcvbn-ts/language-en') },
  });
  w.on('message', (m: { id: number; score?: number; guessesLog10?: number; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (typeof m.score === 'number' && typeof m.guessesLog10 === 'number') p.resolve({ score: m.score, guessesLog10: m.guessesLog10 });
    else p.reject(new Error(m.error ?? 'the rating worker answered nonsense'));
  });
  const fail = (err: Error) => {
    if (worker === w) worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(err);
    }
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the rating worker stopped (exit ${code})`)));
  w.unref();
  return w;
}

/**
 * zxcvbn's score and guesses for `p`, computed in the worker thread. `inThread` is the fallback
 * used when the worker cannot run (it is the same computation).
 */
export function zxcvbnOffThread(p: string, inputs: string[], inThread: () => ZxcvbnResult): Promise<ZxcvbnResult> {
  try {
    worker ??= start();
  } catch {
    return Promise.resolve(inThread());
  }
  const w = worker;
  const id = nextId++;
  return new Promise<ZxcvbnResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, p, inputs });
  }).catch(() => inThread());
}

/** Stops the worker (tests, benchmarks). */
export async function stopRatingWorker(): Promise<void> {
  const w = worker;
  worker = null;
  await w?.terminate();
}
