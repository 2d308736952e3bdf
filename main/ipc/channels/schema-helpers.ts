import { z } from 'zod';

/** Channels that take no argument accept exactly `{}`: anything else is a hostile or buggy caller. */
export const NoArgs = z.strictObject({});

/** Free-form values cross IPC only bounded in depth, count and size (main/core/store/bounded-json.ts). */
export { boundedJson, FREE_JSON_LIMITS, jsonProblem } from '../../core/store/bounded-json.js';

/** Bounded text: every string crossing IPC has a maximum length. */
export const text = (max = 500) => z.string().max(max);

export const ErrorInfoSchema = z.strictObject({ code: z.string(), message: z.string() });

/** One IPC channel: a schema for its argument and one for its result. */
export interface ChannelSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
}

/** Declares a channel; keeps literal types for the contract. */
export const channel = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R): ChannelSpec<A, R> => ({ args, result });
