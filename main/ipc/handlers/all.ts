import type { Channels } from '../contract.js';
import type { HandlersFor } from './types.js';

/** A handler for every channel of the contract. */
export type Handlers = HandlersFor<Channels>;
