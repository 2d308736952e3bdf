import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags with node:util's parseArgs in strict mode, so every command rejects an
 * unknown option, a missing value or a value that looks like another flag the same way: as a usage
 * error (exit 2) that names the flag.
 */
export function parseFlags<const O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(((err as Error).message.split('. To specify')[0] ?? 'invalid options').trim());
  }
}

/** A flag's value as a number within [min, max] (whole when `integer`), or undefined when absent. */
export function numberFlag(value: string | undefined, flag: string, opts: { min: number; max: number; integer?: boolean; what: string }): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const ok = value.trim() !== '' && Number.isFinite(n) && n >= opts.min && n <= opts.max && (!opts.integer || Number.isInteger(n));
  if (!ok) throw new UsageError(`${flag} needs ${opts.what}`);
  return n;
}

/** Splits `<subcommand> [flags…]`, refusing an unknown or missing subcommand. */
export function subcommand<const S extends string>(argv: string[], allowed: readonly S[]): [S, string[]] {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub.startsWith('-')) throw new UsageError('a subcommand is required');
  if (!(allowed as readonly string[]).includes(sub)) throw new UsageError(`unknown subcommand "${sub}"`);
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
    seconds: numberFlag(v.seconds, '--seconds', { min: Number.MIN_VALUE, max: 3600, what: 'a positive number of seconds' }),
  };
}
