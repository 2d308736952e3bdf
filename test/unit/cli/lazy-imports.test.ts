/**
 * The command line loads only what a command uses: what `porchlight --help`, `--version` and
 * `wifi` load (the static import graph of main/cli.ts, dynamic `import()` edges left out) holds
 * none of the core, the profile stores, the network adapters or their heavy packages. Read from
 * esbuild's own module graph of the real entry point.
 */
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../support/import-graph.js';


describe('CLI start-up import graph', () => {
  it('loads no core, store, network adapter or heavy package before a command needs it', async () => {
    // main/cli.ts imports the dispatcher (run.ts) itself with import(), right away.
    const g = await staticGraph('main/cli.ts', { platform: 'node', roots: ['main/cli/run.ts'] });
    expect(g.dynamic).toContain('main/cli/run.ts');
    expect(g.files).toContain('main/cli/wifi.ts');
    for (const heavy of ['main/compose.ts', 'main/core/app-core.ts', 'main/adapters/profile.ts', 'main/adapters/network/index.ts', 'main/core/wifi/passphrase.ts']) {
      expect(g.files, heavy).not.toContain(heavy);
    }
    // The Wi-Fi and network adapters and the login prober load when their command runs, not for --help.
    const adapters = [...g.files].filter((f) => /^main\/(adapters\/|core\/credentials\/)/.test(f));
    expect(adapters).toEqual([]);
    const allowed = (p: string) => p.startsWith('node:');
    expect([...g.packages].filter((p) => !allowed(p))).toEqual([]);
    // …and the heavy part is still reachable, through a dynamic import.
    expect([...g.dynamic]).toContain('main/cli/host.ts');
  });

  it('neither the CLI core nor the main process loads password dictionaries, word lists or the QR encoder at start-up', async () => {
    for (const [entry, roots] of [
      ['main/cli.ts', ['main/cli/run.ts', 'main/cli/host.ts']],
      ['main/index.ts', []],
    ] as const) {
      const g = await staticGraph(entry, { platform: 'node', roots: [...roots] });
      const heavy = [...g.packages].filter((p) => /^@zxcvbn-ts\/|^diceware-wordlist|^qrcode$/.test(p));
      expect(heavy, entry).toEqual([]);
    }
  });
});
