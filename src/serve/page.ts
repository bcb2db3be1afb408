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
    <title>${escapeHtml(headline?.text ?? article.id)}</title>
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
