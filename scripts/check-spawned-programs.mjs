#!/usr/bin/env node
// Would a FRESH Debian machine have every program that Porchlight's tests, scripts and native build
// run? A program that is here only because someone once installed it by hand keeps CI green on that
// machine and fails everywhere else (`spawnSync pdftotext ENOENT`). This check is the first stage of
// `npm test`.
//
// It collects the programs that are run:
//   - in test/, scripts/, main/ (*.ts, *.tsx, *.mjs, *.js): execFile/execFileSync/spawn/spawnSync/
//     exec/execSync/runCommand with a literal name, `{ cmd: 'name' }` specs, and a constant with a
//     literal default (`const X = process.env.Y ?? 'name'`) that is then spawned;
//   - in scripts/*.sh and .ci/*: the first word of every command (quoted text and comments removed);
//   - in scripts/indirect-programs.txt: programs that other programs run where no scan sees them
//     (node-gyp's compiler for keytar, the Chromium that Playwright and the PDF printer find by path).
// Then, for each program that is not part of Node/npm, a shell builtin, in node_modules/.bin or a
// file of this repository (the lab's fake nmcli), and not a Windows/macOS-only program, it asks dpkg
// which Debian package owns it, and requires that package to be in scripts/apt-packages.txt, pulled
// in by one that is (apt-cache depends --recurse), or part of every Debian system (Essential or
// Priority: required). Anything else fails the check, naming the program and what to add.
//
// Usage: node scripts/check-spawned-programs.mjs [--root DIR] [--verbose]
//   exit 0 all provided; 1 something is not; 2 the check could not run. On a machine without dpkg
//   (macOS, Windows) it says so and exits 0: what it checks is the Debian install.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const me = 'check-spawned-programs';
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const rootArg = argv.indexOf('--root');
const root = resolve(rootArg >= 0 ? argv[rootArg + 1] ?? '.' : join(dirname(fileURLToPath(import.meta.url)), '..'));

/** Programs that come with Node/npm or are shell keywords/builtins: never a Debian question. */
const ALWAYS_THERE = new Set([
  'node', 'npm', 'npx', 'bash', 'sh', 'env', 'exec', 'command', 'cd', 'echo', 'printf', 'set', 'unset', 'export', 'local',
  'read', 'mapfile', 'shift', 'exit', 'return', 'trap', 'wait', 'source', '.', 'eval', 'true', 'false', 'test', '[', '[[',
  'if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function', 'declare',
  'readonly', 'let', 'kill', 'type', 'hash', 'ulimit', 'umask', 'pushd', 'popd', 'builtin', 'time', 'select', 'break', 'continue',
  'git', // the checkout itself; not something the tests run on their own
]);

/** Used only when present (`command -v sudo` first: non-root runs of install-test-deps.sh). */
const OPTIONAL = new Set(['sudo']);

/** Run only on Windows or macOS branches (never on the Debian test machine). */
const OTHER_OS = new Set(['netsh', 'route', 'arp', '/sbin/route', '/usr/sbin/arp', '/usr/sbin/system_profiler', 'system_profiler', 'security', 'osascript', 'open', 'cmd', 'cmd.exe', 'powershell', 'explorer', 'reg', 'sc', 'xcode-select']);

const PROGRAM = /^(?:\/[\w./+-]+|[a-z][a-z0-9_.+-]*)$/;

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.') && name !== '.ci') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** @type {Map<string, Set<string>>} program → where it is run (file:line) */
const found = new Map();
function note(prog, file, index, text) {
  if (!PROGRAM.test(prog)) return;
  const line = text.slice(0, index).split('\n').length;
  const where = `${relative(root, file)}:${line}`;
  if (!found.has(prog)) found.set(prog, new Set());
  found.get(prog).add(where);
}

