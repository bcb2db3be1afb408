import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18nextLib from 'i18next';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Lang } from '../../src/core/lang.js';
import type { DocId, Segment, SegmentId, Target } from '../../src/core/types.js';
import { i18next } from '../../src/formats/i18next.js';
import { rulesFor } from '../../src/segment/index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/i18next');
const de = 'de' as Lang;
const parse = (text: string, file = 'ns.json') => i18next.parse(text, { docId: 'ns' as DocId, lang: de, rules: rulesFor(de), file });
const segmentsOf = (parsed: ReturnType<typeof parse>) =>
  parsed.doc.body.flatMap((block) => (block.kind === 'block' ? block.parts.filter((part): part is Segment => part.kind === 'segment') : []));

/** A German namespace as apps have them: nesting, plurals with and without context, ordinals, `_zero`, Trans components. */
const NEWSROOM = `{
  "nav": {
    "home": "Startseite",
    "search": "Suche nach „{{term}}“"
  },
  "article_one": "{{count}} Artikel",
  "article_other": "{{count}} Artikel",
  "comment_zero": "Noch keine Kommentare",
  "comment_one": "Ein Kommentar",
  "comment_other": "{{count}} Kommentare",
  "author_male_one": "{{count}} Autor",
  "author_male_other": "{{count}} Autoren",
  "place_ordinal_other": "{{count}}. Platz",
  "intro": "Lies <1>die ganze Geschichte</1> von $t(nav.home).",
  "empty": "",
  "tags": ["Politik", "Wirtschaft"]
}
`;

