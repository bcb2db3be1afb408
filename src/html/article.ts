/**
 * The one HTML rendering of an article: merge writes it as the localised
 * document, and the server sends it with a language switcher and styles for
 * reading. Its language and direction are on `<html>`, so browsers hyphenate,
 * pick fonts and lay out right to left where the language asks for it.
 */
import { textDirection } from '../core/lang.js';
import { escapeHtml } from './escape.js';
import type { BlockKind, BlockRole } from '../core/types.js';

export interface ArticleBlock {
  readonly id: string;
  readonly kind: BlockKind;
  readonly text: string;
  /** Where a structured source (Markdown) has it: a heading's level, a list's item, a front matter value. */
  readonly role?: BlockRole;
}

export interface ArticleView {
  readonly id: string;
  readonly lang: string;
  readonly blocks: readonly ArticleBlock[];
}

/** What the server adds to the page a reader gets. */
export interface ReaderPage {
  /** The languages the article is published in, for the switcher, each named in its own language. */
  readonly languages: readonly { readonly lang: string; readonly name: string }[];
  /** The page's own address without the query, for the `hreflang` alternates (Google's multilingual-site guide). */
  readonly href: string;
  /** The language of the `x-default` alternate: the source. */
  readonly defaultLang: string;
  /** One line for a reader whose language is not published yet, in their language. */
  readonly notice?: { readonly lang: string; readonly text: string };
}

/**
 * With `reader`, the page a reader gets: a language switcher, alternates for
 * search engines, the notice, and styles for reading. With `markup`, the
 * blocks' text is rendered by it (Markdown).
 */
export function renderArticleHtml(article: ArticleView, options: { reader?: ReaderPage; markup?: (text: string) => string; plain?: (text: string) => string } = {}): string {
  const text = (block: ArticleBlock) => options.markup?.(block.text) ?? escapeHtml(block.text).replace(/\n/g, '<br>');
  const blocks = bodyHtml(article.blocks, text);
  const headline = article.blocks.find((block) => block.kind === 'headline');
  // `<title>` holds text only: a block in markup gives its text (`plain`), escaped again.
  const title = escapeHtml(headline ? (options.plain?.(headline.text) ?? headline.text) : article.id);
  const lang = escapeHtml(article.lang);
  const reader = options.reader;
  const head = reader ? READING_HEAD + alternates(reader) : '';
  const nav = reader ? `<nav aria-label="${escapeHtml(ownLanguageLabel)}">${switcher(article.lang, reader)}</nav>\n` : '';
  const notice = reader?.notice ? `<p class="notice" role="status" lang="${escapeHtml(reader.notice.lang)}">${escapeHtml(reader.notice.text)}</p>\n` : '';
  return `<!doctype html>\n<html lang="${lang}" dir="${textDirection(article.lang)}">\n<head><meta charset="utf-8">${head}<title>${title}</title></head>\n<body>\n${nav}${notice}<main>\n<article>\n${blocks.join('\n')}\n</article>\n</main>\n</body>\n</html>\n`;
}

/**
 * The blocks as the page's body: a headline as `<h1>`, a heading of a
 * structured source at its level, the items of one list as one `<ul>` or
 * `<ol>` (an item of several paragraphs as one `<li>`), the rest as
 * paragraphs. A front matter title is the page's `<title>`; in the body only
 * when the source has no headline of its own, so the title is shown once.
 */
function bodyHtml(blocks: readonly ArticleBlock[], text: (block: ArticleBlock) => string): string[] {
  const ownHeadline = blocks.some((block) => block.kind === 'headline' && !(block.role && 'frontMatter' in block.role));
  const out: string[] = [];
  let open: { list: number; item: number; ordered: boolean } | undefined;
  const close = () => {
    if (open) out.push(`</${open.ordered ? 'ol' : 'ul'}>`);
    open = undefined;
  };
  for (const block of blocks) {
    const role = block.role;
    if (role && 'list' in role) {
      if (open && open.list === role.list && open.item === role.item) {
        // A further paragraph of the same item: inside its `<li>`.
        out[out.length - 1] = `${out[out.length - 1]!.slice(0, -'</li>'.length)}<p>${text(block)}</p></li>`;
      } else {
        if (!open || open.list !== role.list) {
          close();
          out.push(role.ordered ? '<ol>' : '<ul>');
        }
        out.push(`<li>${text(block)}</li>`);
      }
      open = role;
      continue;
    }
    close();
    if (block.kind === 'headline') {
      if (!(ownHeadline && role && 'frontMatter' in role)) out.push(`<h1>${text(block)}</h1>`);
    } else if (block.kind === 'caption') out.push(`<p class="caption"><small>${text(block)}</small></p>`);
    else if (role && 'heading' in role) out.push(`<h${role.heading}>${text(block)}</h${role.heading}>`);
    else out.push(`<p>${text(block)}</p>`);
  }
  close();
  return out;
}

/** The switcher's label is the same in every page: a reader may not read the page's language. */
const ownLanguageLabel = 'Language / Sprache';

function switcher(current: string, reader: ReaderPage): string {
  return reader.languages
    .map(({ lang, name }) =>
      lang === current
        ? `<strong lang="${escapeHtml(lang)}" aria-current="page">${escapeHtml(name)}</strong>`
        : `<a href="?lng=${encodeURIComponent(lang)}" hreflang="${escapeHtml(lang)}" lang="${escapeHtml(lang)}">${escapeHtml(name)}</a>`,
    )
    .join(' · ');
}

function alternates(reader: ReaderPage): string {
  const link = (hreflang: string, lng: string) => `<link rel="alternate" hreflang="${escapeHtml(hreflang)}" href="${escapeHtml(`${reader.href}?lng=${encodeURIComponent(lng)}`)}">`;
  return reader.languages.map(({ lang }) => link(lang, lang)).join('') + link('x-default', reader.defaultLang);
}

/** Hyphenation and line breaking follow the lang attribute; Japanese gets wider line spacing. */
const READING_HEAD =
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<style>' +
  "body { font-family: Georgia, 'Noto Serif', 'Noto Serif CJK JP', serif; max-width: 38em; margin: 2em auto; padding: 0 1em; " +
  'line-height: 1.55; hyphens: auto; overflow-wrap: break-word; color: #222; } ' +
  ':lang(ja) body, body:lang(ja) { line-height: 1.9; line-break: strict; } ' +
  'nav { font-family: system-ui, sans-serif; font-size: 0.9em; margin-bottom: 2em; } ' +
  'h1 { line-height: 1.2; } .caption { color: #595959; } .notice { font-family: system-ui, sans-serif; background: #fff8dc; padding: 0.5em 0.8em; }' +
  '</style>';
