/** XLIFF files from outside the project: pre-translating them in place, and hostile input. */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStructure, readXliff } from '../../src/xliff/index.js';
import { validateSchema } from '../../src/xliff/schema.js';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli, withoutGlossaryNotices } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const SAMPLES = path.join(import.meta.dirname, 'fixtures/samples');

describe('l10n translate FILE.xlf: pre-translating a CAT tool’s XLIFF in place', () => {
  let project: TempProject;
  let server: FakeDeepL;
  beforeEach(async () => {
    project = await createTempProject({ bare: true });
    server = await startFakeDeepL();
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it('fills the empty WorldServer target through DeepL and keeps the iws: metadata', async () => {
    const file = path.join(project.dir, 'test4_fr.xlf');
    await copyFile(path.join(SAMPLES, 'worldserver-test4_fr.xlf'), file);
    const before = await readFile(file, 'utf8');
    const result = await runCli(['translate', file], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(withoutGlossaryNotices(result.stderr)).toBe('');
    expect(result.code).toBe(0);
    expect(server.calls.map((call) => [call.targetLang, call.sourceLang?.toUpperCase()])).toEqual([['FR', 'EN']]);
    const after = await readFile(file, 'utf8');
    const [segment] = readXliff(after, file).segments;
    expect(segment!.target).toMatchObject({ state: 'translated', origin: { by: 'machine' } });
    // The fake engine marks lower-case words with ʼ so QA reads them as translated.
    expect(segment!.target!.text.replace(/ʼ/g, '')).toBe(`⟦FR⟧ ${segment!.source.text}`);
    expect(after.match(/<iws:[^>]*>/g)).toEqual(before.match(/<iws:[^>]*>/g));
    expect(after).toContain('state-qualifier="leveraged-mt"');

    // Run again: nothing left to send.
    await runCli(['translate', file], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(server.calls).toHaveLength(1);
  });

  it('fills from approved memory first and sends nothing', async () => {
    const file = path.join(project.dir, 'test4_fr.xlf');
    await copyFile(path.join(SAMPLES, 'worldserver-test4_fr.xlf'), file);
    const source = readXliff(await readFile(file, 'utf8'), file).segments[0]!.source.text;
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ sourceLanguage: 'en', targetLocales: ['fr'] }));
    await mkdir(path.join(project.dir, 'memory'));
    await writeFile(path.join(project.dir, 'memory/fr.json'), JSON.stringify([{ source, target: 'Accueil relu', state: 'reviewed' }]));
    const result = await runCli(['translate', file], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(result.stdout).toMatch(/test4_fr\.xlf\s+en→fr\s+deepl\s+1\s+0\s+0\s+0\s+0/);
    expect(server.calls).toHaveLength(0);
    expect(readXliff(await readFile(file, 'utf8'), file).segments[0]!.target).toMatchObject({ text: 'Accueil relu', origin: { by: 'memory' } });
  });

  it('sends inline codes as tags and puts the file’s own code markup back (memoQ bpt/ept/ph)', async () => {
    const file = path.join(project.dir, 'memoq.xlf');
    await copyFile(path.join(SAMPLES, 'memoq-MQ-12-Test01.xlf'), file);
    const result = await runCli(['translate', file], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    expect(result.code).toBe(0);
    expect(server.calls.every((call) => call.tagHandling === 'xml')).toBe(true);
    // Tags are not billed.
    expect(server.calls.flatMap((call) => call.texts).some((text) => text.includes('<x i="1"/>'))).toBe(true);
    const after = await readFile(file, 'utf8');
    const content = readXliff(after, file);
    const emptyBefore = new Set(readXliff(await readFile(path.join(SAMPLES, 'memoq-MQ-12-Test01.xlf'), 'utf8'), 'x').segments.filter((s) => !s.target).map((s) => s.id));
    const withCodes = content.segments.filter((s) => s.source.codes.length > 0 && emptyBefore.has(s.id));
    expect(withCodes.length).toBeGreaterThan(20);
    for (const segment of withCodes) {
      expect(segment.target?.codes).toEqual(segment.source.codes);
      expect(segment.target?.text.replace(/ʼ/g, '')).toBe(`⟦FR⟧ ${segment.source.text}`);
    }
    expect(checkStructure(content)).toEqual([]);
    expect(await validateSchema(after, '1.2-transitional')).toEqual([]);
  });

  it('puts XLIFF 2 codes back with their data references (cms sample) and stays schema-valid', async () => {
    const file = path.join(project.dir, 'cms.xlf');
    await copyFile(path.join(SAMPLES, 'cms-xliff2-2020-10-12.xlf'), file);
    expect((await runCli(['translate', file], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } })).code).toBe(0);
    const after = await readFile(file, 'utf8');
    const withCodes = readXliff(after, file).segments.filter((s) => s.source.codes.length > 0);
    for (const segment of withCodes) expect(segment.target?.codes).toEqual(segment.source.codes);
    expect(await validateSchema(after, '2.1-with-modules')).toEqual([]);
  });

  it('leaves a segment empty when the engine loses one of its codes, and says so', async () => {
    server.options = { mistakes: ['tag'] };
    const file = path.join(project.dir, 'memoq.xlf');
    await copyFile(path.join(SAMPLES, 'memoq-MQ-12-Test01.xlf'), file);
    const result = await runCli(['translate', file], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: server.url } });
    const lost = Number(/memoq\.xlf\s+en→fr\s+deepl\s+\d+\s+\d+\s+\d+\s+(\d+)/.exec(result.stdout)![1]);
    const before = readXliff(await readFile(path.join(SAMPLES, 'memoq-MQ-12-Test01.xlf'), 'utf8'), 'x').segments;
    const sent = new Set(before.filter((s) => !s.target && s.source.text.trim() && s.source.markup.includes('<x i=')).map((s) => s.id));
    const withStandalone = readXliff(await readFile(file, 'utf8'), file).segments.filter((s) => sent.has(s.id));
    expect(lost).toBe(withStandalone.length);
    for (const segment of withStandalone) expect(segment.target).toBeUndefined();
  });

  it('without a DeepL key, a real locale gets nothing machine-made and the file stays as it was', async () => {
    const file = path.join(project.dir, 'test4_fr.xlf');
    await copyFile(path.join(SAMPLES, 'worldserver-test4_fr.xlf'), file);
    const before = await readFile(file);
    const result = await runCli(['translate', file], { cwd: project.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/test4_fr\.xlf\s+en→fr\s+none\s+0\s+0\s+0\s+0\s+1/);
    expect(await readFile(file)).toEqual(before);
  });
});

