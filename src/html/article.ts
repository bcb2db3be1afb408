/**
 * The one HTML rendering of an article: merge writes it as the localised
 * document, and the server sends it with a language switcher and styles for
 * reading. Its language and direction are on `<html>`, so browsers hyphenate,
 * pick fonts and lay out right to left where the language asks for it.
 */
import { textDirection } from '../core/lang.js';
import type { BlockKind } from '../core/types.js';

export interface ArticleBlock {
  readonly id: string;
  readonly kind: BlockKind;
  readonly text: string;
}

export interface ArticleView {
  readonly id: string;
  readonly lang: string;
  readonly blocks: readonly ArticleBlock[];
}

/** Text and double-quoted attribute values: the characters HTML gives a meaning to. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

/**
 * With `languages`, the page a reader gets: a switcher between them and styles
 * for reading. With `markup`, the blocks' text is rendered by it (Markdown).
 */
export function renderArticleHtml(article: ArticleView, options: { languages?: readonly string[]; markup?: (text: string) => string } = {}): string {
  const text = (block: ArticleBlock) => options.markup?.(block.text) ?? escapeHtml(block.text).replace(/\n/g, '<br>');
  const blocks = article.blocks.map((block) => {
    if (block.kind === 'headline') return `<h1>${text(block)}</h1>`;
    if (block.kind === 'caption') return `<p class="caption"><small>${text(block)}</small></p>`;
    return `<p>${text(block)}</p>`;
  });
  const headline = article.blocks.find((block) => block.kind === 'headline');
  const title = escapeHtml(headline?.text ?? article.id);
  const lang = escapeHtml(article.lang);
  const reading = options.languages ? READING_HEAD : '';
  const nav = options.languages ? `<nav aria-label="Language">${switcher(article.lang, options.languages)}</nav>\n` : '';
  return `<!doctype html>\n<html lang="${lang}" dir="${textDirection(article.lang)}">\n<head><meta charset="utf-8">${reading}<title>${title}</title></head>\n<body>\n${nav}<article>\n${blocks.join('\n')}\n</article>\n</body>\n</html>\n`;
}

function switcher(current: string, languages: readonly string[]): string {
  return languages
    .map((lng) =>
      lng === current
        ? `<strong lang="${escapeHtml(lng)}">${escapeHtml(lng)}</strong>`
        : `<a href="?lng=${encodeURIComponent(lng)}" hreflang="${escapeHtml(lng)}" lang="${escapeHtml(lng)}">${escapeHtml(lng)}</a>`,
    )
    .join(' · ');
}

/** Hyphenation and line breaking follow the lang attribute; Japanese gets wider line spacing. */
const READING_HEAD =
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<style>' +
  "body { font-family: Georgia, 'Noto Serif', 'Noto Serif CJK JP', serif; max-width: 38em; margin: 2em auto; padding: 0 1em; " +
  'line-height: 1.55; hyphens: auto; overflow-wrap: break-word; color: #222; } ' +
  ':lang(ja) body, body:lang(ja) { line-height: 1.9; line-break: strict; } ' +
  'nav { font-family: system-ui, sans-serif; font-size: 0.9em; margin-bottom: 2em; } ' +
  'h1 { line-height: 1.2; } .caption { color: #666; }' +
  '</style>';
