// `npm run check:builder`: validates electron-builder.yml offline, first with electron-builder's
// own loader and JSON schema (app-builder-lib's getConfig + validateConfiguration, the code
// `electron-builder` runs before building), then with Porchlight's packaging rules: targets,
// icons at every size, hardened runtime + entitlements, keytar unpacked and N-API, files limited
// to the built output, the afterPack hook present, no secrets, and package.json as
// electron-builder requires it (electron only in devDependencies).
//
//   node scripts/check-builder-config.mjs [--config FILE] [--project DIR]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Loads the configuration exactly as electron-builder does and validates it against scheme.json; throws on any schema error. */
export async function loadAndValidate(projectDir, configFile) {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util/out/DebugLogger.js');
  const { log } = require('builder-util/out/log.js');
  // getConfig logs "loaded configuration" through electron-builder's logger; keep the output ours.
  const info = log.info;
  log.info = () => {};
  try {
    const config = await getConfig(projectDir, configFile, null);
    await validateConfiguration(config, new DebugLogger(false));
    return config;
  } finally {
    log.info = info;
  }
}

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Sizes stored in a Windows .ico (0 in the directory means 256). */
function icoSizes(file) {
  const b = readFileSync(file);
  if (b.length < 6 || b.readUInt16LE(0) !== 0 || b.readUInt16LE(2) !== 1) return [];
  const n = b.readUInt16LE(4);
  const sizes = [];
  for (let i = 0; i < n && 6 + i * 16 + 16 <= b.length; i++) sizes.push(b[6 + i * 16] || 256);
  return sizes;
}

/** Icon types present in a macOS .icns. */
function icnsTypes(file) {
  const b = readFileSync(file);
  if (b.length < 8 || b.toString('latin1', 0, 4) !== 'icns') return [];
  const types = [];
  for (let off = 8; off + 8 <= b.length; ) {
    const len = b.readUInt32BE(off + 4);
    types.push(b.toString('latin1', off, off + 4));
    if (len < 8) break;
    off += len;
  }
  return types;
}

const targetNames = (platformConfig) =>
  [platformConfig?.target ?? []].flat().map((t) => (typeof t === 'string' ? t : t.target).toLowerCase());

