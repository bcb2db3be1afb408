import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

/** Runs the command and asserts: non-zero exit, one line on stderr matching `message`, nothing written. */
async function expectRefused(project: TempProject, args: string[], message: RegExp, code = 2) {
  const before = await snapshotTree(project.dir);
  const result = await runCli(args, { cwd: project.dir });
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(await snapshotTree(project.dir)).toEqual(before);
}

describe('bad input is refused with one clear line, and nothing is written', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
  });
  afterEach(() => project.remove());

  it('unknown command', () => expectRefused(project, ['frobnicate'], /^l10n: unknown command 'frobnicate'/));

  it('unknown option', () => expectRefused(project, ['run', '--fast'], /^l10n: unknown option '--fast'/));

  it('bad option value', () => expectRefused(project, ['extract', '--xliff', '3.0'], /argument '3.0' is invalid/));

  it('missing source folder', async () => {
    await rm(path.join(project.dir, 'source'), { recursive: true });
    await expectRefused(project, ['run'], /source\/de: no such folder: create it and put the documents to translate in it, one file each \(\.txt, \.md/);
  });

  it('#24 --root to a missing folder names that folder, not its source/de', async () => {
    const missing = path.join(project.dir, 'nope');
    const result = await runCli(['--root', missing, 'run'], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`l10n: ${missing}: no such folder (the project folder, --root)\n`);
  });

  it.each([
    ['jp', '"ja" (Japanese)'],
    ['en_US', '"en-US" (American English)'],
    ['english', '"en" (English)'],
    ['Deutsch', '"de" (German)'],
  ])('#24 config locale %s is refused with the code meant, %s', async (tag, meant) => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['en', tag] }));
    const escaped = meant.replace(/[()]/g, (c) => `\\${c}`);
    await expectRefused(project, ['run'], new RegExp(`targetLocales\\[1\\]: unknown locale "${tag}"; did you mean ${escaped}\\?`));
  });

  it('#24 a config locale in another case is read as its canonical tag (BCP 47 tags are case-insensitive)', async () => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['fr', 'EN-us', 'en-US'] }));
    await expectRefused(project, ['run'], /targetLocales\[2\]: "en-US" is listed twice/);
  });

  it('empty source file', async () => {
    await writeFile(path.join(project.dir, 'source/de/leer.txt'), '\n\n');
    await expectRefused(project, ['run'], /leer\.txt: the file is empty/);
  });

  it('source file that is not UTF-8, naming the byte', async () => {
    await writeFile(path.join(project.dir, 'source/de/latin1.txt'), Buffer.from('Gr\xfc\xdfe aus K\xf6ln.', 'latin1'));
    await expectRefused(project, ['run'], /latin1\.txt: not valid UTF-8 \(at byte 2\)/);
  });

  it('config with an unknown locale names the key', async () => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['en', 'xx'] }));
    await expectRefused(project, ['run'], /l10n\.config\.json: targetLocales\[1\]: unknown locale "xx"/);
  });

  it('config with an unknown key names it', async () => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ engin: 'deepl' }));
    await expectRefused(project, ['run'], /l10n\.config\.json: unknown key "engin"/);
  });

  it('config with a bad value names the key', async () => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ deepl: { concurrency: 0 } }));
    await expectRefused(project, ['run'], /l10n\.config\.json: deepl\.concurrency: /);
  });

  it('config that is not JSON', async () => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), '{ "engine": ');
    await expectRefused(project, ['run'], /l10n\.config\.json:1:13: not valid JSON: unexpected end of file/);
  });

  it('#24 a JSON syntax error in the config is given as line:column', async () => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), '{\n  "targetLocales": ["en", "fr",],\n  "engine": "offline"\n}\n');
    await expectRefused(project, ['run'], /l10n\.config\.json:2:32: not valid JSON: unexpected "\]"/);
  });

  it('engine "deepl" without a key', async () => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ engine: 'deepl' }));
    await expectRefused(project, ['run'], /engine "deepl" needs the DEEPL_AUTH_KEY/);
  });

  it('a project XLIFF with a DOCTYPE is refused with its line and column', async () => {
    const file = path.join(project.dir, 'locales/en/usa-russland-is.xlf');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<xliff version="1.2"/>');
    await expectRefused(project, ['run'], /locales\/en\/usa-russland-is\.xlf:2:1: <!DOCTYPE> is not allowed/);
  });

  it('a project XLIFF that is not well-formed is refused with its line and column', async () => {
    const file = path.join(project.dir, 'locales/en/usa-russland-is.xlf');
    await writeFile(file, '<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n</xliff>');
    await expectRefused(project, ['run'], /usa-russland-is\.xlf:4:\d+: not well-formed XML/);
  });

  it('#24 importing the XLIFF of the wrong document names both documents', async () => {
    await writeFile(path.join(project.dir, 'source/de/wetter.txt'), 'Morgen regnet es in Berlin.\n\nAm Wochenende wird es wärmer.\n');
    const xliff = await readFile(path.join(project.dir, 'locales/en/usa-russland-is.xlf'), 'utf8');
    const returned = path.join(project.dir, 'wetter-en.xlf');
    await writeFile(returned, xliff.replace('original="usa-russland-is.txt"', 'original="wetter.txt"'));
    await expectRefused(
      project,
      ['import', returned],
      /wetter-en\.xlf: <file original="wetter\.txt">: none of its \d+ units is a sentence of document "wetter"; \d+ are sentences of document "usa-russland-is": this is the XLIFF of "usa-russland-is", not of "wetter"$/m,
    );
  });

  it('#24 accept --check with a check the unit does not have lists the checks it has', async () => {
    await writeFile(
      path.join(project.dir, 'review.xlf'),
      `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="article.html" source-language="de" target-language="en-GB" datatype="html">
    <body>
      <trans-unit id="t1">
        <source>Es kamen 3.000 Menschen.</source>
        <target state="translated">3,100 people came.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
`,
    );
    await expectRefused(project, ['accept', 'review.xlf', '--unit', 't1', '--check', 'number'], /review\.xlf: unit "t1" has no "number" finding to accept \(its findings: (\w+, )*numbers(, \w+)*\)$/m);
  });

  it('a project XLIFF for another language is refused', async () => {
    const fr = path.join(project.dir, 'locales/fr/usa-russland-is.xlf');
    await writeFile(path.join(project.dir, 'locales/en/usa-russland-is.xlf'), await readFile(fr));
    await expectRefused(project, ['run'], /locales\/en\/usa-russland-is\.xlf: target language is fr, expected en/);
  });
});
