/**
 * The one HTML sanitiser of the import path: DOMPurify over a jsdom window
 * (reliability-security.md §4: jsdom, never happy-dom), HTML profile only, with
 * every element that can run code, load something or hide raw markup in its
 * text removed together with its content. Callers only read text from the
 * result; nothing here is ever rendered.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { BlockKind } from '../../../common/types/article.js';
import { blocksFromDom, type ReducedBlock } from './html-blocks.js';

const FORBIDDEN = [
  'style', 'form', 'base', 'meta', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'textarea', 'select',
  'option', 'button', 'input', 'noscript', 'noembed', 'noframes', 'template', 'xmp', 'plaintext', 'title', 'svg', 'math',
  'canvas', 'audio', 'video', 'img', 'picture', 'source',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN,
  // Without this DOMPurify keeps the text of a removed <textarea>/<button>, which may be raw markup.
  ADD_FORBID_CONTENTS: FORBIDDEN,
  FORBID_ATTR: ['style'],
};

let purifier: DOMPurify | undefined;

/** A quiet jsdom window: no scripts run, no resources load, CSS errors are not printed. */
function quietWindow(html = ''): JSDOM {
  return new JSDOM(html, { virtualConsole: new VirtualConsole() });
}

function getPurifier(): DOMPurify {
  purifier ??= createDOMPurify(quietWindow().window as unknown as Parameters<typeof createDOMPurify>[0]);
  return purifier;
}

/**
 * Sanitises an HTML fragment and returns it as a DOM fragment (never as a
 * string to be re-parsed); null when nothing is left (DOMPurify returns no
 * fragment for a <frameset> document, which has no body).
 */
export function sanitizeToFragment(html: string): DocumentFragment | null {
  return (getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null) ?? null;
}

/** Sanitised HTML → blocks. */
export function htmlToBlocks(html: string, context: BlockKind = 'paragraph'): ReducedBlock[] {
  const fragment = sanitizeToFragment(html);
  return fragment ? blocksFromDom(fragment, context) : [];
}
