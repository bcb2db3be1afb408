import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';
const REAL = ['en', 'fr', 'es', 'it', 'pl', 'ja'];
const exists = (file: string) => access(file).then(() => true, () => false);

describe('l10n run on a fresh project (offline)', () => {
  let project: TempProject;
  let first: CliResult;
  beforeAll(async () => {
    project = await createTempProject();
    first = await runCli(['run', '--json'], { cwd: project.dir });
  });
  afterAll(() => project.remove());

  it('exits 0 and prints a summary per locale', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.locales.map((l: { locale: string }) => l.locale)).toEqual([...REAL, 'en-XA']);
    for (const locale of summary.locales) {
      expect(Object.keys(locale)).toEqual(
        expect.arrayContaining(['segments', 'fromMemory', 'machineTranslated', 'untranslated', 'charactersSent', 'qaErrors', 'qaWarnings']),
      );
      expect(locale.segments).toBe(26);
    }
  });

  it('uses the shipped reviewed English and French translations with no QA error', () => {
    const summary = JSON.parse(first.stdout);
    for (const lang of ['en', 'fr']) {
      const locale = summary.locales.find((l: { locale: string }) => l.locale === lang);
      expect(locale).toMatchObject({ fromMemory: 26, machineTranslated: 0, untranslated: 0, charactersSent: 0, qaErrors: 0 });
      expect(locale.published).toEqual([DOC]);
    }
  });

  it('writes XLIFF for every locale, and documents and resources where a locale is complete', async () => {
    for (const lang of [...REAL, 'en-XA']) expect(await exists(path.join(project.dir, 'locales', lang, `${DOC}.xlf`))).toBe(true);
    for (const lang of ['en', 'fr', 'en-XA']) {
      expect(await exists(path.join(project.dir, 'locales', lang, `${DOC}.json`))).toBe(true);
      expect(await exists(path.join(project.dir, 'locales', lang, `${DOC}.txt`))).toBe(true);
    }
    expect(await exists(path.join(project.dir, 'locales', 'de', `${DOC}.json`))).toBe(true);
    expect(await exists(path.join(project.dir, 'reports', 'qa.json'))).toBe(true);
  });

  it('never publishes machine-looking text under a real locale code', async () => {
    for (const lang of ['es', 'it', 'pl', 'ja']) {
      expect(await exists(path.join(project.dir, 'locales', lang, `${DOC}.json`))).toBe(false);
      const xliff = await readFile(path.join(project.dir, 'locales', lang, `${DOC}.xlf`), 'utf8');
      expect(xliff.match(/<target state="needs-translation"\/>/g)).toHaveLength(26);
    }
    const manifest = JSON.parse(await readFile(path.join(project.dir, 'locales', 'index.json'), 'utf8'));
    expect(manifest.documents[DOC].published).toEqual(['de', 'en', 'fr', 'en-XA']);
    expect(manifest.documents[DOC].withheld.es).toBe('26 of 26 segments untranslated');
  });

  it('reassembles the English article with the original block structure', async () => {
    const english = await readFile(path.join(project.dir, 'locales', 'en', `${DOC}.txt`), 'utf8');
    const german = await readFile(path.join(project.dir, 'source', 'de', `${DOC}.txt`), 'utf8');
    expect(english.split('\n\n')).toHaveLength(german.split('\n\n').length);
    expect(english.split('\n\n')[2]).toBe('Photo: dpa');
    expect(english).toContain('on 9 September');
    expect(english).toContain('Sergei Shoigu');
  });

  it('generates the en-XA pseudo-locale in full, keeping numbers and quotes', async () => {
    const pseudo = await readFile(path.join(project.dir, 'locales', 'en-XA', `${DOC}.txt`), 'utf8');
    expect(pseudo).toContain('56');
    expect(pseudo).toContain('„');
    expect(pseudo).not.toContain(' und ');
  });

  it('changes no file and sends nothing when run again', async () => {
    const before = await snapshotTree(project.dir);
    const second = await runCli(['run', '--json'], { cwd: project.dir });
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout);
    expect(summary.locales.every((l: { charactersSent: number }) => l.charactersSent === 0)).toBe(true);
    expect(await snapshotTree(project.dir)).toEqual(before);
  });
});

