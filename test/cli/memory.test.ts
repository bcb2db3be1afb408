/**
 * The translation memory as a user meets it: an edited sentence keeps its
 * reviewed translation as a proposal, pre-filled for review; proposals in
 * XLIFF 1.2 and 2.x that the schemas accept and translate-toolkit reads; TMX
 * in and out, with OmegaT taking our export; the readable copies in git.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateSchema } from '../../src/xliff/schema.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';
const BEFORE = 'Hammond erklärte, die Situation in Syrien werde immer komplizierter.';
const AFTER = 'Hammond erklärte, die Lage in Syrien werde immer komplizierter.';
const REVIEWED = 'Hammond said that the situation in Syria was becoming ever more complicated.';

describe('translation memory in a run', () => {
  let project: TempProject;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const config = async (change: Record<string, unknown>) => {
    const current = JSON.parse(await readFile(file('l10n.config.json'), 'utf8'));
    await writeFile(file('l10n.config.json'), JSON.stringify({ ...current, ...change }));
  };
  const editSource = async () => {
    const source = file('source/de', `${DOC}.txt`);
    await writeFile(source, (await readFile(source, 'utf8')).replace(BEFORE, AFTER));
  };
  const unitOf = (xliff: string, source: string) => {
    const at = xliff.indexOf(`<source>${source}</source>`);
    expect(at, source).toBeGreaterThan(-1);
    const start = Math.max(xliff.lastIndexOf('<trans-unit', at), xliff.lastIndexOf('<unit', at));
    return xliff.slice(start, xliff.indexOf(xliff.lastIndexOf('<trans-unit', at) > xliff.lastIndexOf('<unit', at) ? '</trans-unit>' : '</unit>', at));
  };

  beforeEach(async () => {
    project = await createTempProject();
    await config({ targetLocales: ['en', 'fr', 'es'] });
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
  });
  afterEach(async () => {
    await project.remove();
  });

  it('XLIFF 1.2: an edited sentence gets its reviewed translation back as a 90 %+ proposal, pre-filled for review', async () => {
    await editSource();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    const xliff = await readFile(file('locales/en', `${DOC}.xlf`), 'utf8');
    const unit = unitOf(xliff, AFTER);
    expect(unit).toContain(`<target state="needs-review-translation" state-qualifier="leveraged-tm">${REVIEWED}</target>`);
    const quality = Number(/<alt-trans match-quality="(\d+)" origin="memory"/.exec(unit)?.[1]);
    expect(quality).toBeGreaterThanOrEqual(90);
    expect(quality).toBeLessThan(100);
    expect(unit).toContain(`<source>${BEFORE}</source><target xml:lang="en">${REVIEWED}</target></alt-trans>`);
    expect(unit).not.toContain('approved="yes"');
    expect(await validateSchema(xliff, '1.2-strict')).toEqual([]);
    // The reviewed translation is still in the memory, and the new sentence's is not (nobody reviewed it).
    const memory = JSON.parse(await readFile(file('memory/en.json'), 'utf8')) as { source: string; target: string }[];
    expect(memory.find((entry) => entry.source === BEFORE)?.target).toBe(REVIEWED);
    expect(memory.some((entry) => entry.source === AFTER)).toBe(false);
  });

  it('XLIFF 2.x: the proposal is an mtc:match with its similarity, and the schema with modules accepts the file', async () => {
    await config({ targetLocales: ['en', 'fr', 'es'], xliffVersion: '2.0' });
    await editSource();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    const xliff = await readFile(file('locales/en', `${DOC}.xlf`), 'utf8');
    const segmentId = /<segment id="([^"]+)"[^>]*><source>Hammond erklärte, die Lage/.exec(xliff)?.[1];
    expect(segmentId).toBeDefined();
    const match = new RegExp(`<mtc:match ref="#${segmentId}" type="tm" origin="memory" similarity="(\\d+)"><source>${BEFORE}</source><target>${REVIEWED}</target></mtc:match>`).exec(xliff);
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(90);
    expect(xliff).toMatch(new RegExp(`<segment id="${segmentId}" state="translated" subState="l10n-pipeline:tm"><source>${AFTER}</source><target>${REVIEWED}</target>`));
    expect(await validateSchema(xliff, '2.1-with-modules')).toEqual([]);
  });

  it('scores a sentence between the same neighbours 101, and puts a changed number right in the proposal', async () => {
    await writeFile(
      file('source/de/folge.txt'),
      [
        'Kerry kündigte an, die USA würden ihre Bemühungen im Kampf gegen den IS verstärken. „Und wir müssen sicherstellen, dass diese sich nicht überschneiden mit Russlands Bemühungen - es ist also offensichtlich, dass Konversation notwendig ist.“ Es gebe schon eine ganze Zeit lag Gespräche über die Zusammenarbeit mit Russland.',
        'Islamistische Rebellen haben unterdessen 48 syrische Soldaten getötet, die sie bei der Eroberung eines Militärflughafens im Nordwesten des Landes gefangen genommen hatten.',
        '',
      ].join('\n\n'),
    );
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    const xliff = await readFile(file('locales/en/folge.xlf'), 'utf8');
    const middle = unitOf(xliff, '„Und wir müssen sicherstellen, dass diese sich nicht überschneiden mit Russlands Bemühungen - es ist also offensichtlich, dass Konversation notwendig ist.“');
    expect(middle).toContain('<alt-trans match-quality="101" origin="memory"');
    // At the start of a paragraph the neighbour before differs: an exact match, not in context.
    expect(unitOf(xliff, 'Kerry kündigte an, die USA würden ihre Bemühungen im Kampf gegen den IS verstärken.')).toContain('<alt-trans match-quality="100" origin="memory"');
    const rebels = unitOf(xliff, 'Islamistische Rebellen haben unterdessen 48 syrische Soldaten getötet, die sie bei der Eroberung eines Militärflughafens im Nordwesten des Landes gefangen genommen hatten.');
    expect(rebels).toContain('<alt-trans match-quality="99" origin="memory"');
    expect(rebels).toMatch(/<target state="needs-review-translation" state-qualifier="leveraged-tm">Islamist rebels, meanwhile, have killed 48 Syrian soldiers/);
  });

  it('translate-toolkit reads the proposals we write', async () => {
    await editSource();
    await runCli(['run'], { cwd: project.dir });
    const script = [
      'import json, sys',
      'from translate.storage import xliff',
      'store = xliff.xlifffile.parsefile(sys.argv[1])',
      'out = [{"source": u.source, "alt": [{"source": a.source, "target": a.target, "quality": a.xmlelement.get("match-quality")} for a in u.getalttrans(origin="memory")]} for u in store.units if u.getalttrans(origin="memory")]',
      'print(json.dumps(out))',
    ].join('\n');
    const result = spawnSync('/usr/bin/python3', ['-c', script, file('locales/en', `${DOC}.xlf`)], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const units = JSON.parse(result.stdout) as { source: string; alt: { source: string; target: string; quality: string }[] }[];
    const edited = units.find((unit) => unit.source === AFTER);
    expect(edited?.alt[0]).toMatchObject({ source: BEFORE, target: REVIEWED });
    expect(Number(edited?.alt[0]?.quality)).toBeGreaterThanOrEqual(90);
  });

  it('publishes what the config says is reviewed enough', async () => {
    const manifest = async () => JSON.parse(await readFile(file('locales/index.json'), 'utf8')).documents[DOC] as { published: string[]; withheld: Record<string, string> };
    await config({ targetLocales: ['en', 'fr', 'es'], publish: 'reviewed' });
    await runCli(['run'], { cwd: project.dir });
    expect((await manifest()).published).toEqual(expect.arrayContaining(['en', 'fr']));
    expect((await manifest()).withheld['en-XA']).toMatch(/26 of 26 segments not reviewed \(publish: reviewed\)/);

    await editSource();
    await runCli(['run'], { cwd: project.dir });
    // The pre-filled sentence waits for a reviewer.
    expect((await manifest()).withheld['en']).toMatch(/1 of 26 segments not reviewed/);

    await config({ targetLocales: ['en', 'fr', 'es'], publish: 'needs-review' });
    await runCli(['run'], { cwd: project.dir });
    expect((await manifest()).published).toContain('en');
    expect((await manifest()).withheld['en-XA']).toMatch(/26 of 26 segments unreviewed machine output \(publish: needs-review\)/);
  });

  it('imports a TMX, fills exact matches from it, and says what it skipped', async () => {
    const tmx = file('team.tmx');
    await writeFile(
      tmx,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="de-DE" datatype="plaintext"/><body>',
        '<tu><tuv xml:lang="de-DE"><seg>Am Sonntag wird Kerry in Berlin erwartet.</seg></tuv><tuv xml:lang="es-ES" changedate="20240101T120000Z" changeid="ana"><seg>Se espera a Kerry en Berlín el domingo.</seg></tuv></tu>',
        '<tu><tuv xml:lang="de-DE"><seg>Nur Deutsch.</seg></tuv></tu>',
        '<tu><tuv xml:lang="en-US"><seg>No German here.</seg></tuv><tuv xml:lang="es"><seg>Nada.</seg></tuv></tu>',
        '</body></tmx>',
      ].join('\n'),
    );
    const imported = await runCli(['tm', 'import', 'team.tmx'], { cwd: project.dir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('team.tmx: 3 units read; 1 translations added, 0 updated, 0 already in the memory');
    expect(imported.stdout).toContain('  es-ES: 1');
    expect(imported.stdout).toContain('skipped 1: no <tuv> in the source language de-DE');
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    const unit = unitOf(await readFile(file('locales/es', `${DOC}.xlf`), 'utf8'), 'Am Sonntag wird Kerry in Berlin erwartet.');
    expect(unit).toContain('<target state="needs-review-translation" state-qualifier="leveraged-tm">Se espera a Kerry en Berlín el domingo.</target>');
    // The readable copy for the repository has it, with who and when.
    const copy = JSON.parse(await readFile(file('memory/es-ES.json'), 'utf8')) as Record<string, unknown>[];
    expect(copy[0]).toMatchObject({ source: 'Am Sonntag wird Kerry in Berlin erwartet.', target: 'Se espera a Kerry en Berlín el domingo.', changed: '20240101T120000Z', changer: 'ana' });
  });

  it('refuses a TMX with an entity declaration, naming the file and line, and adds nothing', async () => {
    await writeFile(file('evil.tmx'), '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY lol "lol">]>\n<tmx version="1.4"><header srclang="de"/><body/></tmx>\n');
    const result = await runCli(['tm', 'import', 'evil.tmx'], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/evil\.tmx:2:\d+: a DOCTYPE with an internal subset/);
    expect((await runCli(['tm', 'import', 'missing.tmx'], { cwd: project.dir })).stderr).toMatch(/missing\.tmx/);
  });

  it('takes up a change to the readable copy, as a pull from a teammate brings it', async () => {
    await mkdir(file('memory'), { recursive: true });
    await writeFile(file('memory/es.json'), JSON.stringify([{ source: 'Foto: dpa', target: 'Foto: dpa', state: 'reviewed' }]));
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    expect(unitOf(await readFile(file('locales/es', `${DOC}.xlf`), 'utf8'), 'Foto: dpa')).toContain('>Foto: dpa</target>');
  });

  it('OmegaT takes our TMX export and fills its translation from it', async () => {
    const omegat = file('omegat-project');
    for (const folder of ['source', 'target', 'tm/auto', 'omegat', 'glossary']) await mkdir(path.join(omegat, folder), { recursive: true });
    const exported = await runCli(['tm', 'export', '--out', path.join(omegat, 'tm/auto/l10n.tmx')], { cwd: project.dir });
    expect(exported.code).toBe(0);
    await writeFile(
      path.join(omegat, 'omegat.project'),
      [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<omegat><project version="1.0"><source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>',
        '<glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>',
        '<source_lang>DE</source_lang><target_lang>FR</target_lang><sentence_seg>true</sentence_seg><support_default_translations>true</support_default_translations><remove_tags>false</remove_tags></project></omegat>',
      ].join('\n'),
    );
    await writeFile(path.join(omegat, 'source/article.txt'), 'Am Sonntag wird Kerry in Berlin erwartet.\n');
    const result = spawnSync('java', ['-Djava.awt.headless=true', '-jar', '/usr/share/omegat/OmegaT.jar', omegat, '--mode=console-translate'], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain('Created by: l10n-pipeline');
    expect(await readFile(path.join(omegat, 'target/article.txt'), 'utf8')).toBe('Kerry est attendu dimanche à Berlin.\n');
  });
});
