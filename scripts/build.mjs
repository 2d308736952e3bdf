// Builds everything the hosts run: the renderer (Vite) and the Node/Electron bundles (esbuild).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmodSync, rmSync } from 'node:fs';

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
  await Promise.all([
    esbuild({ ...node, entryPoints: ['main/index.ts'], outfile: 'dist/main.mjs', external: ['electron'] }),
    esbuild({ ...node, entryPoints: ['main/cli.ts'], outfile: 'dist/cli.mjs' }),
    esbuild({ ...node, entryPoints: ['test/harness/server.ts'], outfile: 'dist/harness.mjs' }),
    esbuild({ ...node, entryPoints: ['main/adapters/keychain-list-child.mjs'], outfile: 'dist/keychain-list-child.mjs' }),
    // The preload runs sandboxed: one self-contained CommonJS file, electron the only import.
    esbuild({ ...node, entryPoints: ['main/preload.ts'], outfile: 'dist/preload.cjs', format: 'cjs', packages: undefined, external: ['electron'], platform: 'node' }),
  ]);
  chmodSync('dist/cli.mjs', 0o755);
}
if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
console.log('build: dist/ ready');