describe('each stage runs alone', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await createTempProject();
  });
  afterAll(() => project.remove());

  it('extract, translate, check and merge in turn give the published articles', async () => {
    const extract = await runCli(['extract'], { cwd: project.dir });
    expect(extract.code).toBe(0);
    // The shipped reviewed file is exactly what extract writes: nothing to change.
    expect(extract.stdout).toMatch(/locales\/en\/usa-russland-is\.xlf\s+26\s+0\s+unchanged/);
    expect(extract.stdout).toMatch(/locales\/es\/usa-russland-is\.xlf\s+0\s+0\s+written/);
    const dryRun = await runCli(['translate', '--dry-run'], { cwd: project.dir });
    expect(dryRun.stdout).toMatch(/en-XA\s+offline\s+0\s+26\s+0\s+0/);
    expect(dryRun.stdout).toMatch(/es\s+none\s+0\s+0\s+0\s+26/);
    const translate = await runCli(['translate'], { cwd: project.dir });
    expect(translate.stdout).toMatch(/en-XA\s+offline\s+0\s+26\s+0/);
    const check = await runCli(['check'], { cwd: project.dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('0 error(s)');
    const merge = await runCli(['merge'], { cwd: project.dir });
    expect(merge.stdout).toMatch(/usa-russland-is\s+es\s+withheld\s+26 of 26 segments untranslated/);
    expect(await exists(path.join(project.dir, 'locales', 'fr', `${DOC}.txt`))).toBe(true);
  });

  it('extract --xliff 2.0 writes XLIFF 2.0 that keeps the reviewed translations', async () => {
    const result = await runCli(['extract', '--xliff', '2.0'], { cwd: project.dir });
    expect(result.code).toBe(0);
    const xliff = await readFile(path.join(project.dir, 'locales', 'fr', `${DOC}.xlf`), 'utf8');
    expect(xliff).toContain('version="2.0"');
    expect(xliff.match(/state="reviewed"/g)).toHaveLength(26);
  });
});

describe('a translation with a QA error', () => {
  it('is withheld, listed in the run\'s QA table, and its older published files are removed', async () => {
    const project = await createTempProject();
    try {
      expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
      const xliffFile = path.join(project.dir, 'locales/en', `${DOC}.xlf`);
      await writeFile(xliffFile, (await readFile(xliffFile, 'utf8')).replace('have killed 56 Syrian', 'have killed 65 Syrian'));
      const result = await runCli(['run'], { cwd: project.dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^en\s+none\s+26\s+26\s+0\s+0\s+0\s+1\s+0\s+no: 1 of 1 withheld$/m);
      expect(result.stdout).toContain('\nen: 1 of 1 document withheld\n  1 QA error(s): usa-russland-is\n');
      // The finding with its document, the unit to accept it by, and both texts.
      expect(result.stdout).toContain('QA: 1 new finding in this run (1 error, 0 warnings).\n');
      expect(result.stdout).toContain('  error numbers · en · USA und Russland rücken im Kampf gegen IS näher zueinander (locales/en/usa-russland-is.xlf unit s-492ef097ac)\n    numbers differ: missing 56; not in the source: 65\n');
      expect(result.stdout).toMatch(/^ {4}de: .*56 syrische/m);
      expect(result.stdout).toMatch(/^ {4}en: .*have killed 65 Syrian/m);
      expect(await exists(path.join(project.dir, 'locales/en', `${DOC}.txt`))).toBe(false);
      // The translator sees the finding on the unit, and the unit is no longer approved.
      const xliff = await readFile(xliffFile, 'utf8');
      expect(xliff).toContain(
        '<note from="l10n-pipeline" annotates="general">QA error (numbers): numbers differ: missing 56; not in the source: 65</note>',
      );
      const unit = /<trans-unit id="s-492ef097ac"[^>]*>\s*<source>[^<]*<\/source>\s*<target[^>]*>/.exec(xliff)![0];
      expect(unit).not.toContain('approved="yes"');
      expect(unit).toContain('<target state="translated">');
      expect(await exists(path.join(project.dir, 'locales/en', `${DOC}.json`))).toBe(false);
      const check = await runCli(['check', '--json'], { cwd: project.dir });
      expect(check.code).toBe(1);
      expect(JSON.parse(check.stdout)).toEqual([
        {
          file: 'locales/en/usa-russland-is.xlf',
          unit: 's-492ef097ac',
          check: 'numbers',
          severity: 'error',
          message: 'numbers differ: missing 56; not in the source: 65',
          // The texts a reviewer reads the finding by (#24), as the run had them.
          title: 'USA und Russland rücken im Kampf gegen IS näher zueinander',
          source: expect.stringContaining('56 syrische Soldaten'),
          target: expect.stringContaining('65 Syrian soldiers'),
        },
      ]);
    } finally {
      await project.remove();
    }
  });
});

describe('segmentation rules from the config', () => {
  it('segments with the SRX file named by segmentation.srx', async () => {
    const project = await createTempProject({ bare: true });
    try {
      // Rules that break only at line breaks: every paragraph becomes one segment.
      await writeFile(
        path.join(project.dir, 'lines.srx'),
        '<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body><languagerules><languagerule languagerulename="Lines"><rule break="yes"><beforebreak></beforebreak><afterbreak>\\n</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern="de.*" languagerulename="Lines"/></maprules></body></srx>',
      );
      await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ segmentation: { srx: 'lines.srx' } }));
      const result = await runCli(['run', '--json'], { cwd: project.dir });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).locales[0].segments).toBe(11);
    } finally {
      await project.remove();
    }
  });
});

