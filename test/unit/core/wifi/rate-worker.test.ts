/**
 * Issue 13, finding 8: rating a long passphrase must not hold up the main thread. The rating runs
 * in a worker thread; it gives the same verdict as the in-thread rating, and while the heaviest
 * input is rated the event loop keeps turning (ordering, not timing: the figures are in
 * `npm run bench rate-passphrase`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ratePassphrase, ratePassphraseOffThread } from '../../../../main/core/wifi/passphrase.js';
import { stopRatingWorker } from '../../../../main/core/wifi/rate-worker.js';

afterAll(() => stopRatingWorker());

describe('passphrase rating in a worker thread', () => {
  it.each(['iloveyou', 'tundra-bagpipe-velvet-osmosis-42', 'HomeNet2024', 'Pässwörd—🔐', 'x'])('gives the in-thread verdict for %j', async (p) => {
    expect(await ratePassphraseOffThread(p, ['HomeNet'])).toEqual(ratePassphrase(p, ['HomeNet']));
  });

  it('leaves the event loop free while the heaviest input is rated', async () => {
    await ratePassphraseOffThread('warm up');
    const heavy = 'correcthorsebatterystaple1984qwerty!'.repeat(4).slice(0, 128);
    let turns = 0;
    let done = false;
    const rating = ratePassphraseOffThread(heavy).then((v) => {
      done = true;
      return v;
    });
    while (!done) {
      await new Promise((r) => setImmediate(r));
      turns++;
    }
    expect((await rating).score).toBeGreaterThanOrEqual(0);
    expect(turns).toBeGreaterThan(20); // in-thread, not a single turn could run before the verdict
  }, 60_000);
});