/** Porchlight's packaging rules on a schema-valid config; returns a list of problems (empty = fine). */
export async function projectRules(config, projectDir) {
  const problems = [];
  const need = (ok, message) => {
    if (!ok) problems.push(message);
  };
  const file = (p) => resolve(projectDir, p);

  need(config.appId === 'org.porchlight.app', `appId must be org.porchlight.app (found ${config.appId})`);
  need(config.productName === 'Porchlight', `productName must be Porchlight (found ${config.productName})`);

  // Targets.
  need(targetNames(config.win).includes('nsis'), 'win.target must include nsis');
  need(targetNames(config.mac).includes('dmg'), 'mac.target must include dmg');
  const linuxTargets = targetNames(config.linux);
  need(linuxTargets.includes('appimage') && linuxTargets.includes('deb'), 'linux.target must include AppImage and deb');
  need(Boolean(config.linux?.maintainer), 'linux.maintainer is required for deb');
  need(Boolean(config.linux?.category), 'linux.category is required');

  // macOS hardened runtime and entitlements.
  need(config.mac?.hardenedRuntime === true, 'mac.hardenedRuntime must be true');
  for (const key of ['entitlements', 'entitlementsInherit']) {
    const p = config.mac?.[key];
    if (!p || !existsSync(file(p))) {
      problems.push(`mac.${key} must name an existing plist in resources/ (found ${p})`);
      continue;
    }
    need(p.startsWith('resources/'), `mac.${key} must live in resources/`);
    const granted = [...readFileSync(file(p), 'utf8').replace(/<!--[\s\S]*?-->/g, '').matchAll(/<key>\s*([^<]+?)\s*<\/key>/g)].map((m) => m[1]);
    need(granted.includes('com.apple.security.cs.allow-jit'), `${p} must grant com.apple.security.cs.allow-jit (V8 needs it under the hardened runtime)`);
    for (const risky of ['disable-library-validation', 'allow-dyld-environment-variables', 'get-task-allow', 'allow-unsigned-executable-memory']) {
      need(!granted.some((k) => k.endsWith(risky)), `${p} must not grant ${risky}`);
    }
  }

  // Icons at every size each target needs.
  const ico = config.win?.icon;
  if (!ico || !existsSync(file(ico))) problems.push(`win.icon must be an existing .ico (found ${ico})`);
  else {
    const sizes = icoSizes(file(ico));
    for (const s of [16, 32, 48, 256]) need(sizes.includes(s), `${ico} lacks a ${s}×${s} image (has ${sizes.join(', ') || 'none'})`);
  }
  const icns = config.mac?.icon;
  if (!icns || !existsSync(file(icns))) problems.push(`mac.icon must be an existing .icns (found ${icns})`);
  else {
    const types = icnsTypes(file(icns));
    const sizes = { 128: ['ic07', 'it32'], 256: ['ic08'], 512: ['ic09'], 1024: ['ic10'] };
    for (const [s, codes] of Object.entries(sizes)) need(codes.some((c) => types.includes(c)), `${icns} lacks a ${s}×${s} image (${codes.join(' or ')})`);
  }
  const pngDir = config.linux?.icon;
  if (!pngDir || !existsSync(file(pngDir))) problems.push(`linux.icon must be an existing folder of PNGs (found ${pngDir})`);
  else {
    for (const s of [16, 32, 48, 64, 128, 256, 512]) {
      const p = join(file(pngDir), `${s}x${s}.png`);
      const size = existsSync(p) ? pngSize(p) : null;
      need(size?.width === s && size?.height === s, `${relative(projectDir, p)} must exist and be ${s}×${s}`);
    }
  }

  // keytar: unpacked from the asar, N-API, no Electron rebuild.
  const { minimatch } = require('minimatch');
  const keytarNode = 'node_modules/keytar/build/Release/keytar.node';
  need(config.asar !== false, 'asar must stay on (OnlyLoadAppFromAsar and asar integrity rely on it)');
  need([config.asarUnpack ?? []].flat().some((g) => minimatch(keytarNode, g, { dot: true })), `asarUnpack must match ${keytarNode}`);
  need(config.npmRebuild === false, 'npmRebuild must be false: keytar is N-API, no Electron-ABI rebuild is needed');
  const keytarDir = join(projectDir, 'node_modules', 'keytar');
  if (existsSync(join(keytarDir, 'package.json'))) {
    const pkg = JSON.parse(readFileSync(join(keytarDir, 'package.json'), 'utf8'));
    const gyp = readFileSync(join(keytarDir, 'binding.gyp'), 'utf8');
    need(Array.isArray(pkg.binary?.napi_versions) && pkg.binary.napi_versions.length > 0 && gyp.includes('NAPI_VERSION'), 'keytar is no longer an N-API addon: an Electron-ABI rebuild would be needed (set npmRebuild: true)');
  }

  // files: the built output, resources and package.json only.
  // getConfig normalises `files` to FileSet objects ({ from?, to?, filter: [...] }).
  const files = [config.files ?? []].flat().flatMap((f) => (typeof f === 'string' ? [f] : [f.filter ?? []].flat()));
  need(files.length > 0, 'files must be listed explicitly');
  for (const f of files) {
    if (f.startsWith('!')) continue;
    need(f === 'package.json' || f.startsWith('dist/') || f.startsWith('resources/'), `files entry "${f}" is outside dist/, resources/ and package.json`);
  }
  const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));
  need(files.some((f) => minimatch(pkg.main ?? '', f)), `files must include package.json "main" (${pkg.main})`);
  need(files.some((f) => minimatch('dist/renderer/index.html', f)), 'files must include dist/renderer/index.html');
  need(files.some((f) => minimatch('dist/preload.cjs', f)), 'files must include dist/preload.cjs');

  // Hooks.
  need(config.electronDist == null || typeof config.electronDist !== 'string' || !config.electronDist.endsWith('.mjs'), 'electronDist must be a path to an Electron distribution (set it with PORCHLIGHT_ELECTRON_DIST, see scripts/dist.mjs)');
  for (const [key, exportName] of [['afterPack', 'afterPack']]) {
    const hook = config[key];
    if (typeof hook !== 'string' || !existsSync(file(hook))) {
      problems.push(`${key} must point to an existing module (found ${hook})`);
      continue;
    }
    const mod = await import(pathToFileURL(file(hook)).href);
    need(typeof mod[exportName] === 'function' || typeof mod.default === 'function', `${hook} must export ${exportName}`);
  }

  // No secrets in the file; signing/publishing come from the environment.
  const secretKeys = /^(cscLink|cscKeyPassword|cscInstallerLink|cscInstallerKeyPassword|certificatePassword|certificateFile|password|token|appleIdPassword|appleApiKey|GH_TOKEN)$/i;
  const walk = (node, path) => {
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (secretKeys.test(k) && v) problems.push(`${path}${k} must not be set in the config file (use the environment; see docs/packaging.md)`);
      walk(v, `${path}${k}.`);
    }
  };
  walk(config, '');

  // package.json as electron-builder's checkMetadata wants it, and an exactly pinned Electron.
  for (const name of ['electron', 'electron-builder', 'electron-prebuilt', 'electron-rebuild']) {
    need(!(name in (pkg.dependencies ?? {})), `package.json: "${name}" must be in devDependencies, not dependencies`);
  }
  need(/^\d+\.\d+\.\d+$/.test(pkg.devDependencies?.electron ?? ''), 'package.json: devDependencies.electron must pin an exact version');
  need(Boolean(pkg.version) && Boolean(pkg.description), 'package.json needs version and description');
  return problems;
}

async function main() {
  const args = process.argv.slice(2);
  let configFile = 'electron-builder.yml';
  let projectDir = ROOT;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--config') configFile = args[++i];
    else if (args[i] === '--project') projectDir = resolve(args[++i]);
    else throw new Error(`check:builder: unknown argument ${args[i]}`);
  }
  const configPath = resolve(projectDir, configFile);
  if (!existsSync(configPath)) throw new Error(`check:builder: ${configPath} does not exist`);
  let config;
  try {
    config = await loadAndValidate(projectDir, configPath);
  } catch (err) {
    console.error(`check:builder: FAIL — ${relative(ROOT, configPath) || configPath} does not match electron-builder's schema:\n${err.message}`);
    process.exitCode = 1;
    return;
  }
  const problems = await projectRules(config, projectDir);
  if (problems.length) {
    console.error(`check:builder: FAIL — ${problems.length} problem(s) in ${relative(ROOT, configPath) || configPath}:`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exitCode = 1;
    return;
  }
  const icons = readdirSync(resolve(projectDir, config.linux.icon)).length;
  console.log(
    `check:builder: PASS — ${relative(ROOT, configPath)} matches electron-builder ${require('app-builder-lib/package.json').version}'s schema; ` +
      `targets nsis, dmg, AppImage, deb; ${icons} Linux icon sizes + .ico + .icns; keytar unpacked (N-API); fuses via afterPack`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  });
}