// ---- JS/TS sources --------------------------------------------------------------------------------
const SPAWN = '(?:execFileSync|execFile|spawnSync|spawn|execSync|exec|runCommand)';
for (const file of ['test', 'scripts', 'main'].flatMap((d) => walk(join(root, d)))) {
  if (!/\.(?:[cm]?[jt]sx?)$/.test(file) || file.endsWith('.d.ts') || file.endsWith('.d.mts')) continue;
  if (resolve(file) === fileURLToPath(import.meta.url)) continue; // this file's own patterns and comments
  // Line comments become blank (same length, so line numbers stay right).
  const text = readFileSync(file, 'utf8').replace(/^(\s*)\/\/.*$/gm, (c, sp) => sp + ' '.repeat(c.length - sp.length));
  for (const m of text.matchAll(new RegExp(`\\b${SPAWN}\\(\\s*['"\`]([^'"\`$]+)['"\`]`, 'g'))) note(m[1], file, m.index, text);
  for (const m of text.matchAll(/\bcmd:\s*['"`]([^'"`$]+)['"`]/g)) note(m[1], file, m.index, text);
  // const X = process.env.Y ?? 'prog'  …  spawn(X, …)
  for (const m of text.matchAll(/\b(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*process\.env\.\w+\s*\?\?\s*['"`]([^'"`$]+)['"`]/g)) {
    const [, ident, prog] = m;
    const use = new RegExp(`\\b${SPAWN}\\(\\s*${ident.replace(/\$/g, '\\$')}\\b`).exec(text);
    if (use) note(prog, file, use.index, text);
  }
}

/** Removes $(( … )) and (( … )) (arithmetic: no program runs there). */
function stripArithmetic(line) {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const open = line.startsWith('$((', i) ? 3 : line.startsWith('((', i) ? 2 : 0;
    if (!open) {
      out += line[i];
      continue;
    }
    let depth = 2;
    let j = i + open;
    for (; j < line.length && depth > 0; j++) depth += line[j] === '(' ? 1 : line[j] === ')' ? -1 : 0;
    out += ' 0 ';
    i = j - 1;
  }
  return out;
}

// ---- shell scripts --------------------------------------------------------------------------------
const shellFiles = [...walk(join(root, 'scripts')).filter((f) => f.endsWith('.sh')), ...walk(join(root, '.ci'))];
for (const file of shellFiles) {
  const text = readFileSync(file, 'utf8');
  if (!text.startsWith('#!') && !file.endsWith('.sh')) continue;
  // A tool that installs its own programs and is not part of the tests (scripts/fresh-machine-check.sh).
  if (/^# check-spawned-programs: not a test dependency/m.test(text)) continue;
  const lines = text.split('\n');
  let offset = 0;
  let heredoc = null;
  for (const raw of lines) {
    const at = offset;
    offset += raw.length + 1;
    if (heredoc) {
      if (raw.trim() === heredoc) heredoc = null;
      continue;
    }
    const hd = /<<-?\s*['"]?(\w+)['"]?/.exec(raw);
    if (hd) heredoc = hd[1];
    // Strip comments, arithmetic and quoted text (a message that names a program is not a run of it),
    // keeping the command substitutions inside double quotes ("$(mktemp -d …)").
    let line = stripArithmetic(raw.replace(/\$\{[^}]*\}/g, 'X').replace(/\b\w+\+?=\([^)]*\)/g, ' '))
      .replace(/'[^']*'/g, "''")
      .replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner) => ` ${(inner.match(/\$\([^)]*\)/g) ?? []).join(' ; ')} `)
      .replace(/(^|\s)#.*$/, '');
    for (const seg of line.split(/\|\||&&|[;|&(){}`]|\$\(|\bthen\b|\bdo\b|\belse\b|\bif\b|\bwhile\b|\buntil\b|\b!\s/)) {
      const words = seg.trim().split(/\s+/).filter(Boolean);
      while (words.length && (/^\w+=/.test(words[0]) || ['sudo', 'nice', 'setsid', 'exec', 'command', 'time', '!'].includes(words[0]) && words.length > 1 && !words[1].startsWith('-'))) {
        if (/^\w+=/.test(words[0]) || words[0] === '!') words.shift();
        else {
          note(words[0], file, at, text); // sudo, nice, setsid are programs too
          words.shift();
        }
      }
      const w = words[0];
      if (!w || w.startsWith('$') || w.startsWith('-') || w.startsWith('"') || w.startsWith("'") || /^[<>\d]/.test(w) || w.endsWith(')')) continue;
      if (/^[\w.-]+\(\)$/.test(w) || words[1] === '()') continue; // function definitions
      note(w, file, at, text);
    }
  }
  // Functions defined in the script are not programs.
  for (const m of text.matchAll(/^\s*(?:function\s+)?([\w-]+)\s*\(\)\s*\{/gm)) found.delete(m[1]);
}

// ---- declared: programs run by other programs -------------------------------------------------------
const indirectFile = join(root, 'scripts', 'indirect-programs.txt');
if (existsSync(indirectFile)) {
  const text = readFileSync(indirectFile, 'utf8');
  for (const m of text.matchAll(/^\s*([^#\s]+)/gm)) note(m[1], indirectFile, m.index, text);
}

// ---- what is provided ------------------------------------------------------------------------------
function onPath(prog) {
  if (prog.startsWith('/')) return existsSync(prog) ? prog : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || resolve(dir).startsWith(resolve(root, 'node_modules'))) continue;
    const p = join(dir, prog);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

const repoFiles = new Set(walk(join(root, 'test')).filter((f) => {
  try {
    accessSync(f, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}).map((f) => basename(f)));

if (spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.log(`${me}: no dpkg on this machine, so there is no Debian install to check (skipped; CI runs it on Debian)`);
  process.exit(0);
}

const listFile = join(root, 'scripts', 'apt-packages.txt');
if (!existsSync(listFile)) {
  console.error(`${me}: ${relative(root, listFile)} is missing`);
  process.exit(2);
}
const listed = readFileSync(listFile, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
const closure = new Set(listed);
if (listed.length) {
  const r = spawnSync('apt-cache', ['depends', '--recurse', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances', ...listed], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(`${me}: apt-cache could not list what ${listed.join(', ')} pull in: ${(r.stderr || '').trim()}`);
    process.exit(2);
  }
  for (const l of r.stdout.split('\n')) {
    const m = /^(?:\s+\|?(?:Pre)?Depends:\s+)?<?([a-z0-9][a-z0-9+.-]+)(?::\w+)?>?\s*$/.exec(l);
    if (m && !/^\s/.test(l)) closure.add(m[1]);
    const d = /^\s+\|?(?:PreDepends|Depends):\s+<?([a-z0-9][a-z0-9+.-]+)/.exec(l);
    if (d) closure.add(d[1]);
  }
}

// dpkg-query and apt-cache each read their whole database on every call (apt-cache show: over a
// second here), so every path and package is asked about in one call of each.
const ownerOf = new Map(); // path -> owning package, or null
/** Asks dpkg once which packages own `paths` (those not asked before). */
function askOwners(paths) {
  const ask = [...new Set(paths)].filter((p) => !ownerOf.has(p));
  if (!ask.length) return;
  for (const p of ask) ownerOf.set(p, null);
  // exit 1 when some path has no owner; the others are still listed
  const r = spawnSync('dpkg-query', ['-S', ...ask], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const line of (r.stdout ?? '').split('\n')) {
    if (line.startsWith('diversion')) continue;
    const at = line.indexOf(': ');
    if (at < 0) continue;
    const path = line.slice(at + 2).trim();
    if (ownerOf.has(path) && ownerOf.get(path) === null) ownerOf.set(path, line.slice(0, at).split(',')[0].trim().split(':')[0]); // "pkgconf:amd64": the package's name
  }
}

/** The paths under which dpkg may list `path` (itself, its real path, with and without /usr: merged /usr). */
function ownerCandidates(path) {
  const candidates = [path];
  try {
    candidates.push(realpathSync(path));
  } catch {
    /* dangling */
  }
  for (const c of [...candidates]) if (c.startsWith('/usr/')) candidates.push(c.slice(4));
  else candidates.push(`/usr${c}`);
  return candidates;
}

function owner(path) {
  const candidates = ownerCandidates(path);
  askOwners(candidates);
  for (const c of candidates) if (ownerOf.get(c)) return ownerOf.get(c);
  return null;
}

/**
 * "PRIORITY ESSENTIAL" of each package as Debian's archive states it (apt-cache), not as this
 * machine's dpkg status remembers it: an image can record a different priority (apt is "required"
 * in some, but "important" in the archive, and a minimal Debian does not have it as such).
 */
function basePackages(pkgs) {
  const out = new Map();
  const list = [...new Set(pkgs)];
  if (!list.length) return out;
  const field = (text, name) => new RegExp(`^${name}:\\s*(\\S+)`, 'mi').exec(text)?.[1] ?? '';
  const archive = new Map();
  const shown = spawnSync('apt-cache', ['show', '--no-all-versions', ...list], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const para of (shown.stdout ?? '').split(/\n\s*\n/)) {
    const name = field(para, 'Package');
    if (name && !archive.has(name)) archive.set(name, para);
  }
  const local = new Map();
  const w = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Essential}\\n', ...list], { encoding: 'utf8' });
  for (const line of (w.stdout ?? '').split('\n')) {
    const [name, essential] = line.trim().split(/\s+/);
    if (name) local.set(name.split(':')[0], essential ?? '');
  }
  for (const pkg of list) {
    const para = archive.get(pkg) ?? '';
    out.set(pkg, `${field(para, 'Priority')} ${field(para, 'Essential') || local.get(pkg) || 'no'}`);
  }
  return out;
}

const missing = [];
let ok = 0;
/** --verbose: what was found for each program, printed in the programs' order at the end. */
const notes = [];
const said = (prog, text) => notes.push([prog, `  ${prog}: ${text}`]);
/** Programs that must come from a Debian package: [program, where it is run, its path]. */
const fromDebian = [];
for (const [prog, where] of [...found].sort(([a], [b]) => a.localeCompare(b))) {
  const name = basename(prog);
  const first = [...where][0];
  if (ALWAYS_THERE.has(prog)) continue;
  if (OPTIONAL.has(prog)) {
    said(prog, `optional (${first})`);
    continue;
  }
  if (OTHER_OS.has(prog)) {
    said(prog, `Windows/macOS only (${first})`);
    continue;
  }
  if (existsSync(join(root, 'node_modules', '.bin', name))) {
    said(prog, `node_modules/.bin`);
    ok++;
    continue;
  }
  if (repoFiles.has(name)) {
    said(prog, `a file of this repository (test/)`);
    ok++;
    continue;
  }
  const path = onPath(prog);
  if (!path) {
    missing.push(`${prog} (run at ${first}): not installed on this machine and no package in scripts/apt-packages.txt provides it`);
    continue;
  }
  fromDebian.push([prog, first, path]);
}
// A tool manager's shim (pyenv, nvm) first on PATH: the system's own copy is asked about too.
const SYSTEM_DIRS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];
const copies = (prog, path) => [path, ...(prog.startsWith('/') ? [] : SYSTEM_DIRS.map((d) => join(d, prog)).filter((p) => existsSync(p)))];
askOwners(fromDebian.flatMap(([prog, , path]) => copies(prog, path).flatMap(ownerCandidates)));
const owned = fromDebian.map(([prog, first, path]) => [prog, first, path, copies(prog, path).map(owner).find(Boolean) ?? null]);
const priority = basePackages(owned.map(([, , , pkg]) => pkg).filter((pkg) => pkg && !closure.has(pkg)));
for (const [prog, first, path, pkg] of owned) {
  if (!pkg) {
    missing.push(`${prog} (run at ${first}): ${path} belongs to no Debian package (installed by hand?)`);
    continue;
  }
  const prio = closure.has(pkg) ? '' : priority.get(pkg) ?? '';
  if (closure.has(pkg) || /\byes\b/.test(prio) || prio.startsWith('required')) {
    said(prog, `${pkg}${closure.has(pkg) ? '' : ` (${prio.split(' ')[0] || 'essential'})`}`);
    ok++;
    continue;
  }
  missing.push(`${prog} (run at ${first}): its package ${pkg} is not in scripts/apt-packages.txt — add "${pkg}" there`);
}
if (verbose) for (const [, line] of notes.sort(([a], [b]) => a.localeCompare(b))) console.log(line);

if (missing.length) {
  console.error(`${me}: ${missing.length} program(s) that the tests, scripts or native build run would be missing on a fresh Debian machine:`);
  for (const m of missing) console.error(`  - ${m}`);
  process.exit(1);
}
console.log(`${me}: all ${ok} programs that the tests, scripts and native build run come from scripts/apt-packages.txt, Debian's base system, node_modules or this repository`);
