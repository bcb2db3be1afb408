/**
 * QA on professional translations, one table per class (professional/*.json):
 * every correct pair gets no error, every broken pair the finding expected, and
 * XLIFF 1.2 and XLIFF 2.0 files of the same pair give the same findings.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { checkXliff } from '../../src/qa/index.js';
import { parseTermbase } from '../../src/termbase/index.js';
import { readXliff } from '../../src/xliff/index.js';
import { REPO_ROOT } from '../helpers/temp-project.js';

const TABLES = path.join(import.meta.dirname, 'professional');
const LOCALES = ['en-GB', 'en-US', 'fr', 'es', 'pl', 'ja'];
const termbase = parseTermbase(readFileSync(path.join(REPO_ROOT, 'terms/names.tbx'), 'utf8'), 'names.tbx');
type Row = [lang: string, source: string, target: string, expected?: string];
interface Table {
  readonly class: string;
  readonly pass: Row[];
  readonly fail: Row[];
}

const tables = readdirSync(TABLES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(readFileSync(path.join(TABLES, name), 'utf8')) as Table] as const);

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `{x1}` and `{g2}…{/g2}` as the inline codes of each XLIFF version. */
function inline(text: string, version: '1.2' | '2.0'): string {
  return escapeXml(text).replace(/\{(\/?)([xg])(\d+)\}/g, (_, close: string, kind: string, id: string) => {
    if (kind === 'x') return version === '1.2' ? `<x id="${id}"/>` : `<ph id="${id}"/>`;
    if (close) return version === '1.2' ? '</g>' : '</pc>';
    return version === '1.2' ? `<g id="${id}">` : `<pc id="${id}">`;
  });
}

/** An XLIFF file as a CAT tool returns it: one unit per pair, every target translated. */
function xliff(version: '1.2' | '2.0', lang: string, pairs: readonly (readonly [source: string, target: string])[]): string {
  if (version === '1.2') {
    const units = pairs.map(([source, target], i) =>
      `    <trans-unit id="u${i + 1}"><source>${inline(source, version)}</source><target state="translated">${inline(target, version)}</target></trans-unit>`);
    return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="article.html" source-language="de" target-language="${lang}" datatype="html"><body>
${units.join('\n')}
  </body></file>
</xliff>`;
  }
  const units = pairs.map(([source, target], i) =>
    `    <unit id="u${i + 1}"><segment id="s1" state="translated"><source>${inline(source, version)}</source><target>${inline(target, version)}</target></segment></unit>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="${lang}">
  <file id="f1">
${units.join('\n')}
  </file>
</xliff>`;
}

function check(version: '1.2' | '2.0', lang: string, pairs: readonly (readonly [string, string])[]): string[] {
  const content = readXliff(xliff(version, lang, pairs), `row.${version}.xlf`);
  return checkXliff(content, { sourceLang: 'de' as Lang, lang: lang as Lang, termbase }).map((f) => `${f.check}:${f.severity}: ${f.message}`);
}

const findings = (version: '1.2' | '2.0', [lang, source, target]: Row) => check(version, lang, [[source, target]]);

it('has at least 15 correct and 15 broken pairs per class, across the six locales', () => {
  expect(tables.length).toBeGreaterThanOrEqual(12);
  const covered = new Set<string>();
  for (const [name, table] of tables) {
    expect(table.pass.length, name).toBeGreaterThanOrEqual(15);
    expect(table.fail.length, name).toBeGreaterThanOrEqual(15);
    for (const [lang] of [...table.pass, ...table.fail]) covered.add(lang);
  }
  expect([...covered].sort()).toEqual(expect.arrayContaining(LOCALES.sort()));
});

describe.each(tables)('%s', (_name, table) => {
  it.each(table.pass)('no error: %s %s → %s', (...row) => {
    const in12 = findings('1.2', row);
    expect(in12.filter((finding) => finding.includes(':error:'))).toEqual([]);
    expect(findings('2.0', row)).toEqual(in12);
  });

  it.each(table.fail)('caught: %s %s → %s', (...row) => {
    const in12 = findings('1.2', row);
    expect(in12.map((finding) => finding.split(': ')[0])).toContain(row[3]);
    expect(findings('2.0', row)).toEqual(in12);
  });
});

interface Article {
  readonly sources: readonly string[];
  readonly translations: Readonly<Record<string, readonly string[]>>;
  /** One planted mistake each: locale, sentence, wrong translation, the check that must catch it. */
  readonly mistakes?: readonly (readonly [lang: string, sentence: number, wrong: string, check: string])[];
}

const ARTICLES = path.join(import.meta.dirname, 'articles');
const articles = readdirSync(ARTICLES)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => {
    const article = JSON.parse(readFileSync(path.join(ARTICLES, name), 'utf8')) as Article;
    return Object.entries(article.translations).map(([lang, targets]) => [name, lang, article.sources.map((source, i) => [source, targets[i]!] as const)] as const);
  });

const planted = readdirSync(ARTICLES)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => {
    const article = JSON.parse(readFileSync(path.join(ARTICLES, name), 'utf8')) as Article;
    return (article.mistakes ?? []).map(([lang, sentence, wrong, expected]) => {
      const pairs = article.sources.map((source, i) => [source, i === sentence ? wrong : article.translations[lang]![i]!] as const);
      return [name, lang, sentence, expected, pairs] as const;
    });
  });

/** Errors per unit (`u1`…) of a whole article, as check FILE reports them. */
function errorsByUnit(version: '1.2' | '2.0', lang: string, pairs: readonly (readonly [string, string])[]): string[] {
  const content = readXliff(xliff(version, lang, pairs), `article.${version}.xlf`);
  const unitOf = new Map(content.segments.map((segment) => [segment.key, segment.unit]));
  return checkXliff(content, { sourceLang: 'de' as Lang, lang: lang as Lang, termbase })
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${unitOf.get(finding.key)} ${finding.check}`);
}

describe('a mistake planted in a whole article is caught on its sentence by its check, and nothing else is', () => {
  it.each(planted)('%s %s sentence %i: %s', (_name, lang, sentence, expected, pairs) => {
    for (const version of ['1.2', '2.0'] as const) {
      const errors = errorsByUnit(version, lang, pairs);
      expect(errors).toContain(`u${sentence + 1} ${expected}`);
      expect(errors.filter((error) => !error.startsWith(`u${sentence + 1} `))).toEqual([]);
    }
  });
});

describe('whole articles translated by each locale\'s conventions', () => {
  it.each(articles)('%s %s: no error, the same in XLIFF 1.2 and 2.0', (_name, lang, pairs) => {
    const in12 = check('1.2', lang, pairs);
    expect(in12.filter((finding) => finding.includes(':error:'))).toEqual([]);
    expect(check('2.0', lang, pairs)).toEqual(in12);
  });
});
