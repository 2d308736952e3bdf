// Builds everything the hosts run: the renderer (Vite) and the Node/Electron bundles (esbuild).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { syncChannelNames } from './channel-names.mjs';
import { writeOuiIndex } from './oui-index.mjs';

const only = process.argv[2];
if (!only) rmSync('dist', { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

if (!only || only === 'main') {
  // The preload's channel-name list, from the contract (so the two can never differ).
  if (await syncChannelNames()) console.log('build: main/ipc/channel-names.ts regenerated from the contract');
  try {
    // The CLI's chunks from an earlier build (their names carry a content hash).
    for (const f of readdirSync('dist')) if (f.startsWith('cli-')) rmSync(`dist/${f}`);
  } catch {
    // no dist/ yet
  }
  await Promise.all([
    esbuild({ ...node, entryPoints: ['main/index.ts'], outfile: 'dist/main.mjs', external: ['electron'] }),
    // The installed command: code-split, so each command loads only what it uses (`await import()`);
    // the chunks sit beside cli.mjs because modules locate package.json and resources/ from there.
    esbuild({ ...node, entryPoints: { cli: 'main/cli.ts' }, outdir: 'dist', splitting: true, chunkNames: 'cli-[name]-[hash]', outExtension: { '.js': '.mjs' } }),
    esbuild({ ...node, entryPoints: ['test/harness/server.ts'], outfile: 'dist/harness.mjs' }),
    // The preload runs sandboxed: one self-contained CommonJS file, electron the only import; it
    // carries the channel names and nothing else (≤ 10 KB, `npm run bench`).
    esbuild({ ...node, entryPoints: ['main/preload.ts'], outfile: 'dist/preload.cjs', format: 'cjs', packages: undefined, external: ['electron'], platform: 'node' }),
  ]);
  chmodSync('dist/cli.mjs', 0o755);
  // The MAC-vendor index the bundles read on their first lookup (instead of oui-data's 5 MB JSON).
  await writeOuiIndex();
}
if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
console.log('build: dist/ ready');