describe('i18next JSON resources', () => {
  it('gives every real resource file back byte for byte when each translation equals its source', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const name of files) {
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      const parsed = parse(text, name);
      expect(i18next.write(parsed, de, (segment) => segment.text), name).toBe(text);
      const german = i18next.forLocale!(parsed, de);
      expect(i18next.write(german, de, (segment) => segment.text), name).toBe(text);
    }
  });

  it('makes one unit per string, its key path as id, and skips empty strings', () => {
    const ids = segmentsOf(parse(NEWSROOM)).map((segment) => segment.id);
    expect(ids).toEqual(
      expect.arrayContaining(['nav.home', 'nav.search', 'article_one', 'article_other', 'comment_zero', 'author_male_one', 'place_ordinal_other', 'intro', 'tags.0', 'tags.1']),
    );
    expect(ids).not.toContain('empty');
  });

  it('gives Polish its four plural forms, Japanese one, French three, keeping _zero and the context', () => {
    const forms = (lang: string, base: string) =>
      segmentsOf(i18next.forLocale!(parse(NEWSROOM), lang as Lang))
        .map((segment) => segment.id as string)
        .filter((id) => id.startsWith(`${base}_`));
    expect(forms('pl', 'article')).toEqual(['article_one', 'article_few', 'article_many', 'article_other']);
    expect(forms('ja', 'article')).toEqual(['article_other']);
    expect(forms('fr', 'article')).toEqual(['article_one', 'article_many', 'article_other']);
    expect(forms('pl', 'comment')).toEqual(['comment_zero', 'comment_one', 'comment_few', 'comment_many', 'comment_other']);
    expect(forms('pl', 'author_male')).toEqual(['author_male_one', 'author_male_few', 'author_male_many', 'author_male_other']);
    expect(forms('en', 'place')).toEqual(['place_ordinal_one', 'place_ordinal_two', 'place_ordinal_few', 'place_ordinal_other']);
  });

  it("tells the translator which numbers a form is for, and that a new form is translated from the source's other", () => {
    const polish = i18next.forLocale!(parse(NEWSROOM), 'pl' as Lang);
    const few = polish.doc.body.find((block) => block.kind === 'block' && block.parts.some((part) => part.kind === 'segment' && part.id === 'article_few'));
    expect(few?.kind === 'block' && few.note).toMatch(/Plural form "few" \(used for 2–4, 22–24, 32–34.*"other" form/);
    const segment = segmentsOf(polish).find((s) => s.id === 'article_few')!;
    expect(segment.text).toBe('{{count}} Artikel');
  });

  it('writes a Polish file that stock i18next reads with the right form for 0, 1, 2, 5 and 22', async () => {
    const polish = i18next.forLocale!(parse(NEWSROOM), 'pl' as Lang);
    const text = i18next.write(polish, 'pl' as Lang, (segment) => `[${segment.id}] ${segment.text}`);
    const resources = JSON.parse(text);
    expect(Object.keys(resources)).toEqual([
      'nav', 'article_one', 'article_few', 'article_many', 'article_other', 'comment_zero', 'comment_one', 'comment_few', 'comment_many', 'comment_other',
      'author_male_one', 'author_male_few', 'author_male_many', 'author_male_other', 'place_ordinal_other', 'intro', 'empty', 'tags',
    ]);
    // The layout is the source's: two-space indentation, one key per line, final newline.
    expect(text).toContain('\n  "article_one": "[article_one] {{count}} Artikel",\n  "article_few": "[article_few] {{count}} Artikel",\n');
    expect(text.endsWith('}\n')).toBe(true);
    const instance = i18nextLib.createInstance();
    await instance.init({ lng: 'pl', resources: { pl: { translation: resources } }, interpolation: { escapeValue: false } });
    const form = (count: number) => /^\[(\w+)\]/.exec(instance.t('article', { count }))?.[1];
    expect([0, 1, 2, 5, 22].map(form)).toEqual(['article_many', 'article_one', 'article_few', 'article_many', 'article_few']);
    expect(instance.t('author', { context: 'male', count: 3 })).toBe('[author_male_few] 3 Autoren');
  });

  it('drops the forms a language does not have, and keeps the rest of the file as it was', () => {
    const japanese = i18next.write(i18next.forLocale!(parse(NEWSROOM), 'ja' as Lang), 'ja' as Lang, (segment) => segment.text);
    expect(japanese).not.toContain('article_one');
    expect(japanese).toContain('\n  "article_other": "{{count}} Artikel",\n  "comment_zero"');
    expect(JSON.parse(japanese).tags).toEqual(['Politik', 'Wirtschaft']);
  });

  it('reports a plural form missing among translated ones', () => {
    const polish = i18next.forLocale!(parse(NEWSROOM), 'pl' as Lang);
    const target = (id: string): [SegmentId, Target] => [id as SegmentId, { segmentId: id as SegmentId, text: 'x', state: 'translated', origin: { by: 'human' } }];
    const findings = i18next.check!(polish, 'pl' as Lang, new Map([target('article_one'), target('article_many'), target('article_other')]));
    expect(findings).toEqual([expect.objectContaining({ check: 'plurals', severity: 'error', segmentId: 'article_few' })]);
    expect(findings[0]!.message).toMatch(/"few" of "article" is missing: used for 2–4/);
    // A key nobody translated yet is untranslated, not a broken plural.
    expect(i18next.check!(polish, 'pl' as Lang, new Map())).toEqual([]);
  });

  it('refuses broken JSON with its line and column, and nesting too deep to be real', () => {
    const error = (() => {
      try {
        parse('{\n  "a": "b",\n  "c": }\n');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/ns\.json:3:8: not valid JSON/);
    expect(() => parse(`${'{"a":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`)).toThrow(/nested more than 512 deep/);
    expect(() => parse('["a"]')).toThrow(/a JSON object/);
  });

  it('#22 reads and writes back an array of 150,000 strings (no stack overflow from spreading it)', () => {
    const text = JSON.stringify({ list: Array.from({ length: 150_000 }, (_, i) => `Satz ${i}.`) });
    const parsed = parse(text);
    expect(segmentsOf(parsed)).toHaveLength(150_000);
    expect(i18next.write(parsed, 'en' as Lang, (segment) => segment.text)).toBe(text);
  });

  it('#22 refuses a string of 20 million characters by its size, with its line, instead of overflowing the stack', () => {
    expect(() => parse(`{\n  "a": "${'x'.repeat(20_000_000)}"\n}`)).toThrow(/ns\.json:2:8: the value of "a" is 20,000,000 characters long/);
  });

  it('#22 numbers a key repeated 16,000 times about as fast as 16,000 different keys', () => {
    const repeated = `{${Array.from({ length: 16_000 }, (_, i) => `"x": "Satz ${i}"`).join(',')}}`;
    const different = `{${Array.from({ length: 16_000 }, (_, i) => `"x${i}": "Satz ${i}"`).join(',')}}`;
    // The fastest of three runs: another process on the machine slows one down, never all.
    const time = (text: string) => {
      let fastest = Infinity;
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        const ids = new Set(segmentsOf(parse(text)).map((segment) => segment.id));
        fastest = Math.min(fastest, performance.now() - start);
        expect(ids.size).toBe(16_000);
      }
      return fastest;
    };
    // Searching suffixes from 2 for each repeat made this hundreds of times slower (78 s against 0.1 s).
    expect(time(repeated) / Math.max(time(different), 1)).toBeLessThan(10);
  });
});
