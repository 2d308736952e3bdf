// Builds everything the hosts run: the renderer (Vite) and the Node/Electron bundles (esbuild).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import { syncChannelNames } from './channel-names.mjs';
import { writeOuiIndex } from './oui-index.mjs';
import { writeKevIndex } from './kev-index.mjs';
import { writeIfChanged } from './write-if-changed.mjs';

const only = process.argv[2];

/**
 * The renderer's entry (renderer/main.tsx) sends the first IPC calls, then `import()`s the app
 * (renderer/start.tsx). Without a hint the browser only learns of the app's chunks once the entry
 * has been fetched and run: two round trips in a row. This puts `<link rel="modulepreload">` for
 * start.tsx's chunk and everything it imports statically into index.html, so they download and
 * compile while the entry runs (nothing is evaluated early, so the IPC calls still go first), and
 * start.tsx's stylesheet as a plain `<link rel="stylesheet">` (the `import()` finds it there and
 * does not wait for a second request; a style *preload* is fetched twice under `no-store`).
 */
function firstScreenPreload() {
  return {
    name: 'porchlight-first-screen-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const start = chunk.dynamicImports.map((f) => bundle[f]).find((c) => c?.type === 'chunk' && c.facadeModuleId?.endsWith('/renderer/start.tsx'));
        if (!start) throw new Error('build: renderer/main.tsx no longer imports ./start; update firstScreenPreload in scripts/build.mjs');
        const js = new Set([chunk.fileName]); // the entry itself is index.html's script already
        const css = new Set();
        const visit = (c) => {
          if (js.has(c.fileName)) return;
          js.add(c.fileName);
          for (const f of c.viteMetadata?.importedCss ?? []) css.add(f);
          for (const f of c.imports) if (bundle[f]?.type === 'chunk') visit(bundle[f]);
        };
        visit(start);
        return [
          ...[...css].map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', href: `/${f}` }, injectTo: 'head' })),
          ...[...js].filter((f) => f !== chunk.fileName).map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head' })),
        ];
      },
    },
  };
}
/**
 * Node 22 builds the ES-module view of a built-in module by reading every export once, lazy
 * getters included: `import { readFileSync } from 'node:fs'` loads the whole streams stack
 * (fs.ReadStream), node:crypto loads Web Crypto, node:http loads undici. The CLI's bundle gets
 * these modules through `require` instead, with the same named exports (the data properties; a
 * module importing a lazy getter fails this build rather than loading it).
 */
function builtinsThroughRequire(names = ['fs', 'crypto', 'http', 'util', 'events', 'net']) {
  const require = createRequire(import.meta.url);
  const spec = `(?:node:)?(${names.join('|')})`;
  return {
    name: 'porchlight-builtins-through-require',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${spec}$`) }, (a) => {
        const name = a.path.replace(/^node:/, '');
        // Each importer gets a module exporting only the names it imports: reading a property
        // can load code too (node:util's TextDecoder loads the diff and colour helpers).
        const src = readFileSync(a.importer, 'utf8');
        const used = new Set();
        let all = false;
        for (const m of src.matchAll(new RegExp(`import\\s+([^'";]*?)\\s+from\\s*['"]${a.path}['"]`, 'g'))) {
          const clause = m[1].trim();
          if (clause.startsWith('type ')) continue;
          const braces = /\{([^}]*)\}/.exec(clause);
          if (braces) for (const part of braces[1].split(',')) {
            const n = part.trim().replace(/^type\s+.*$/, '').split(/\s+as\s+/)[0].trim();
            if (n) used.add(n);
          }
          if (clause.includes('*') || /^[\w$]+\s*(,|$)/.test(clause)) all = true;
        }
        if (/export\s*\*\s*from/.test(src) || new RegExp(`import\\(\\s*['"]${a.path}['"]`).test(src)) all = true;
        return { path: `${name}:${all ? '*' : [...used].sort().join(',')}`, namespace: 'builtin-cjs' };
      });
      b.onLoad({ filter: /.*/, namespace: 'builtin-cjs' }, (a) => {
        const [name, list] = a.path.split(':');
        const m = require(`node:${name}`);
        const keys = (list === '*' ? Object.getOwnPropertyNames(m) : list.split(',').filter(Boolean)).filter(
          (k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k) && 'value' in (Object.getOwnPropertyDescriptor(m, k) ?? {}),
        );
        return {
          loader: 'js',
          contents: `import { createRequire } from 'node:module';\nconst m = createRequire(import.meta.url)('node:${name}');\nexport default m;\n${keys.map((k, i) => `const x${i} = m.${k};\nexport { x${i} as ${k} };`).join('\n')}\n`,
        };
      });
    },
  };
}
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
  // Built in memory and written with writeIfChanged: the integration tests run this while the e2e
  // lanes run dist/cli.mjs and dist/main.mjs, which must never see a file half written or a chunk
  // deleted before its replacement is there.
  const bundles = await Promise.all([
    esbuild({ ...node, write: false, entryPoints: ['main/index.ts'], outfile: 'dist/main.mjs', external: ['electron'] }),
    // The installed command: code-split, so each command loads only what it uses (`await import()`);
    // the chunks sit beside cli.mjs because modules locate package.json and resources/ from there.
    esbuild({ ...node, write: false, entryPoints: { cli: 'main/cli.ts' }, outdir: 'dist', splitting: true, chunkNames: 'cli-[name]-[hash]', outExtension: { '.js': '.mjs' }, plugins: [builtinsThroughRequire()] }),
    esbuild({ ...node, write: false, entryPoints: ['test/harness/server.ts'], outfile: 'dist/harness.mjs' }),
    esbuild({ ...node, write: false, entryPoints: ['main/adapters/keychain-list-child.mjs'], outfile: 'dist/keychain-list-child.mjs' }),
    // The preload runs sandboxed: one self-contained CommonJS file, electron the only import; it
    // carries the channel names and nothing else (≤ 10 KB, `npm run bench`).
    esbuild({ ...node, write: false, entryPoints: ['main/preload.ts'], outfile: 'dist/preload.cjs', format: 'cjs', packages: undefined, external: ['electron'], platform: 'node' }),
  ]);
  mkdirSync('dist', { recursive: true });
  const written = new Set();
  for (const file of bundles.flatMap((b) => b.outputFiles)) {
    writeIfChanged(file.path, file.contents, basename(file.path) === 'cli.mjs' ? 0o755 : undefined);
    written.add(basename(file.path));
  }
  // The CLI's chunks from an earlier build (their names carry a content hash), once the new ones are in place.
  for (const f of readdirSync('dist')) if (f.startsWith('cli-') && !written.has(f)) rmSync(`dist/${f}`, { force: true });
  // The MAC-vendor index the bundles read on their first lookup (instead of oui-data's 5 MB JSON).
  await writeOuiIndex();
  // The compact KEV index (the snapshot's fields the matcher reads), read when the known-vulnerabilities check first runs.
  await writeKevIndex();
}
if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', plugins: [firstScreenPreload()] });
}
console.log('build: dist/ ready');