describe('l10n check FILE.xlf', () => {
  it('reports inline codes lost in a CAT tool’s translation as a codes error on the unit, the check `run` reports it under (#26)', async () => {
    const project = await createTempProject({ bare: true });
    try {
      const file = path.join(project.dir, 'codes.xlf');
      await writeFile(
        file,
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="html"><body>' +
          '<trans-unit id="u1"><source>Das ist <g id="1">wichtig</g>.</source><target>This is important.</target></trans-unit>' +
          '<trans-unit id="u2"><source>Das ist <g id="1">gut</g>.</source><target>This is <g id="1">good</g>.</target></trans-unit>' +
          '</body></file></xliff>',
      );
      const result = await runCli(['check', file, '--json'], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toEqual([
        { file, unit: 'u1', check: 'codes', severity: 'error', message: 'inline code ids differ: source [1], target []' },
      ]);
    } finally {
      await project.remove();
    }
  });
});

describe('hostile XLIFF gets a clear error within bounded time and memory, and changes nothing', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
  });
  afterEach(() => project.remove());

  async function expectRefused(name: string, bytes: Buffer | string, message: RegExp, command = 'import') {
    const file = path.join(project.dir, name);
    await writeFile(file, bytes);
    const before = await snapshotTree(project.dir);
    const started = Date.now();
    const result = await runCli([command, file], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await snapshotTree(project.dir)).toEqual(before);
  }

  const header = '<?xml version="1.0" encoding="UTF-8"?>\n';

  it('a DOCTYPE with an external entity (XXE)', () =>
    expectRefused('xxe.xlf', `${header}<!DOCTYPE xliff [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n<xliff version="1.2">&secret;</xliff>`, /xxe\.xlf:2:1: <!DOCTYPE> is not allowed/));

  it('entity expansion (billion laughs)', () =>
    expectRefused(
      'lol.xlf',
      `${header}<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>\n<xliff>&lol9;</xliff>`,
      /lol\.xlf:2:1: <!DOCTYPE> is not allowed/,
    ));

  it('malformed XML', () => expectRefused('broken.xlf', `${header}<xliff version="1.2">\n<file>\n<body>\n</file>\n</xliff>`, /broken\.xlf:5:\d+: not well-formed XML/));

  it('invalid UTF-8', () =>
    expectRefused('latin1.xlf', Buffer.concat([Buffer.from(`${header}<xliff version="1.2"><!-- Gr`), Buffer.from([0xfc]), Buffer.from('e --></xliff>')]), /latin1\.xlf: not valid UTF-8 \(at byte 67\)/));

  it('a 100 MB file', () =>
    expectRefused('huge.xlf', Buffer.alloc(100 * 1024 * 1024, 0x20), /huge\.xlf: 100 MB is more than the 96 MB an XLIFF file may have/));

  it('the same through l10n translate, l10n check and l10n validate', async () => {
    await expectRefused('huge.xlf', Buffer.alloc(97 * 1024 * 1024, 0x20), /97 MB is more than/, 'translate');
    await expectRefused('xxe.xlf', `${header}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff/>`, /<!DOCTYPE> is not allowed/, 'check');
    await expectRefused('bad.xlf', Buffer.concat([Buffer.from(`${header}<xliff version="1.2">`), Buffer.from([0xff]), Buffer.from('</xliff>')]), /bad\.xlf: not valid UTF-8/, 'validate');
  });
});
