import type { z } from 'zod';
import type { Core } from '../../core/app-core.js';
import type { ChannelSpec } from '../channels/schema-helpers.js';

/** One core call per channel of an area; arguments arrive already validated by the wrapper. */
export type HandlersFor<T extends Record<string, ChannelSpec>> = {
  [C in keyof T]: (core: Core, args: z.output<T[C]['args']>) => Promise<z.input<T[C]['result']>> | z.input<T[C]['result']>;
};
