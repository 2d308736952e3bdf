import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The limits of every numeric flag, in the words the help and the errors use. */
export const LIMITS = {
  '--seconds': { min: 2, max: 120, integer: false, what: 'a number of seconds from 2 to 120', example: '10' },
  '--admin-port': { min: 1, max: 65535, integer: true, what: 'a port number from 1 to 65535', example: '8080' },
  '--timeout-ms': { min: 0, max: 600_000, integer: true, what: 'a whole number of milliseconds from 0 to 600000', example: '5000' },
  '--delay-ms': { min: 0, max: 600_000, integer: true, what: 'a whole number of milliseconds from 0 to 600000', example: '1000' },
} as const;
type NumericFlag = keyof typeof LIMITS;

/**
 * Parses a command's flags with node:util's parseArgs in strict mode, so every command rejects an
 * unknown option, a missing value or a value that looks like another flag the same way: as a usage
 * error (exit 2) in plain words that names the flag (never parseArgs' own text).
 */
export function parseFlags<const O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(plainParseError(err as Error & { code?: string }, argv, options));
  }
}

function plainParseError(err: Error & { code?: string }, argv: string[], options: Options): string {
  const flag = /'(--?[\w-]+)/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `there is no option ${flag || argv.find((a) => a.startsWith('-')) || ''} (the command's --help lists them)`.replace('option  (', 'option (');
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const extra = /'([^']*)'/.exec(err.message)?.[1] ?? '';
    return `"${extra}" is not an option; every value follows its option (the command's --help lists them)`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = flag.replace(/^-+/, '');
    const i = argv.findIndex((a) => a === flag || (name.length === 1 && a === `-${name}`));
    const next = i >= 0 ? argv[i + 1] : undefined;
    const limits = flag in LIMITS ? ` ${LIMITS[flag as NumericFlag].what}, e.g. ${flag} ${LIMITS[flag as NumericFlag].example}` : ' a value';
    if (options[name]?.type === 'boolean') return `${flag} takes no value`;
    if (next !== undefined && /^-\d/.test(next)) return `${flag} cannot be negative (${next}): it needs${limits}`;
    if (next !== undefined && next.startsWith('-')) return `${flag} needs${limits} right after it, not another option (${next})`;
    return `${flag} needs${limits}`;
  }
  return 'the options could not be read (the command\'s --help lists them)';
}

/** A numeric flag's value within its limits (LIMITS), or undefined when absent. The error states the limits. */
export function numberFlag(value: string | undefined, flag: NumericFlag): number | undefined {
  if (value === undefined) return undefined;
  const l = LIMITS[flag];
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} needs ${l.what}; "${value}" is not a number (e.g. ${flag} ${l.example})`);
  if (n < 0) throw new UsageError(`${flag} cannot be negative (${value}): it needs ${l.what}, e.g. ${flag} ${l.example}`);
  if (l.integer && !Number.isInteger(n)) throw new UsageError(`${flag} needs ${l.what}; ${value} is not a whole number`);
  if (n < l.min || n > l.max) throw new UsageError(`${flag} ${value} is out of range: it needs ${l.what} (e.g. ${flag} ${l.example})`);
  return n;
}

/** Splits `<subcommand> [flags…]`, refusing an unknown or missing subcommand. */
export function subcommand<const S extends string>(argv: string[], allowed: readonly S[]): [S, string[]] {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub.startsWith('-')) throw new UsageError(`a subcommand is required: ${allowed.join(' or ')}`);
  if (!(allowed as readonly string[]).includes(sub)) throw new UsageError(`unknown subcommand "${sub}" (use ${allowed.join(' or ')})`);
  return [sub as S, rest];
}

/** The flags every network command shares: output format and the scope of the survey it runs. */
export const SCOPE_FLAGS = {
  json: { type: 'boolean' },
  interface: { type: 'string' },
  gateway: { type: 'string' },
  neighbors: { type: 'string' },
  seconds: { type: 'string' },
} as const satisfies Options;

/** Reads the shared scope flags (see SCOPE_FLAGS) into their typed form. */
export function scopeFlags(v: { json?: boolean; interface?: string; gateway?: string; neighbors?: string; seconds?: string }) {
  return {
    json: v.json ?? false,
    iface: v.interface ?? null,
    gateway: v.gateway ?? null,
    neighbors: v.neighbors ?? null,
    seconds: numberFlag(v.seconds, '--seconds'),
  };
}

/**
 * Checks, before any work, that FILE can be written: its folder exists and is writable and FILE is
 * not a folder. Throws a usage error that names the flag and says what to do.
 */
export function checkOutputPath(file: string, flag: string): void {
  const full = resolve(file);
  const dir = dirname(full);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UsageError(`${flag} ${file}: the folder ${dir} does not exist; create it or choose another file`);
  }
  if (!st.isDirectory()) throw new UsageError(`${flag} ${file}: ${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${file}: the folder ${dir} cannot be written to; choose another file`);
  }
  try {
    if (statSync(full).isDirectory()) throw new UsageError(`${flag} ${file}: that is a folder; give a file name, e.g. ${flag} ${file.replace(/\/?$/, '/porchlight-audit.html')}`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
}

/** Checks, before any work, that an input FILE exists and can be read. */
export function checkInputPath(file: string, flag: string): void {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    accessSync(file, constants.R_OK);
  } catch {
    throw new UsageError(`${flag} ${file}: there is no readable file there`);
  }
}

/** One option as `--help` lists it. */
export interface OptionHelp {
  flag: string;
  value?: string;
  text: string;
  default: string;
  limits?: string;
  example: string;
}

/** A command's full `--help`: what it does, usage, every option with default, limits and an example. */
export function helpText(h: { command: string; summary: string; usage: string; options: OptionHelp[]; notes?: string[]; examples: string[] }): string {
  const lines = [`${h.command} — ${h.summary}`, '', `Usage: ${h.usage}`, '', 'Options:'];
  for (const o of h.options) {
    lines.push(`  ${o.flag}${o.value ? ` ${o.value}` : ''}`);
    lines.push(`      ${o.text}`);
    lines.push(`      default: ${o.default}${o.limits ? `; limits: ${o.limits}` : ''}; example: ${o.example}`);
  }
  lines.push('  --help', '      show this help', '      default: off; example: ' + h.command + ' --help');
  if (h.notes?.length) lines.push('', ...h.notes);
  lines.push('', 'Examples:', ...h.examples.map((e) => `  ${e}`), '', 'Exit codes: 0 all pass, 1 findings, 2 error. With --json, an error is printed as {"error":{"code","message"}}.', '');
  return lines.join('\n');
}

/** Is help asked for anywhere in the arguments? */
export const wantsHelp = (argv: string[]) => argv.includes('--help') || argv.includes('-h');
