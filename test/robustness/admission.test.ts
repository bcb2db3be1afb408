/**
 * #22: every way text gets in goes through one gate (src/core/admit.ts). Each
 * case brings text the project must not keep (a character XML cannot carry, a
 * lone surrogate, a value past the size bounds, a language tag that is none)
 * through one way in, with the real binary, and expects a refusal that names
 * the file, the line and the unit or key, exit 2 (3 for an engine), and no
 * file changed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/output.js';
import { AdmissionError } from '../../src/core/admit.js';
import { readXliff } from '../../src/xliff/index.js';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';

describe('#22 admission: sources', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject({ bare: true });
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['es'], pseudoLocales: ['en-XA'] }));
  });
  afterEach(() => project.remove());

  it.each([
    ['NUL', '\\u0000', /holds the character U\+0000/],
    ['U+FFFE', '\\uFFFE', /holds the character U\+FFFE/],
    ['a lone surrogate', '\\uD800', /holds a lone surrogate \(U\+D800\)/],
  ])('refuses an i18next string whose escape decodes to %s, naming file, line and key; nothing is published', async (_name, escape, message) => {
    await writeFile(path.join(project.dir, 'source/de/app.json'), `{\n  "nav": {\n    "home": "Start${escape}seite"\n  }\n}\n`);
    const before = await snapshotTree(project.dir);
    const result = await runCli(['run'], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/source\/de\/app\.json:3:13: the value of "nav\.home" /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('refuses an i18next key whose escape decodes to U+0001', async () => {
    await writeFile(path.join(project.dir, 'source/de/app.json'), `{\n  "ok": "Gut",\n  "a\\u0001": "Text"\n}\n`);
    const before = await snapshotTree(project.dir);
    const result = await runCli(['run'], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/source\/de\/app\.json:3:3: a key in the top level holds the character U\+0001/);
    expect(await snapshotTree(project.dir)).toEqual(before);
  });
});

describe('#22 admission: engine answers', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const env = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });
  beforeEach(async () => {
    server = await startFakeDeepL();
    project = await createTempProject({ bare: true });
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['en'], pseudoLocales: [] }));
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it.each([
    ['U+0001', 'control' as const, /holds the character U\+0001/],
    ['a lone surrogate', 'lone-surrogate' as const, /holds a lone surrogate \(U\+D800\)/],
  ])('refuses a DeepL answer carrying %s as an engine error naming the unit; the next run works', async (_name, mistake, message) => {
    server.options = { mistakes: [mistake] };
    const refused = await runCli(['run'], { cwd: project.dir, env: env() });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^l10n: deepl answered unit s-[0-9a-f]+ with a text that cannot be kept: /);
    expect(refused.stderr).toMatch(message);
    // Nothing of it was kept (not in the XLIFF, not in the cache): the same server, answering well, finishes the project.
    server.options = {};
    const again = await runCli(['run', '--json'], { cwd: project.dir, env: env() });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const xliff = await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8');
    expect(xliff).toContain('⟦EN-GB⟧');
    expect(xliff).not.toMatch(/[\u0001\uD800]/);
  });
});

describe('#22 admission: XLIFF a translator or a CAT tool sends back', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
  });
  afterEach(() => project.remove());

  it('an import refused at its 3rd unit (a target of 1,000,001 characters) names file, line and unit, and leaves every file as it was', async () => {
    const xliff = await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8');
    const targets = [...xliff.matchAll(/<target state="signed-off">([^<]*)<\/target>/g)];
    let edited = xliff;
    // Units 1 and 2 are good edits; unit 3 brings a target past the gate's bound.
    for (const [index, replacement] of [[0, 'Edited one.'], [1, 'Edited two.'], [2, 'x'.repeat(1_000_001)]] as const) {
      edited = edited.replace(targets[index]![0], `<target state="signed-off">${replacement}</target>`);
    }
    const returned = path.join(project.dir, 'returned-en.xlf');
    await writeFile(returned, edited);
    const line = edited.slice(0, edited.indexOf('x'.repeat(1000))).split('\n').length;
    const before = await snapshotTree(project.dir);
    const result = await runCli(['import', returned], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`returned-en\\.xlf:${line}:\\d+ \\(unit s-6a63909661\\): the target is 1,000,001 characters long; at most 1,000,000 are accepted`));
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('refuses a target-language past the length of a language tag in a CAT tool file, and leaves the file as it was', async () => {
    const tag = `fr-x-${'abcdefgh-'.repeat(40)}z`;
    const file = path.join(project.dir, 'tool.xlf');
    const xliff = (await readFile(path.join(project.dir, 'locales/fr', `${DOC}.xlf`), 'utf8')).replace('target-language="fr"', `target-language="${tag}"`).replace(/<target[^>]*>[^<]*<\/target>/g, '');
    await writeFile(file, xliff);
    const result = await runCli(['translate', file], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tool\.xlf: target-language is 366 characters long; a language tag has at most 64/);
    expect(await readFile(file, 'utf8')).toBe(xliff);
  });
});

describe('#22 admission: a reviewer\'s note (l10n accept --note)', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject({ bare: true });
  });
  afterEach(() => project.remove());

  it('refuses a note carrying U+0001, and the file stays as it was and readable', async () => {
    const file = path.join(project.dir, 'tool.xlf');
    const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="x.txt" source-language="de" target-language="en" datatype="plaintext">
  <body>
   <trans-unit id="u1"><source>Es kamen 15 Leute.</source><target state="translated">16 people came.</target></trans-unit>
  </body>
 </file>
</xliff>
`;
    await writeFile(file, xliff);
    const result = await runCli(['accept', file, '--unit', 'u1', '--check', 'numbers', '--note', 'rounded\u0001'], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tool\.xlf \(unit u1\): the --note holds the character U\+0001/);
    expect(await readFile(file, 'utf8')).toBe(xliff);
    expect((await runCli(['check', file], { cwd: project.dir })).code).toBe(1);
  });
});

describe('#22 admission: reading XLIFF 1.2 and 2.x', () => {
  const xliff2 = (trgLang: string, note: string) =>
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="${trgLang}">\n<file id="f">\n<unit id="u1">\n<notes><note>${note}</note></notes>\n<segment id="s1"><source>Hallo</source><target>Hello</target></segment>\n</unit>\n</file>\n</xliff>`;

  it('refuses an XLIFF 2 trgLang longer than a language tag may be', () => {
    expect(() => readXliff(xliff2(`en-x-${'abcdefgh-'.repeat(10)}z`, 'x'), 'a.xlf')).toThrow(AdmissionError);
    expect(() => readXliff(xliff2(`en-x-${'abcdefgh-'.repeat(10)}z`, 'x'), 'a.xlf')).toThrow(/a\.xlf: trgLang is 96 characters long/);
  });

  it('refuses an acceptance note past the bound of a note, naming line and unit', () => {
    const note = `QA accepted (numbers) 0123456789abcdef: ${'y'.repeat(300 * 1024)}`;
    expect(() => readXliff(xliff2('en', note), 'a.xlf')).toThrow(/a\.xlf:4:\d+ \(unit u1\/s1\): the note is 307,200 characters long; at most 262,144 are accepted/);
  });
});

describe('#22 large inputs on the XLIFF paths end in an answer, not an internal error', () => {
  it('prints a table of 150,000 findings (l10n check FILE.xlf) without spreading them onto the stack', () => {
    const rows = [['unit', 'check'], ...Array.from({ length: 150_000 }, (_, i) => [`u${i}`, 'numbers'])];
    const table = formatTable(rows);
    expect(table.split('\n')).toHaveLength(150_002);
    expect(table.split('\n')[1]).toBe(`${'-'.repeat('u149999'.length)}  -------`);
  });
});
