import { msg, type Message } from '../messages/index.js';
import type { WifiEncryption } from './port.js';

/**
 * A router's Wi-Fi encryption mode as a message param: the catalog's words
 * (`router-api.encryption.*`, plain words first, the technical name after), in the reader's
 * language. Both router clients name modes in their plans with it.
 */
export function encryptionWords(mode: WifiEncryption): Message {
  return msg(`router-api.encryption.${mode}`, {});
}
