/**
 * HTML read the way a browser reads it: parse5, the WHATWG HTML parser jsdom uses (tag and
 * attribute names case-insensitive, unquoted and valueless attributes, entities, comments, the
 * parser's error recovery). The parser is loaded on first use (`loadHtmlParser`), never when the
 * CLI or the app starts; the sync readers below need it loaded.
 */
import type * as Parse5 from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';

export type HtmlDocument = T.Document;
export type HtmlElement = T.Element;
type AnyNode = T.Node;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

let parse5: typeof Parse5 | null = null;
let loading: Promise<void> | null = null;

/** Loads the HTML parser once (a dynamic import, so start-up does not pay for it). */
export function loadHtmlParser(): Promise<void> {
  return (loading ??= import('parse5').then((m) => {
    parse5 = m;
  }));
}

function lib(): typeof Parse5 {
  if (!parse5) throw new Error('the HTML parser is not loaded yet (await loadHtmlParser() first)');
  return parse5;
}

let last: { html: string; doc: HtmlDocument } | null = null;

/**
 * Parses a page as a browser with scripting enabled does (so `<noscript>` content is text, not
 * elements), bounded to `limit` characters. One parse is remembered: the prober reads the same
 * answer several ways.
 */
export function parseHtml(html: string, limit = 512 * 1024): HtmlDocument {
  const src = html.length > limit ? html.slice(0, limit) : html;
  if (last !== null && last.html === src) return last.doc;
  const doc = lib().parse(src, { scriptingEnabled: true, sourceCodeLocationInfo: true });
  last = { html: src, doc };
  return doc;
}

const isElement = (n: AnyNode): n is HtmlElement => 'tagName' in n;

/** The live HTML elements of a tree in document order (template contents are not children: they never show). */
export function* elements(root: AnyNode): Generator<HtmlElement> {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n.namespaceURI === HTML_NS) yield n;
    if ('childNodes' in n) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
}

/**
 * Elements a browser keeps out of the page: the contents of `<template>` and of `<noscript>`
 * (read as a browser without script would), for telling "a login only a script shows" apart
 * from "no login at all".
 */
export function* inertElements(root: AnyNode): Generator<HtmlElement> {
  for (const el of elements(root)) {
    if (el.tagName === 'template') {
      const content = (el as T.Template).content;
      yield* elements(content);
      yield* inertElements(content);
    } else if (el.tagName === 'noscript') {
      const text = el.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : '')).join('');
      if (text.trim()) {
        const frag = lib().parseFragment(text, { scriptingEnabled: false });
        yield* elements(frag);
        yield* inertElements(frag);
      }
    }
  }
}

/** An attribute's value (names are already lower-case, entities decoded), or undefined. */
export function attr(el: HtmlElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name && !a.namespace)?.value;
}

/** The nearest ancestor with this tag name, or null. */
export function ancestor(el: HtmlElement, tag: string): HtmlElement | null {
  for (let p: AnyNode | null = el.parentNode; p && isElement(p); p = p.parentNode) if (p.tagName === tag) return p;
  return null;
}

/** The text of a node's subtree, skipping elements whose tag is in `skip`; text nodes joined by `sep`. */
export function textContent(node: AnyNode, skip: ReadonlySet<string> = new Set(), sep = ''): string {
  let out = '';
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') out += `${sep}${(n as T.TextNode).value}`;
    else if (isElement(n) && skip.has(n.tagName)) continue;
    if ('childNodes' in n) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return out;
}

/** Elements whose text a page never shows: scripts, styles, template contents, no-script fallbacks, raw-text frames. */
const HIDDEN_TEXT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'noembed', 'noframes']);

/** What a visitor reads on the page: text outside scripts, styles, templates and comments, whitespace squashed. */
export function visibleText(doc: HtmlDocument): string {
  return textContent(doc, HIDDEN_TEXT, ' ').replace(/\s+/g, ' ').trim();
}

/** The document's title as a browser shows it in the tab (the first HTML `<title>`; an SVG title does not count). */
export function documentTitle(doc: HtmlDocument): string | null {
  for (const el of elements(doc)) {
    if (el.tagName === 'title') return textContent(el).replace(/\s+/g, ' ').trim();
  }
  return null;
}
