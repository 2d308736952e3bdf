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

/**
 * What is wrong with `value` as bounded JSON, or null when it is fine. Every value waiting on the
 * stack counts toward the limit on values, so an array longer than that limit is refused from its
 * length alone, before any of its elements is read; and the strings' lengths are summed on the way
 * (each is at least that long once written), so a huge string is refused without serialising it.
 */
export function jsonProblem(value: unknown, limits: JsonLimits): string | null {
  // Two parallel stacks (value, depth): no pair allocated per value walked.
  const values: unknown[] = [value];
  const depths: number[] = [1];
  const seen = new Set<object>();
  const tooMany = `more than ${limits.maxNodes} values`;
  const tooLarge = `larger than ${limits.maxBytes} bytes`;
  let nodes = 0;
  let atLeastBytes = 0;
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (++nodes > limits.maxNodes) return tooMany;
    if (typeof v === 'string') {
      atLeastBytes += v.length + 2;
      if (atLeastBytes > limits.maxBytes) return tooLarge;
      continue;
    }
    if (v === null || typeof v === 'boolean') continue;
    if (v === undefined && limits.allowUndefined) continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'a number that JSON cannot hold';
      continue;
    }
    if (typeof v !== 'object') return `a ${typeof v}, which JSON cannot hold`;
    if (depth > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`;
    if (seen.has(v)) return 'a value that refers to itself';
    seen.add(v);
    let children: readonly unknown[];
    if (Array.isArray(v)) {
      children = v;
    } else {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return 'an object that is not plain JSON';
      children = Object.values(v as Record<string, unknown>);
    }
    // Every value already counted or waiting will be counted: refuse now if these are too many.
    if (nodes + values.length + children.length > limits.maxNodes) return tooMany;
    for (const x of children) {
      values.push(x);
      depths.push(depth + 1);
    }
  }
  // Depth is bounded now, so stringify cannot overflow; it measures what would be written.
  if (JSON.stringify(value).length > limits.maxBytes) return tooLarge;
  return null;
}

/** A zod schema for bounded free-form JSON (use instead of z.json() anywhere input or files are read). */
export function boundedJson(limits: JsonLimits = FREE_JSON_LIMITS): z.ZodType<Json> {
  return z.unknown().superRefine((v, ctx) => {
    const problem = jsonProblem(v, limits);
    if (problem) ctx.addIssue({ code: 'custom', message: `not acceptable JSON: ${problem}` });
  }) as unknown as z.ZodType<Json>;
}
