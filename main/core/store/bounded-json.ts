import { z } from 'zod';

/**
 * Free-form JSON with limits, checked WITHOUT recursion.
 *
 * zod's z.json() validates recursively: a value nested ~1,500 levels deep passed it on the way in
 * (progress:save), was written, and then overflowed the stack when the same schema, one level
 * deeper inside the document, read the file back — every check result in it was lost at the next
 * start. Every free-form value that crosses IPC or is stored therefore goes through this check
 * first: plain JSON only (no undefined, NaN, functions, class instances or cycles), a bounded depth,
 * a bounded number of nodes and a bounded serialised size. The walk uses an explicit stack, so no
 * input can exhaust the call stack; anything past a limit is refused before zod ever recurses.
 */
export type Json = z.core.util.JSONType;

export interface JsonLimits {
  /** Deepest nesting of arrays/objects (the value itself is depth 1). */
  maxDepth: number;
  /** Largest JSON.stringify length. */
  maxBytes: number;
  /** Most values (every array element, object member and scalar counts). */
  maxNodes: number;
  /** Accept `undefined` members (an IPC argument from Electron's structured clone may hold them; JSON drops them). */
  allowUndefined?: boolean;
}

/** Depth and size for stored wizard state and other free-form documents. */
export const FREE_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxBytes: 256 * 1024, maxNodes: 20_000 };

/** What is wrong with `value` as bounded JSON, or null when it is fine. */
export function jsonProblem(value: unknown, limits: JsonLimits): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  const seen = new Set<object>();
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) return `more than ${limits.maxNodes} values`;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (v === undefined && limits.allowUndefined) continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'a number that JSON cannot hold';
      continue;
    }
    if (typeof v !== 'object') return `a ${typeof v}, which JSON cannot hold`;
    if (depth > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`;
    if (seen.has(v)) return 'a value that refers to itself';
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, depth + 1]);
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return 'an object that is not plain JSON';
    for (const x of Object.values(v as Record<string, unknown>)) stack.push([x, depth + 1]);
  }
  // Depth is bounded now, so stringify cannot overflow; it measures what would be written.
  if (JSON.stringify(value).length > limits.maxBytes) return `larger than ${limits.maxBytes} bytes`;
  return null;
}

/** A zod schema for bounded free-form JSON (use instead of z.json() anywhere input or files are read). */
export function boundedJson(limits: JsonLimits = FREE_JSON_LIMITS): z.ZodType<Json> {
  return z.unknown().superRefine((v, ctx) => {
    const problem = jsonProblem(v, limits);
    if (problem) ctx.addIssue({ code: 'custom', message: `not acceptable JSON: ${problem}` });
  }) as unknown as z.ZodType<Json>;
}
