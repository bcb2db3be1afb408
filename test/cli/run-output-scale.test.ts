/**
 * `l10n run` on 200 articles (#24): the table says which documents a locale
 * withholds and why, the run prints the findings it found (not every finding
 * again), and the reviewer gets a report with the texts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { createLargeProject } from '../helpers/run-output-project.js';
import type { TempProject } from '../helpers/temp-project.js';

const DOCUMENTS = 200;

describe('the run table of 200 documents, offline', () => {
  let project: TempProject;
  let run: CliResult;
  beforeAll(async () => {
    // Three locales of the project's seven: what the table says does not depend on how many there are.
    project = await createLargeProject(DOCUMENTS, (config) => ({ ...config, targetLocales: ['en', 'fr', 'es'], pseudoLocales: [] }));
    run = await runCli(['run'], { cwd: project.dir });
  }, 300_000);
  afterAll(() => project.remove());

  it('says how many of how many documents a locale withholds, not one reason for the locale', () => {
    expect(run.code).toBe(0);
    // 199 English copies lack their new headline; only the shipped article is complete.
    expect(run.stdout).toMatch(/^en\s+none\s+5200\s+5001\s+0\s+199\s+0\s+0\s+0\s+199 of 200 withheld$/m);
    expect(run.stdout).toMatch(/^es\s+none\s+5200\s+0\s+0\s+5200\s+0\s+0\s+0\s+no: 200 of 200 withheld$/m);
    expect(run.stdout).toMatch(/^fr\s+none\s+5200\s+5001\s+0\s+199\s+0\s+0\s+0\s+199 of 200 withheld$/m);
  });

  it('names the withheld documents with their reason: the first few, then a count', () => {
    expect(run.stdout).toContain('\nen, fr: 199 of 200 documents withheld\n  1 of 26 segments untranslated: meldung-002, meldung-003, meldung-004 and 196 more\n');
    expect(run.stdout).toContain('\nes: 200 of 200 documents withheld\n  26 of 26 segments untranslated: meldung-002, meldung-003, meldung-004 and 197 more\n');
    // A screen, not a page per document.
    expect(run.stdout.split('\n').length).toBeLessThan(40);
  });

  it('lists every withheld document and its reason in the readable report', async () => {
    const html = await readFile(path.join(project.dir, 'reports/qa.html'), 'utf8');
    expect(html).toContain('<h3>en: 199 of 200 withheld</h3>');
    expect(html).toContain('<code>meldung-200</code>');
    expect(html).toContain('No QA findings.');
  });
});

describe('QA findings of a run on 200 documents', () => {
  let project: TempProject;
  let server: FakeDeepL;
  let first: CliResult;
  let total: number;
  const env = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });
  beforeAll(async () => {
    // DeepL changes a number in every sentence that has one: findings in every document.
    server = await startFakeDeepL({ mistakes: ['number'] });
    project = await createLargeProject(DOCUMENTS, (config) => ({ ...config, targetLocales: ['en', 'es'], pseudoLocales: [] }));
    first = await runCli(['run'], { cwd: project.dir, env: env() });
    total = (JSON.parse(await readFile(path.join(project.dir, 'reports/qa.json'), 'utf8')) as unknown[]).length;
  }, 300_000);
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  it('prints the first findings with document title, locale, source and target text, then a count of the rest', () => {
    expect(first.code).toBe(0);
    expect(total).toBeGreaterThan(DOCUMENTS);
    expect(first.stdout).toContain(`QA: ${total} new findings in this run (${total} errors, 0 warnings).`);
    const shown = first.stdout.split('\n').filter((line) => /^ {2}(error|warning) /.test(line));
    expect(shown).toHaveLength(10);
    expect(first.stdout).toContain(`  … and ${total - 10} more new findings\n`);
    expect(first.stdout).toMatch(/^ {2}error numbers · en · Meldung 002: USA und Russland rücken näher zueinander \(locales\/en\/meldung-002\.xlf unit s-[0-9a-f]+\)$/m);
    expect(first.stdout).toContain('\n    de: Meldung 002: USA und Russland rücken näher zueinander\n');
    expect(first.stdout).toMatch(/^ {4}en: .*Meldung 3: /m);
    expect(first.stdout).toContain(`Every finding (${total}), with source and target text by document and locale: reports/qa.html (JSON: reports/qa.json)`);
    expect(first.stdout.split('\n').length).toBeLessThan(80);
  });

  it('writes a report with every finding by document and locale, with both texts', async () => {
    const html = await readFile(path.join(project.dir, 'reports/qa.html'), 'utf8');
    expect(html.match(/<tr class="error">/g)).toHaveLength(total);
    expect(html.match(/<section>/g)).toHaveLength(DOCUMENTS);
    expect(html).toContain('<h2><span lang="de">Meldung 117: USA und Russland rücken näher zueinander</span> <small>meldung-117</small></h2>');
    expect(html).toContain('<h3>es <small>locales/es/meldung-117.xlf</small></h3>');
  });

  it('prints no findings again on a run that changes nothing, only where they are', async () => {
    const again = await runCli(['run'], { cwd: project.dir, env: env() });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`QA: no new findings in this run; ${total} findings from earlier runs.\n`);
    expect(again.stdout).not.toMatch(/^ {2}error /m);
    expect(again.stdout.split('\n').length).toBeLessThan(30);
  });

  it('with --quiet, counts the new finding without listing it; the report escapes every text', async () => {
    const file = path.join(project.dir, 'locales/en/usa-russland-is.xlf');
    await writeFile(file, (await readFile(file, 'utf8')).replace('have killed 56 Syrian', 'have killed 65 &lt;b&gt;Syrian&lt;/b&gt; &amp;'));
    const quiet = await runCli(['--quiet', 'run'], { cwd: project.dir, env: env() });
    expect(quiet.code).toBe(0);
    // The changed number, and the markup typed into the text.
    expect(quiet.stdout).toMatch(new RegExp(`^QA: [12] new findings? in this run \\([12] errors?(, 0 warnings)?\\); ${total} more from earlier runs\\.$`, 'm'));
    expect(quiet.stdout).not.toMatch(/^ {2}(error|warning|…) /m);
    const html = await readFile(path.join(project.dir, 'reports/qa.html'), 'utf8');
    expect(html).toContain('have killed 65 &lt;b&gt;Syrian&lt;/b&gt; &amp;');
    expect(html).not.toContain('<b>Syrian');
  });
});
