/**
 * #10: XLIFF written by other tools, pre-translated in place against the local
 * DeepL server: every filled target is its own unit's translation, no existing
 * translation changes, what is reported is what was written, nothing outside
 * targets and their states changes, and DeepL gets the right languages.
 * The files and where they come from: fixtures/wild/SOURCES.md.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/xml/encoding.js';
import { readXliff, type XliffContent } from '../../src/xliff/index.js';
import { fakeTranslate, startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli, withoutGlossaryNotices } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const WILD = path.join(import.meta.dirname, 'fixtures/wild');

interface Case {
  /** DeepL's source_lang and target_lang for the file, by hand from DeepL's language list. */
  readonly deepl: readonly [string, string];
  /** For files that name no target language. */
  readonly args?: readonly string[];
}

const CASES: Record<string, Case> = {
  '24xliff-MultipleSegments.xlf': { deepl: ['DE', 'IT'] },
  // No target-language: the locale comes from the name, as Angular writes it.
  'angular-messages.fr.xlf': { deepl: ['EN', 'FR'] },
  'lingotek-test.txt.xlf': { deepl: ['EN', 'FR'], args: ['--target-lang', 'fr'] },
  'maxprograms-javapm-SF-12-Test02.xlf': { deepl: ['EN', 'ES'] },
  'memoq-sampe_sch.xliff': { deepl: ['EN', 'ZH-HANS'] },
  'memsource-998.xlf': { deepl: ['EN', 'FR'] },
  'oasis-xliff22-everything-core.xlf': { deepl: ['EN', 'FR'] },
  'oasis-xliff22-toJoin.xlf': { deepl: ['EN', 'FR'] },
  'oasis-xliff22-withMatches.xlf': { deepl: ['EN', 'FR'] },
  'ontram-OnTramTest01.xlf': { deepl: ['DE', 'EN-US'] },
  'passolo-PAS-10-Test01.xlf': { deepl: ['EN', 'DE'], args: ['--target-lang', 'de'] },
  'okapi-xliff2-cp-example.xlf': { deepl: ['EN', 'FR'] },
  'prefixed-x-NSTest01.xlf': { deepl: ['EN', 'FR'] },
  'rainbow-windows-1251-xini-test1.out.xlf': { deepl: ['EN', 'RU'] },
  'rainbow-windows-1252-RB-12-Test02.xlf': { deepl: ['EN', 'FR'] },
  'rainbow-xliff11-xlifftest.xlf': { deepl: ['EN', 'FR'] },
  'studio-cdata-647234_WiGigCU.xlf': { deepl: ['EN', 'DE'] },
  'symfony-security.de.xlf': { deepl: ['EN', 'DE'] },
  'symfony-validators.pl.xlf': { deepl: ['EN', 'PL'] },
  'trados-UTF8WithBOM16001.sdlxliff': { deepl: ['EN', 'ES'] },
  'trados-adding-segprop.sdlxliff': { deepl: ['EN', 'FR'] },
  'trados-home15985.sdlxliff': { deepl: ['EN', 'ES'] },
  'typo3-l10nmgr-Typo3Draft.xlf': { deepl: ['EN', 'DE'] },
  'xcode-keepingyouawake-ko.xliff': { deepl: ['EN', 'KO'] },
  'xcode-keepingyouawake-ko.utf16be.xliff': { deepl: ['EN', 'KO'] },
  'xcode-keepingyouawake-ko.utf16le-bom.xliff': { deepl: ['EN', 'KO'] },
  'xcode-keepingyouawake-pt.xliff': { deepl: ['EN', 'PT-PT'] },
  'xcode-keepingyouawake-pt.iso-8859-1.xliff': { deepl: ['EN', 'PT-PT'] },
  'xcode-keepingyouawake-zh-Hant.xliff': { deepl: ['EN', 'ZH-HANT'] },
  'xtm-xml-intl-input1.xlf': { deepl: ['EN', 'FR'] },
};

/** The document with every target element and every state attribute taken out: what must not change. */
function outsideTargets(xml: string): string {
  return xml
    .replace(/<((?:[\w.-]+:)?target)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g, '')
    .replace(/\s(?:state|state-qualifier|approved|subState|conf|origin|[\w.-]+:status)="[^"]*"/g, '');
}

function fillable(content: XliffContent) {
  return content.segments.filter((s) => s.translate && !s.target && s.source.text.trim());
}

let project: TempProject;
let server: FakeDeepL;
beforeAll(async () => {
  project = await createTempProject({ bare: true });
  server = await startFakeDeepL();
});
afterAll(async () => {
  await server.close();
  await project.remove();
});

