/**
 * #22 nothing a translation brings becomes markup: the writers treat a
 * translation as text. HTML text is decoded when extracted and encoded when
 * written, attribute units are written as attribute values, Markdown gets no
 * link, image or HTML the source did not have, and the plain renderers escape.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { micromark } from 'micromark';
import { parse as parseYaml } from 'yaml';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parse as parseHtml, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId, Segment } from '../../src/core/types.js';
import { html } from '../../src/formats/html.js';
import { i18next } from '../../src/formats/i18next.js';
import { markdown } from '../../src/formats/markdown.js';
import { renderHtml, renderMarkdown } from '../../src/merge/render.js';
import { rulesFor, segmentText } from '../../src/segment/index.js';
import { writeXliff } from '../../src/xliff/index.js';
import { segmentsIn, tagged } from '../helpers/segments.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const de = 'de' as Lang;
const en = 'en' as Lang;
const options = (file: string) => ({ docId: 'doc' as DocId, lang: de, rules: rulesFor(de), file, frontMatter: ['title'] });
const parseHtmlDoc = (text: string) => html.parse(text, options('doc.html'));
const parseMd = (text: string) => markdown.parse(text, options('doc.md'));

/** Every element in document order with its attributes, as a browser builds it. */
function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, out);
  if (node.nodeName === 'template') elements((node as DefaultTreeAdapterMap['template']).content, out);
  return out;
}
const shape = (page: string) => elements(parseHtml(page)).map((element) => `${element.tagName}[${element.attrs.map((attr) => attr.name).sort().join(',')}]`);
const textOf = (node: Node): string => (node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
const find = (page: string, tag: string) => elements(parseHtml(page)).filter((element) => element.tagName === tag);
const attr = (element: Element | undefined, name: string) => element?.attrs.find((a) => a.name === name)?.value;

const HOSTILE = `<svg/onload=alert(1)> x" onerror="alert(2)' <img src=x onerror=alert(3)> &amp; </h1><script>alert(4)</script>`;

describe('#22 HTML: a translation is text, an attribute unit an attribute value', () => {
  beforeAll(() => html.prepare!());

  const PAGE = `<!doctype html><html lang="de"><head><title>Haushalt &amp; Steuern</title>
<meta name="description" content="Tom &amp; Jerry"></head><body>
<h1>Fa. M&uuml;ller &amp; <b>S&ouml;hne</b> &lt;GmbH&gt;</h1>
<p><img alt="Ein Logo" src="logo.png"></p>
<p><img alt=Facebook src=fb.png></p>
<p><input placeholder='Suche hier'></p>
</body></html>`;

  it('shows translators decoded text: `&amp;` is `&` in the segment and once escaped in XLIFF', () => {
    const { doc } = parseHtmlDoc(PAGE);
    const texts = segmentsIn(doc).map(tagged);
    expect(texts).toContain('Fa. Müller & ⟨o1⟩Söhne⟨c1⟩ <GmbH>');
    expect(texts).toContain('Tom & Jerry');
    const xml = writeXliff({ doc, original: 'doc.html', sourceLang: de, targetLang: en, targets: new Map() }, '1.2');
    expect(xml).toContain('Haushalt &amp; Steuern');
    expect(xml).not.toContain('&amp;amp;');
  });

  it('writes a hostile translation of every unit as text: no element, attribute or script it brings, and it reads as typed', () => {
    const parsed = parseHtmlDoc(PAGE);
    const page = html.write(parsed, de, (segment) => `${segment.text} ${HOSTILE}`);
    // The same elements with the same attributes as the source: nothing was added or broken open.
    expect(shape(page)).toEqual(shape(PAGE));
    expect(find(page, 'script')).toEqual([]);
    const [headline] = find(page, 'h1');
    expect(textOf(headline!)).toBe(`Fa. Müller & Söhne <GmbH> ${HOSTILE}`);
    expect(find(page, 'b').map(textOf)).toEqual(['Söhne']);
    expect(attr(find(page, 'img')[0], 'alt')).toBe(`Ein Logo ${HOSTILE}`);
    expect(attr(find(page, 'input')[0], 'placeholder')).toBe(`Suche hier ${HOSTILE}`);
    expect(attr(find(page, 'meta').find((m) => attr(m, 'name') === 'description'), 'content')).toBe(`Tom & Jerry ${HOSTILE}`);
    expect(textOf(find(page, 'title')[0]!)).toBe(`Haushalt & Steuern ${HOSTILE}`);
  });

  it('quotes an unquoted attribute when its translation is written: `alt=(Facebook) Logo` stays one value', () => {
    const parsed = parseHtmlDoc(PAGE);
    const page = html.write(parsed, de, (segment) => (segment.text === 'Facebook' ? '(Facebook) Logo onerror=alert(1)' : segment.text));
    expect(page).toContain('<img alt="(Facebook) Logo onerror=alert(1)" src=fb.png>');
    const image = find(page, 'img')[1]!;
    expect(image.attrs.map((a) => a.name)).toEqual(['alt', 'src']);
  });

  it('keeps the source’s markup where the translation moves its codes, and writes typed `<` and `&` as text', () => {
    const parsed = parseHtmlDoc('<p>Ein <a href="https://example.com/">Link</a> und <em>mehr</em>.</p>');
    const page = html.write(parsed, de, () => 'And <em>more</em> & a < b, <a href="https://example.com/">link</a> <a href="javascript:alert(1)">x</a>.');
    const links = find(page, 'a').map((a) => attr(a, 'href'));
    expect(links).toEqual(['https://example.com/']);
    // `</a>` is the source's code: written as the end tag it is, it closes nothing here.
    expect(textOf(find(page, 'p')[0]!)).toBe('And more & a < b, link <a href="javascript:alert(1)">x.');
  });

  it('gives back each translation as the text of 27 real pages, with not one element or attribute more (the text round trip)', () => {
    const pages = readdirSync(path.join(FIXTURES, 'html')).filter((name) => name.endsWith('.html'));
    for (const name of pages) {
      const source = readFileSync(path.join(FIXTURES, 'html', name), 'utf8');
      const parsed = html.parse(source, options(name));
      const payload = '<i x=">"> & "\'';
      const page = html.write(parsed, de, (segment: Segment) => `${segment.text} ${payload}`);
      expect(shape(page), name).toEqual(shape(source));
      // Each translation's text arrives as text (or an attribute value) a reader sees, once per segment.
      const tree = parseHtml(page);
      const seen = [textOf(tree), ...elements(tree).flatMap((element) => element.attrs.map((a) => a.value))].join('\n');
      expect(seen.split(payload).length - 1, name).toBe(segmentsIn(parsed.doc).length);
    }
  });

  it('keeps a reference to a character XML cannot carry (`&#1;`) as a code, written back as it was', () => {
    const parsed = parseHtmlDoc('<p>Ein Steuer&#1;zeichen und &#xFFFE; hier.</p>');
    const [segment] = segmentsIn(parsed.doc);
    expect(tagged(segment!)).toBe('Ein Steuer⟨s1⟩zeichen und ⟨s2⟩ hier.');
    expect(html.write(parsed, de, () => 'A con&#1;trol &#xFFFE; here &#1;.')).toBe('<p>A con&#1;trol &#xFFFE; here &#1;.</p>');
  });

  it('tells a page from a fragment in linear time, however many comments come first', () => {
    // The old test, /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype|<html)/i, tried every way of grouping the comments: 2^n.
    const fastest = (text: string) => Math.min(...[1, 2, 3].map(() => {
      const start = performance.now();
      parseHtmlDoc(text);
      return performance.now() - start;
    }));
    const one = fastest('<!---->x<p>Ein Satz.</p>');
    const many = fastest(`${'<!---->'.repeat(30)}x<p>Ein Satz.</p>`);
    expect(many).toBeLessThan(Math.max(one, 1) * 50);
  });

  it('publishes resources of an HTML document as fragments: the source’s inline tags around encoded text', () => {
    const parsed = parseHtmlDoc(PAGE);
    const resources = html.resources!(parsed, en, (segment) => `${segment.text} <svg onload=alert(1)>`);
    const blocks = Object.values(resources.blocks);
    expect(blocks).toContain('Fa. Müller &amp; <b>Söhne</b> &lt;GmbH&gt; &lt;svg onload=alert(1)&gt;');
    expect(blocks).toContain('Ein Logo &lt;svg onload=alert(1)&gt;');
    for (const fragment of [...blocks, ...Object.values(resources.segments)]) {
      const tags = elements(parseFragment(fragment)).map((element) => element.tagName);
      expect(tags.every((tag) => tag === 'b'), fragment).toBe(true);
    }
  });
});

describe('#22 Markdown: a translation brings no link, image or HTML the source did not have', () => {
  beforeAll(() => markdown.prepare!());

  /** Links, images and HTML of a Markdown text, as a parser finds them. */
  function markup(text: string): string[] {
    const found: string[] = [];
    const visit = (node: { type: string; url?: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push(`${node.type} ${node.url}`);
      if (node.type === 'html') found.push(`html ${node.value}`);
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    visit(fromMarkdown(text));
    return found.sort();
  }
  const render = (text: string) => micromark(text, { allowDangerousHtml: true, allowDangerousProtocol: true });

  const SOURCE = `# Ein Titel

Ein <span>kurzer</span> Satz mit [Link](https://example.com/) und [Verweis].

[Verweis]: https://example.org/
`;

  it('escapes raw HTML, links, images and autolinks a translation writes', () => {
    const parsed = parseMd(SOURCE);
    const hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](javascript:alert(2)) <javascript:alert(3)> [Verweis]: javascript:alert(4)';
    const out = markdown.write(parsed, en, (segment) => `${segment.text} ${hostile}`);
    expect(markup(out)).toEqual(markup(SOURCE));
    expect(render(out)).not.toMatch(/<img|javascript:alert\(1\)"|href="javascript/);
    expect(render(out)).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('does not let a moved inline tag open an HTML block in which the text would be markup', () => {
    const parsed = parseMd('Ein <span>kurzer</span> Satz.\n');
    const out = markdown.write(parsed, en, () => '<span>\n<img src=x onerror=alert(1)> short</span> sentence.');
    expect(render(out)).not.toContain('<img');
  });

  it('makes no link of a reference code followed by `(…)`, no image of `!` before a link, no definition of `]:`', () => {
    const parsed = parseMd(SOURCE);
    const out = markdown.write(parsed, en, (segment) =>
      segment.text.includes('Verweis') ? 'A short ![Link](https://example.com/) and [Verweis](javascript:alert(1)) x' : segment.text,
    );
    expect(markup(out).filter((item) => !item.startsWith('html'))).toEqual(['definition https://example.org/', 'link https://example.com/']);
    expect(render(out)).not.toMatch(/<img|href="javascript/);
    const definition = markdown.write(parseMd('[Verweis] ist gut.\n\n[Verweis]: https://example.org/\n'), en, () => '[Verweis]: javascript:alert(1)');
    expect(markup(definition)).toEqual(['definition https://example.org/']);
  });

  it('keeps a translator’s backslash escape one: `\\<b>` and `\\[` read as `<b>` and `[`, never as `\\` and markup', () => {
    const parsed = parseMd('Ein Satz.\n');
    const out = markdown.write(parsed, en, () => 'A \\<b>bold\\</b> \\[x\\](y) \\\\<i>z and a trailing \\');
    expect(render(out).trim()).toBe('<p>A &lt;b&gt;bold&lt;/b&gt; [x](y) \\&lt;i&gt;z and a trailing \\</p>');
  });

  it('publishes Markdown resources with the translation escaped as the file has it: no link the source did not have', () => {
    const parsed = parseMd(SOURCE);
    const translate = (segment: Segment) => `${segment.text} [Gewinn](https://evil.example/) <b>x</b>`;
    const resources = markdown.resources!(parsed, en, translate);
    for (const block of Object.values(resources.blocks)) expect(micromark(block)).not.toMatch(/evil\.example\/"|<b>/);
    expect(Object.values(resources.blocks).join('\n')).toContain('<span>');
  });

  it('writes a double-quoted front matter title that still ends at its quote: backslashes that start no escape doubled', () => {
    const parsed = parseMd('---\ntitle: "Ein \\"Titel\\""\n---\n\nText.\n');
    const out = markdown.write(parsed, en, (segment) => (segment.text.includes('Titel') ? 'He said \\"hi" in C:\\Ordner\\' : segment.text));
    const yaml = out.split('---\n')[1]!;
    expect(parseYaml(yaml)).toEqual({ title: 'He said "hi" in C:\\Ordner\\' });
  });

  it('escapes a `|` that would part a table cell', () => {
    const source = '| Spalte |\n| --- |\n| Ein Wert |\n';
    const out = markdown.write(parseMd(source), en, (segment) => (segment.text === 'Ein Wert' ? 'A | B' : segment.text));
    expect(micromark(out, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })).toContain('<td>A | B</td>');
  });
});

describe('#22 every other output treats a translation as text', () => {
  const doc = segmentText('Ein Titel\n\nEin Absatz.\n', { docId: 'doc' as DocId, lang: de, rules: rulesFor(de) });
  const hostile = '[x](javascript:alert(1)) <img src=x onerror=alert(2)> &amp; ![i](x) | a';

  it('renders a plain-text document to Markdown and HTML with the translation’s characters as text', () => {
    const md = renderMarkdown(doc, en, () => hostile);
    const rendered = micromark(md, { allowDangerousHtml: true });
    expect(rendered).not.toMatch(/<a |<img/);
    // What the translator wrote, `&amp;` included, is what a reader sees.
    expect(rendered).toContain('&amp;amp;');
    const page = renderHtml(doc, en, () => hostile);
    expect(find(page, 'img')).toEqual([]);
    expect(find(page, 'a')).toEqual([]);
    expect(textOf(find(page, 'h1')[0]!)).toBe(hostile);
  });

  it('writes i18next JSON that stays valid JSON with quotes, backslashes, controls and line separators', () => {
    const parsed = i18next.parse('{\n  "a": "Hallo",\n  "b": "Welt"\n}\n', options('ns.json'));
    const value = 'x"},"evil":"1\\\\u0022 \u2028\u2029 \t\n <script>';
    const out = i18next.write(parsed, en, () => value);
    expect(JSON.parse(out)).toEqual({ a: value, b: value });
  });
});
