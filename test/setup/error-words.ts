/**
 * Vitest setup file (see vitest.config.ts): errors carry English log lines in tests as they do in
 * every host that composes a core (main/compose.ts), so a test may read `err.message` in English
 * whether or not it builds a whole core.
 */
import { setErrorLogWords } from '../../main/core/errors.js';
import { createMessageFormatter, type MessageCatalog } from '../../main/core/messages/index.js';
import en from '../../renderer/i18n/en/messages.json' with { type: 'json' };

const english = createMessageFormatter({ en: en as MessageCatalog });
setErrorLogWords((m) => english.format(m));
