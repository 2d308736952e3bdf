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
 * The first screen is one script and one stylesheet (vite.config.ts: every module renderer/main.tsx
 * imports statically goes into the entry's chunk). This fails the build when that stops being so —
 * a chunk split off the entry, or a second stylesheet — instead of quietly adding round trips to
 * the first screen.
 */
function firstScreenInOneFile() {
  return {
    name: 'porchlight-first-screen-in-one-file',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk }) {
        if (!bundle || !chunk) return html;
        const css = chunk.viteMetadata?.importedCss ?? new Set();
        const problems = [];
        if (chunk.imports.length > 0) problems.push(`the entry imports other chunks (${chunk.imports.join(', ')})`);
        if (css.size > 1) problems.push(`the entry has ${css.size} stylesheets`);
        if (!chunk.dynamicImports.length) problems.push('the entry has no dynamic import left (the other steps and i18next belong behind import())');
        if (problems.length) throw new Error(`build: the first screen is no longer one script and one stylesheet: ${problems.join('; ')}. See vite.config.ts (codeSplitting) and renderer/main.tsx.`);
        return html;
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
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', plugins: [firstScreenInOneFile()] });
}
console.log('build: dist/ ready');
