/**
 * DeepL through the real deepl-node client, pointed at a DeepL-compatible server
 * on 127.0.0.1 that the test starts: no stubbed client, no patched fetch.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../src/core/errors.js';
import type { Lang } from '../../src/core/lang.js';
import { createDeepLEngine } from '../../src/mt/deepl.js';
import { batchTexts } from '../../src/mt/index.js';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const KEY = 'secret-test-key-4f2a9c:fx';
const DOC = 'usa-russland-is';

describe('l10n run with DeepL', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const env = () => ({ DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: server.url });

  beforeEach(async () => {
    server = await startFakeDeepL();
    project = await createTempProject();
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it('translates only what memory does not cover, sentence by sentence, and publishes it', async () => {
    const result = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // en and fr come from the shipped reviewed XLIFF; es, it, pl, ja go to DeepL; en-XA stays offline.
    expect(new Set(server.calls.map((call) => call.targetLang))).toEqual(new Set(['ES', 'IT', 'PL', 'JA']));
    for (const call of server.calls) {
      expect(call.sourceLang?.toUpperCase()).toBe('DE');
      expect(call.splitSentences).toBe('0');
      expect(call.texts).toHaveLength(26);
    }
    const summary = JSON.parse(result.stdout);
    const es = summary.locales.find((locale: { locale: string }) => locale.locale === 'es');
    expect(es).toMatchObject({ engine: 'deepl', machineTranslated: 26, untranslated: 0, qaErrors: 0, published: [DOC] });
    const sent = summary.locales.reduce((sum: number, locale: { charactersSent: number; locale: string }) =>
      locale.locale === 'en-XA' ? sum : sum + locale.charactersSent, 0);
    expect(sent).toBe(server.billed);
    const japanese = await readFile(path.join(project.dir, 'locales/ja', `${DOC}.txt`), 'utf8');
    expect(japanese).toContain('⟦JA⟧ 「Wir habenʼ dieʼ gleichenʼ Ziele」');
    // Japanese puts no space between sentences.
    expect(japanese).toContain('betonteʼ er.⟦JA⟧');
  });

  it('bills nothing when run again, and changes no file', async () => {
    await runCli(['run'], { cwd: project.dir, env: env() });
    const billed = server.billed;
    const before = await snapshotTree(project.dir);
    const again = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(again.code).toBe(0);
    expect(server.billed).toBe(billed);
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('sends exactly the edited sentence, once per locale, after a source edit', async () => {
    await runCli(['run'], { cwd: project.dir, env: env() });
    const calls = server.calls.length;
    const file = path.join(project.dir, 'source/de', `${DOC}.txt`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Am Sonntag wird Kerry', 'Am Montag wird Kerry'));
    await runCli(['run'], { cwd: project.dir, env: env() });
    const newCalls = server.calls.slice(calls);
    // en and fr have the reviewed translation of the sentence before the edit: it is pre-filled for review, not sent.
    expect(newCalls.map((call) => call.targetLang).sort()).toEqual(['ES', 'IT', 'JA', 'PL']);
    for (const call of newCalls) expect(call.texts).toEqual(['Am Montag wird Kerry in Berlin erwartet.']);
    const en = await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8');
    const unit = en.slice(en.indexOf('<source>Am Montag'), en.indexOf('</trans-unit>', en.indexOf('<source>Am Montag')));
    expect(unit).toContain('<target state="needs-review-translation" state-qualifier="leveraged-tm">Kerry is expected in Berlin on Sunday.</target>');
    expect(unit).toContain(`<alt-trans match-quality="95" origin="memory"`);
    // The weekday the old translation names is caught before anything is published.
    expect(unit).toMatch(/QA error \(numbers\): weekdays differ/);
  });

  it('stops at once on a used-up quota, keeps what was translated, and resumes later', async () => {
    server.options = { characterLimit: 6000 };
    const first = await runCli(['run'], { cwd: project.dir, env: env() });
    expect(first.code).toBe(3);
    expect(first.stderr).toMatch(/^l10n: DeepL quota exceeded \(456\)/);
    const translatedFirst = server.calls.length;
    expect(translatedFirst).toBeGreaterThan(0);
    const billedFirst = server.billed;

    server.options = {};
    const second = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(second.code).toBe(0);
    // Nothing that was paid for is sent again.
    const resent = server.calls.slice(translatedFirst).flatMap((call) => call.texts.map((text) => `${call.targetLang}:${text}`));
    const sentBefore = new Set(server.calls.slice(0, translatedFirst).flatMap((call) => call.texts.map((text) => `${call.targetLang}:${text}`)));
    expect(resent.filter((text) => sentBefore.has(text))).toEqual([]);
    expect(server.billed).toBeGreaterThan(billedFirst);
    const summary = JSON.parse(second.stdout);
    expect(summary.locales.every((locale: { untranslated: number }) => locale.untranslated === 0)).toBe(true);
  });

  it('fails with a clear message on a refused key, and the key never appears in output or files', async () => {
    const result = await runCli(['run'], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'invalid', DEEPL_SERVER_URL: server.url } });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('l10n: DeepL refused the key (403): check DEEPL_AUTH_KEY\n');

    const ok = await runCli(['run'], { cwd: project.dir, env: env() });
    expect(ok.code).toBe(0);
    expect(`${ok.stdout}${ok.stderr}`).not.toContain(KEY);
    for (const [name, file] of await snapshotTree(project.dir)) {
      expect(Buffer.from(file.bytes, 'base64').toString('utf8'), name).not.toContain('secret-test-key');
    }
  });

  it('dry run prints what would be billed per locale and sends nothing', async () => {
    const result = await runCli(['translate', '--dry-run'], { cwd: project.dir, env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/es\s+deepl\s+0\s+26\s+3013\s+0/);
    expect(result.stdout).toMatch(/en\s+deepl\s+0\s+0\s+0\s+0/);
    expect(result.stdout).toMatch(/DeepL usage: 0 of \d+ characters/);
    expect(server.calls).toHaveLength(0);
  });
});

describe('DeepL engine', () => {
  let server: FakeDeepL;
  beforeEach(async () => {
    server = await startFakeDeepL();
  });
  afterEach(() => server.close());

  const engine = (maxRetries = 3) =>
    createDeepLEngine({ authKey: KEY, serverUrl: server.url, targetCodes: { en: 'EN-GB' }, formality: 'prefer_more', maxRetries, minTimeoutMs: 2000 });

  it('maps en to the configured variant and keeps the order of texts', async () => {
    const out = await engine().translate(['Eins.', 'Zwei.', 'Drei.'], { from: 'de' as Lang, to: 'en' as Lang });
    expect(out).toEqual({ texts: ['⟦EN-GB⟧ Eins.', '⟦EN-GB⟧ Zwei.', '⟦EN-GB⟧ Drei.'], billed: 15 });
    expect(server.calls[0]!.formality).toBe('prefer_more');
  });

  it('retries a rate limit (429) and then succeeds', async () => {
    server.options = { tooManyRequests: 1 };
    const out = await engine(3).translate(['Eins.'], { from: 'de' as Lang, to: 'fr' as Lang });
    expect(out.texts).toEqual(['⟦FR⟧ Eins.']);
  });

  it('gives up on lasting rate limits with a retryable EngineError', async () => {
    server.options = { tooManyRequests: 5 };
    const error = await engine(1).translate(['Eins.'], { from: 'de' as Lang, to: 'fr' as Lang }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: 'deepl', retryable: true });
  });

  it('keeps every request within 50 texts and 128 KiB', () => {
    const { limits } = engine();
    const many = Array.from({ length: 120 }, (_, i) => ({ text: `Satz ${i}.` }));
    expect(batchTexts(many, limits).map((batch) => batch.length)).toEqual([50, 50, 20]);
    const long = Array.from({ length: 10 }, () => ({ text: 'ü'.repeat(5000) }));
    for (const batch of batchTexts(long, limits)) {
      const bytes = batch.reduce((sum, item) => sum + encodeURIComponent(item.text).length + 6, 0);
      expect(bytes).toBeLessThanOrEqual(128 * 1024);
    }
    expect(batchTexts(long, limits).length).toBeGreaterThan(1);
  });
});
