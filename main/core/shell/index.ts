/** The public surface of main/core/shell: other core areas import only from here (lint rule core-area-index). */
export { checkExternalUrl } from './external-links.js';
