/**
 * #10: import, translate FILE, check FILE and validate read XLIFF the same way,
 * so they give the same verdict on the same file; and a JSON consumer gets the
 * error as JSON.
 */
import { readdirSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const WILD = path.join(import.meta.dirname, 'fixtures/wild');
const head = '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="a" source-language="en" target-language="fr" datatype="plaintext"><body>\n';
const unit = (inner: string) => `${head}<trans-unit id="1"><source>${inner}</source></trans-unit>\n</body></file></xliff>\n`;

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject({ bare: true });
});
afterAll(() => project.remove());

const COMMANDS = [['import'], ['translate'], ['check'], ['validate']] as const;

describe('every command refuses the same broken file with the same one-line error, and changes nothing', () => {
  it.each([
    ['an HTML entity', unit('Caf&eacute;'), /bad\.xlf:4:31: not well-formed XML: undeclared entity &eacute;/],
    ['"<" in an attribute', `${head}<trans-unit id="a<b"><source>x</source></trans-unit></body></file></xliff>`, /bad\.xlf:4:18: not well-formed XML: "<" in the value of id/],
    ['a NUL character', unit('a\u0000b'), /bad\.xlf:4:29: not well-formed XML: character U\+0000 is not allowed/],
    ['a control character as a reference', unit('a&#x7;b'), /bad\.xlf:4:29: not well-formed XML: bad reference &#x7;/],
    ['an unknown XLIFF namespace', '<xliff xmlns="urn:example:not-xliff" version="1.2"/>', /bad\.xlf: unknown XLIFF namespace "urn:example:not-xliff"/],
    ['a root that is not <xliff>', '<html><body/></html>', /bad\.xlf: no <xliff> root element \(the root is <html>\)/],
    ['nesting 10,000 deep', `${'<g>'.repeat(10_000)}${'</g>'.repeat(10_000)}`, /bad\.xlf:1:769: not well-formed XML: elements nested deeper than 256/],
    ['a language tag that is no language', unit('x').replace('target-language="fr"', 'target-language="xx-invalid-tag-that-goes-on"'), /bad\.xlf: target-language "xx-invalid-tag-that-goes-on" is not a BCP 47 language tag/],
  ])('%s', async (_name, xml, message) => {
    const file = path.join(project.dir, 'bad.xlf');
    await writeFile(file, xml);
    const before = await snapshotTree(project.dir);
    for (const command of COMMANDS) {
      const result = await runCli([...command, file], { cwd: project.dir });
      expect([command[0], result.code]).toEqual([command[0], 2]);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await snapshotTree(project.dir)).toEqual(before);
  });
});

describe('no command refuses a file from the wild', () => {
  const files = readdirSync(WILD).filter((name) => !name.endsWith('.md'));
  it.each(files)('%s', async (name) => {
    const file = path.join(project.dir, name);
    await copyFile(path.join(WILD, name), file);
    const languages = /lingotek|passolo/.test(name) ? ['--target-lang', 'fr'] : [];
    for (const args of [['check', file, ...languages], ['translate', file, '--dry-run', ...languages], ['validate', file]]) {
      const result = await runCli(args, { cwd: project.dir });
      expect([args[0], result.code, result.stderr]).toEqual([args[0], expect.toSatisfy((code: number) => code === 0 || code === 1), '']);
    }
    expect(await readFile(file)).toEqual(await readFile(path.join(WILD, name)));
  });
});

describe('--json on failure', () => {
  it('prints the error as an object on stdout, with the file and position, and exits 2', async () => {
    const file = path.join(project.dir, 'broken.xlf');
    await writeFile(file, unit('Caf&eacute;'));
    for (const command of ['check', 'translate']) {
      const result = await runCli([command, file, '--json'], { cwd: project.dir });
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout)).toEqual({
        error: { exitCode: 2, code: 'XLIFF', message: expect.stringContaining('undeclared entity &eacute;'), file, line: 4, column: 31 },
      });
    }
  });
});

describe('#10 encodings l10n reads but cannot write', () => {
  it('Shift_JIS: check reads it, translate refuses to write it back and says why, and nothing changes', async () => {
    const file = path.join(project.dir, 'sjis.xlf');
    const xml = `<?xml version="1.0" encoding="Shift_JIS"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="ja" target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>東京</source></trans-unit></body></file></xliff>\n`;
    // 東京 in Shift_JIS (Node decodes Shift_JIS but has no encoder for it); the rest is ASCII.
    const [head, tail] = xml.split('東京');
    await writeFile(file, Buffer.concat([Buffer.from(head!), Buffer.from([0x93, 0x8c, 0x8b, 0x9e]), Buffer.from(tail!)]));
    const before = await readFile(file);
    expect((await runCli(['check', file], { cwd: project.dir })).code).toBe(0);
    const result = await runCli(['translate', file], { cwd: project.dir });
    expect([result.code, result.stderr]).toEqual([2, `l10n: ${file}: is in shift_jis, which l10n reads but cannot write back; convert it to UTF-8 first\n`]);
    expect(await readFile(file)).toEqual(before);
  });
});