describe('#10 translate FILE on XLIFF from the wild', () => {
  it('has cases from at least 10 producers', () => {
    const producers = new Set(Object.keys(CASES).map((name) => name.split('-')[0]));
    expect(producers.size).toBeGreaterThanOrEqual(14);
  });

  it.each(Object.entries(CASES))('%s', async (name, { deepl, args = [] }) => {
    const file = path.join(project.dir, name);
    await copyFile(path.join(WILD, name), file);
    // Each file's requests are counted: no machine translation cached from an earlier file.
    await rm(path.join(project.dir, 'cache'), { recursive: true, force: true });
    const bytesBefore = await readFile(file);
    const { text: before, encoding } = decodeXml(bytesBefore, name);
    const contentBefore = readXliff(before, name);
    const empty = fillable(contentBefore);
    server.calls.length = 0;

    const result = await runCli(['translate', file, '--json', ...args], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(withoutGlossaryNotices(result.stderr)).toBe('');
    expect(result.code).toBe(0);
    const [summary] = JSON.parse(result.stdout) as { machineTranslated: number; fromMemory: number; rejected: number; untranslated: number }[];

    const bytesAfter = await readFile(file);
    const { text: after, encoding: encodingAfter } = decodeXml(bytesAfter, name);
    expect(encodingAfter).toEqual(encoding);
    const contentAfter = readXliff(after, name);
    const byKey = new Map(contentBefore.segments.map((s) => [s.key, s]));
    expect(contentAfter.segments.map((s) => s.key)).toEqual(contentBefore.segments.map((s) => s.key));
    let filled = 0;
    for (const segment of contentAfter.segments) {
      const was = byKey.get(segment.key)!;
      if (was.target) expect(segment.target, segment.key).toEqual(was.target);
      else if (segment.target) {
        // Its own unit's translation, with its own codes.
        // (The fake engine marks lower-case words with ʼ; where codes split words, text and markup differ in that alone.)
        expect(segment.target.text.replace(/ʼ/g, ''), segment.key).toBe(fakeTranslate(was.source.text, deepl[1]).replace(/ʼ/g, ''));
        expect(segment.target.codes).toEqual(was.source.codes);
        filled++;
      }
    }
    expect(summary!.machineTranslated + summary!.fromMemory).toBe(filled);
    expect(filled + summary!.rejected + summary!.untranslated).toBe(empty.length);
    expect(summary!.untranslated).toBe(0);
    if (empty.length === 0) expect(bytesAfter.equals(bytesBefore)).toBe(true);
    expect(outsideTargets(after)).toBe(outsideTargets(before));

    for (const call of server.calls) {
      expect([call.sourceLang?.toUpperCase(), call.targetLang]).toEqual(deepl);
      // The project's glossary is German → X: only German sources get it.
      expect(call.glossaryId !== undefined).toBe(deepl[0] === 'DE');
    }
    // Each empty segment's text was sent; a text that repeats may come from the cache of an earlier batch.
    const sent = server.calls.flatMap((call) => call.texts);
    expect(sent.length).toBeLessThanOrEqual(filled + summary!.rejected);
    expect(new Set(sent)).toEqual(new Set(empty.map((s) => s.source.markup)));

    // A second run finds nothing left to do (a rejected reply is in the cache) and writes nothing.
    server.calls.length = 0;
    await runCli(['translate', file, ...args], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(server.calls).toEqual([]);
    expect((await readFile(file)).equals(bytesAfter)).toBe(true);
  });
});

describe('#10 DeepL gets the file’s languages in its own codes', () => {
  const template = () => readFile(path.join(WILD, 'prefixed-x-NSTest01.xlf'), 'utf8');
  it.each([
    ['en', 'pt-BR', 'EN', 'PT-BR'],
    ['en', 'pt-PT', 'EN', 'PT-PT'],
    ['en', 'en-US', 'EN', 'EN-US'],
    ['de', 'en-GB', 'DE', 'EN-GB'],
    ['en', 'IT-IT', 'EN', 'IT'],
    ['en', 'ES-ES', 'EN', 'ES'],
    ['en', 'es-MX', 'EN', 'ES-419'],
    ['en', 'zh-TW', 'EN', 'ZH-HANT'],
    ['en', 'zh-CN', 'EN', 'ZH-HANS'],
    ['en', 'no', 'EN', 'NB'],
    ['fr-CA', 'de-AT', 'FR', 'DE'],
    ['en-GB', 'sv-SE', 'EN', 'SV'],
  ])('%s → %s goes as %s → %s', async (source, target, deeplSource, deeplTarget) => {
    const file = path.join(project.dir, `lang-${source}-${target}.xlf`);
    await writeFile(file, (await template()).replace('source-language="en" target-language="fr"', `source-language="${source}" target-language="${target}"`));
    server.calls.length = 0;
    const result = await runCli(['translate', file], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(result.code).toBe(0);
    expect(server.calls.map((call) => [call.sourceLang?.toUpperCase(), call.targetLang, call.glossaryId !== undefined])).toEqual([
      [deeplSource, deeplTarget, deeplSource === 'DE'],
    ]);
  });

  it.each([
    ['en', 'be', /DeepL does not translate into be/],
    ['hy', 'en-US', /DeepL does not translate from hy/],
    ['en', 'cy', /DeepL does not translate into cy/],
  ])('%s → %s is not sent, and the summary says why', async (source, target, why) => {
    const file = path.join(project.dir, `lang-${source}-${target}.xlf`);
    await writeFile(file, (await template()).replace('source-language="en" target-language="fr"', `source-language="${source}" target-language="${target}"`));
    const before = await readFile(file);
    server.calls.length = 0;
    const result = await runCli(['translate', file], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(result.code).toBe(0);
    expect(server.calls).toEqual([]);
    expect(result.stdout).toMatch(why);
    expect(await readFile(file)).toEqual(before);
  });
});
