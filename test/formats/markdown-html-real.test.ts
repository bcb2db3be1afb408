import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import spec from 'commonmark-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import type { DocId } from '../../src/core/types.js';
import { html } from '../../src/formats/html.js';
import { markdown } from '../../src/formats/markdown.js';
import type { SourceFormat } from '../../src/formats/types.js';
import { rulesFor } from '../../src/segment/index.js';
import { segmentsIn, tagged } from '../helpers/segments.js';
import { isRight, judge, pseudo } from './real-files.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const de = 'de' as Lang;
const en = 'en-XA' as Lang;
const options = { docId: 'doc' as DocId, lang: de, rules: rulesFor(de), file: 'doc', frontMatter: ['title', 'description'] };
const md = (text: string) => markdown.parse(text, options);
const page = (text: string) => html.parse(text, options);
const units = (doc: { doc: Parameters<typeof segmentsIn>[0] }) => segmentsIn(doc.doc).map(tagged);
/** Each sentence's translation: its text upper-cased between the codes, as a translator would leave the markup. */
const upper = (segment: { text: string; codes?: readonly { start: number; end: number }[] }) => {
  let out = '';
  let cursor = 0;
  for (const code of segment.codes ?? []) {
    out += segment.text.slice(cursor, code.start).toUpperCase() + segment.text.slice(code.start, code.end);
    cursor = code.end;
  }
  return out + segment.text.slice(cursor).toUpperCase();
};

const files = (folder: string) =>
  readdirSync(path.join(FIXTURES, folder))
    .filter((name) => /\.(?:md|html)$/.test(name) && name !== 'README.md' && name !== 'SOURCES.md')
    .map((name) => [name, path.join(FIXTURES, folder, name)] as const);

describe('#26 real Markdown and HTML files', () => {
  beforeAll(async () => {
    await markdown.prepare!();
    await html.prepare!();
  });

  it.each([...files('real'), ...files('html')])(
    '%s: given back byte for byte, every unit text and translated, the markup as it was',
    async (name, file) => {
      const format = (name.endsWith('.md') ? markdown : html) as SourceFormat;
      const verdict = await judge(format, readFileSync(file, 'utf8'), name);
      expect(verdict, name).toMatchObject({ identity: true, notText: [], german: [] });
      expect(verdict.markup, name).toBeUndefined();
      expect(isRight(verdict)).toBe(true);
    },
    60_000,
  );

  it('keeps the markup of the CommonMark spec examples under a pseudo translation', async () => {
    const changed: number[] = [];
    for (const example of spec.tests) {
      const verdict = await judge(markdown as SourceFormat, example.markdown.replace(/→/g, '\t'), `example ${example.number}`);
      if (!verdict.identity || verdict.markup !== undefined) changed.push(example.number);
    }
    // 606 (`<foo\+@bar.example.com>`): GFM's e-mail autolinks come without positions, so the paragraph is one text.
    expect(changed).toEqual([606]);
  }, 120_000);
});

describe('#26 Markdown as real pages write it', () => {
  beforeAll(() => markdown.prepare!());

  it('keeps the body of a `> [!NOTE]` alert whose next line starts with a code span, and leaves the marker out of the unit', () => {
    const text = '> [!NOTE]\n> `fetch()` liefert ein Promise. Es wird erfüllt.\n';
    const parsed = md(text);
    expect(units(parsed)).toEqual(['⟨s1⟩ liefert ein Promise.', 'Es wird erfüllt.']);
    expect(markdown.write(parsed, en, upper)).toBe('> [!NOTE]\n> `fetch()` LIEFERT EIN PROMISE. ES WIRD ERFÜLLT.\n');
  });

  it('writes the newline of a hard break once when the continued line starts with bold or a link', () => {
    const text = '- **Erwachsene:** 19 €  \n  zzgl. Gebühr\n- Mehr unter  \n  [Tickets](https://example.org) kaufen.\n';
    const out = markdown.write(md(text), en, upper);
    expect(out).toBe('- **ERWACHSENE:** 19 €  \n  ZZGL. GEBÜHR\n- MEHR UNTER  \n  [TICKETS](https://example.org) KAUFEN.\n');
  });

  it('offers the text of HTML blocks for translation and writes it back as HTML, in a quote too', () => {
    const text = '<table>\n  <caption>Inline-Elemente</caption>\n  <tr><td>Ein Link &amp; mehr</td><td><img alt=Logo src=x.png></td></tr>\n</table>\n\n> <div>\n> Ein Satz im Zitat.\n> </div>\n';
    const parsed = md(text);
    expect(units(parsed)).toEqual(['Inline-Elemente', 'Ein Link & mehr', 'Logo', 'Ein Satz im Zitat.']);
    expect(markdown.write(parsed, en, (segment) => (segment.text === 'Logo' ? 'Logo <b>"x"' : upper(segment)))).toBe(
      '<table>\n  <caption>INLINE-ELEMENTE</caption>\n  <tr><td>EIN LINK &amp; MEHR</td><td><img alt="Logo &lt;b&gt;&quot;x&quot;" src=x.png></td></tr>\n</table>\n\n> <div>\n> EIN SATZ IM ZITAT.\n> </div>\n',
    );
  });

  it('sends MDN macros and Hugo shortcodes as codes, even across lines and quote markers, and leaves MDX imports out', () => {
    const text = [
      "import Tabs from '@theme/Tabs';",
      '',
      'Das {{HTMLElement("details")}}-Element und {{< ref "seite.md" >}} sind hier.',
      '',
      '{{< figure src="a.webp"',
      'alt="Flyer 2026"',
      '>}}',
      '',
      '{{% notice info %}}',
      'Ein Hinweis.',
      '{{% /notice %}}',
      '',
      '<div class="x"><a href="{{< ref "b.md" >}}">Mehr lesen</a></div>',
      '',
    ].join('\n');
    const parsed = md(text);
    expect(units(parsed)).toEqual(['Das ⟨s1⟩-Element und ⟨s2⟩ sind hier.', 'Ein Hinweis.', 'Mehr lesen']);
    expect(markdown.write(parsed, de, (segment) => segment.text)).toBe(text);
  });
});

