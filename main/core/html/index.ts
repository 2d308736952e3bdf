/** The public surface of main/core/html: other core areas import only from here (lint rule core-area-index). */
export { ancestor, attr, documentTitle, elements, inertElements, loadHtmlParser, parseHtml, textContent, visibleText } from './html-tree.js';
export type { HtmlElement } from './html-tree.js';
