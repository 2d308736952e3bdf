import { z } from 'zod';
import { MessageSchema } from '../../core/messages/message.js';

/** Channels that take no argument accept exactly `{}`: anything else is a hostile or buggy caller. */
export const NoArgs = z.strictObject({});

/** Free-form values cross IPC only bounded in depth, count and size (main/core/store/bounded-json.ts). */
export { boundedJson, FREE_JSON_LIMITS, jsonProblem } from '../../core/store/bounded-json.js';

/** Bounded text: every string crossing IPC has a maximum length. */
export const text = (max = 500) => z.string().max(max);

/**
 * An error as it crosses IPC: the stable code, the English log line, and the message for the user
 * (a catalog code with params, validated like every message) that the renderer puts into words.
 */
export const ErrorInfoSchema = z.strictObject({ code: z.string(), message: z.string(), userMessage: MessageSchema });

/** One IPC channel: a schema for its argument and one for its result. */
export interface ChannelSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
}

/** Declares a channel; keeps literal types for the contract. */
export const channel = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R): ChannelSpec<A, R> => ({ args, result });