describe('documents as Markdown and HTML, text taken literally', () => {
  it('writes the formats merge.formats asks for, and serves {{…}} and $t(…) as written', async () => {
    const project = await createTempProject();
    try {
      await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ merge: { formats: ['txt', 'md', 'html'] } }));
      await writeFile(path.join(project.dir, 'source/de/vorlage.txt'), 'Hinweis für {{name}}\n\nSiehe $t(common.more) und {{count}} Meldungen.');
      expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
      const markdown = await readFile(path.join(project.dir, 'locales/en', `${DOC}.md`), 'utf8');
      expect(markdown.startsWith('# US and Russia move closer together in the fight against IS\n\n')).toBe(true);
      expect(markdown).toContain('\n\n*Photo: dpa*\n\n');
      const html = await readFile(path.join(project.dir, 'locales/fr', `${DOC}.html`), 'utf8');
      expect(html).toContain('<html lang="fr" dir="ltr">');
      expect(html).toContain('<h1>Les États-Unis et la Russie se rapprochent dans la lutte contre l’EI</h1>');
      const pseudo = JSON.parse(await readFile(path.join(project.dir, 'locales/en-XA/vorlage.json'), 'utf8'));
      expect(Object.values(pseudo.segments).join(' ')).toContain('{{count}}');
      const { startServer } = await import('../../src/serve/index.js');
      const server = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as never, port: 0, host: '127.0.0.1' });
      try {
        const article = (await (await fetch(`${server.url}/api/articles/vorlage?lng=en-XA`)).json()) as { blocks: { text: string }[] };
        expect(article.blocks[0]!.text).toContain('{{name}}');
        expect(article.blocks[1]!.text).toContain('$t(common.more)');
      } finally {
        await server.close();
      }
    } finally {
      await project.remove();
    }
  });
});

describe('l10n validate', () => {
  it('accepts what we write and reports a schema error with its line', async () => {
    const project = await createTempProject();
    try {
      const good = path.join('locales', 'en', `${DOC}.xlf`);
      const valid = await runCli(['validate', good], { cwd: project.dir });
      expect(valid.code).toBe(0);
      expect(valid.stdout).toBe(`${good}: valid XLIFF 1.2 (26 units, 26 segments; schema 1.2-strict)\n`);
      await writeFile(path.join(project.dir, 'bad.xlf'), (await readFile(path.join(project.dir, good), 'utf8')).replace('state="signed-off"', 'state="done"'));
      const invalid = await runCli(['validate', 'bad.xlf'], { cwd: project.dir });
      expect(invalid.code).toBe(1);
      expect(invalid.stdout).toMatch(/^bad\.xlf:\d+: .*'done'/);
    } finally {
      await project.remove();
    }
  });
});

describe('l10n segment', () => {
  it('prints one sentence per line, and { id, block, text } with --json', async () => {
    const project = await createTempProject({ bare: true });
    try {
      const file = path.join('source', 'de', `${DOC}.txt`);
      const lines = await runCli(['segment', file], { cwd: project.dir });
      expect(lines.code).toBe(0);
      expect(lines.stdout.trimEnd().split('\n')).toHaveLength(26);
      const json = await runCli(['segment', file, '--json'], { cwd: project.dir });
      const segments = JSON.parse(json.stdout);
      expect(segments[2]).toMatchObject({ block: 'p2', text: expect.stringMatching(/^„Würden wir/) });
      expect(segments[2].id).toMatch(/^s-[0-9a-f]{10}$/);
    } finally {
      await project.remove();
    }
  });
});