describe('#26 HTML as real pages write it', () => {
  beforeAll(() => html.prepare!());

  it('quotes a translated unquoted attribute inside a sentence, escaped', () => {
    const parsed = page('<p>Folgen Sie uns auf <a href=https://facebook.com><img alt=Facebook src=f.png></a> heute.</p>');
    expect(units(parsed)).toEqual(['Folgen Sie uns auf ⟨o1⟩⟨s2⟩⟨c1⟩ heute.', 'Facebook']);
    const out = html.write(parsed, en, (segment) => (segment.text === 'Facebook' ? '(Facebook) "Seite"' : upper(segment)));
    expect(out).toBe('<p>FOLGEN SIE UNS AUF <a href=https://facebook.com><img alt="(Facebook) &quot;Seite&quot;" src=f.png></a> HEUTE.</p>');
  });

  it('writes each word once when an element is left open across </p><p>', () => {
    const text = '<p>Eins <b>fett</p><p>Zwei</b> weiter.</p>';
    const parsed = page(text);
    expect(units(parsed)).toEqual(['Eins ⟨s1⟩fett', 'Zwei⟨s1⟩ weiter.']);
    expect(html.write(parsed, de, (segment) => segment.text)).toBe(text);
    expect(html.write(parsed, en, upper)).toBe('<p>EINS <b>FETT</p><p>ZWEI</b> WEITER.</p>');
  });

  it('translates title and aria-label inside sentences, og: and twitter: previews and button labels', () => {
    const text =
      '<html><head><meta property="og:title" content="Der Haushalt"><meta name="twitter:description" content="Sechs Stunden Debatte"><meta property="og:url" content="https://example.org"></head>' +
      '<body><p>Die <abbr title="Bundesregierung">BReg</abbr> und <a href="/x" aria-label="zur Startseite">hier</a>.</p><button>Jetzt suchen</button></body></html>';
    const parsed = page(text);
    expect(units(parsed)).toEqual(['Die ⟨o1⟩BReg⟨c1⟩ und ⟨o2⟩hier⟨c2⟩.', 'Jetzt suchen', 'Der Haushalt', 'Sechs Stunden Debatte', 'Bundesregierung', 'zur Startseite']);
    const out = html.write(parsed, en, upper);
    for (const written of ['content="DER HAUSHALT"', 'content="SECHS STUNDEN DEBATTE"', 'content="https://example.org"', '<abbr title="BUNDESREGIERUNG">BREG</abbr>', 'aria-label="ZUR STARTSEITE">HIER</a>', '<button>JETZT SUCHEN</button>']) {
      expect(out).toContain(written);
    }
  });

  it('keeps a list number after <hr/> or <br> in its sentence', () => {
    expect(units(page('<p>Der erste Punkt ist gut.<br>2. Der zweite Punkt ist wichtig.</p>'))).toEqual(['Der erste Punkt ist gut.⟨s1⟩2. Der zweite Punkt ist wichtig.']);
    expect(units(md('Der erste Punkt.<hr/>2. Der zweite Punkt ist wichtig.\n'))).toEqual(['Der erste Punkt.⟨s1⟩2. Der zweite Punkt ist wichtig.']);
  });

  it('gives pseudo translations whose links survive a URL as link text', () => {
    const parsed = page('<p>Permalink: <a href="http://heise.de/-2596987">http://heise.de/-2596987</a></p>');
    expect(html.write(parsed, en, pseudo)).toMatch(/<a href="http:\/\/heise\.de\/-2596987">http:\/\/heise\.de\/-2596987<\/a>/);
  });
});
