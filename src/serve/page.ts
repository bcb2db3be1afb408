/** The readable HTML page of an article, with its language and a language switcher. */
import type { ArticleBlock } from './app.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export function renderArticlePage(
  article: { id: string; lang: string; dir: string; blocks: readonly ArticleBlock[] },
  languages: readonly string[],
): string {
  const headline = article.blocks.find((block) => block.kind === 'headline');
  const body = article.blocks
    .map((block) => {
      if (block.kind === 'headline') return `<h1>${escapeHtml(block.text)}</h1>`;
      if (block.kind === 'caption') return `<p class="caption"><small>${escapeHtml(block.text)}</small></p>`;
      return `<p>${escapeHtml(block.text).replace(/\n/g, '<br>')}</p>`;
    })
    .join('\n    ');
  const switcher = languages
    .map((lng) =>
      lng === article.lang
        ? `<strong lang="${escapeHtml(lng)}">${escapeHtml(lng)}</strong>`
        : `<a href="?lng=${encodeURIComponent(lng)}" hreflang="${escapeHtml(lng)}" lang="${escapeHtml(lng)}">${escapeHtml(lng)}</a>`,
    )
    .join(' · ');
  return `<!doctype html>
<html lang="${escapeHtml(article.lang)}" dir="${escapeHtml(article.dir)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(headline?.text ?? article.id)}</title>
    <style>
      /* Hyphenation and line breaking follow the lang attribute; Japanese gets wider line spacing. */
      body { font-family: Georgia, 'Noto Serif', 'Noto Serif CJK JP', serif; max-width: 38em; margin: 2em auto; padding: 0 1em;
             line-height: 1.55; hyphens: auto; overflow-wrap: break-word; color: #222; }
      :lang(ja) body, body:lang(ja) { line-height: 1.9; line-break: strict; }
      nav { font-family: system-ui, sans-serif; font-size: 0.9em; margin-bottom: 2em; }
      h1 { line-height: 1.2; }
      .caption { color: #666; }
    </style>
  </head>
  <body>
    <nav aria-label="Language">${switcher}</nav>
    <article>
    ${body}
    </article>
  </body>
</html>
`;
}
