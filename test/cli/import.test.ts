import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';

/** Edits targets the way a CAT tool saves them: new text, state signed-off, approved. */
function editTarget(xliff: string, oldText: string, newText: string): string {
  if (!xliff.includes(`>${oldText}</target>`)) throw new Error(`no target "${oldText}"`);
  return xliff.replace(`>${oldText}</target>`, `>${newText}</target>`);
}

describe('l10n import: translators send XLIFF back', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
  });
  afterEach(() => project.remove());

  it('applies three changed targets, and merge changes exactly those three sentences', async () => {
    const english = path.join(project.dir, 'locales/en', `${DOC}.txt`);
    const before = await readFile(english, 'utf8');
    let xliff = await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8');
    xliff = editTarget(xliff, 'Kerry is expected in Berlin on Sunday.', 'Kerry is due in Berlin on Sunday.');
    xliff = editTarget(xliff, 'They see no place for him in a future Syria.', 'They see no place for him in the Syria of the future.');
    xliff = editTarget(xliff, 'Russia and Iran are among the last allies of the Assad regime.', 'Russia and Iran are among the Assad regime’s last allies.');
    const returned = path.join(project.dir, 'returned-en.xlf');
    await writeFile(returned, xliff);

    const result = await runCli(['import', returned], { cwd: project.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/returned-en\.xlf\s+en\s+3\s+23\s+0\s+0/);
    expect((await runCli(['merge'], { cwd: project.dir })).code).toBe(0);

    const after = await readFile(english, 'utf8');
    const sentences = (text: string) => text.split(/(?<=[.”])\s+/);
    const changed = sentences(after).filter((sentence, i) => sentence !== sentences(before)[i]);
    expect(changed).toEqual([
      'Russia and Iran are among the Assad regime’s last allies.',
      'They see no place for him in the Syria of the future.',
      'Kerry is due in Berlin on Sunday.',
    ]);
  });

  it('reports a target emptied under a translated state, and keeps the translation', async () => {
    const xliff = editTarget(await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8'), 'Kerry is expected in Berlin on Sunday.', '');
    const returned = path.join(project.dir, 'emptied-en.xlf');
    await writeFile(returned, xliff);
    const result = await runCli(['import', returned], { cwd: project.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/emptied \(not applied\)/);
    expect(result.stdout).toMatch(/emptied-en\.xlf\s+en\s+0\s+25\s+0\s+0\s+1/);
    expect(await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8')).toContain('>Kerry is expected in Berlin on Sunday.</target>');
    const checked = await runCli(['check', returned, '--json'], { cwd: project.dir });
    expect(JSON.parse(checked.stdout)).toContainEqual(expect.objectContaining({ check: 'empty', severity: 'error' }));
  });

  it('never lets machine output replace a reviewed translation', async () => {
    let xliff = await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8');
    xliff = editTarget(xliff, 'Kerry is expected in Berlin on Sunday.', 'MACHINE GUESS')
      .replace(/approved="yes"/g, '')
      .replace(/state="signed-off"/g, 'state="needs-review-translation" state-qualifier="leveraged-mt"');
    const returned = path.join(project.dir, 'mt-en.xlf');
    await writeFile(returned, xliff);
    const result = await runCli(['import', returned], { cwd: project.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/mt-en\.xlf\s+en\s+0\s+0\s+26\s+0/);
    expect(await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8')).not.toContain('MACHINE GUESS');
  });

  it('refuses a file for a language the project does not have, and writes nothing', async () => {
    const xliff = (await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8')).replace(
      'target-language="en"',
      'target-language="nl"',
    );
    const returned = path.join(project.dir, 'nl.xlf');
    await writeFile(returned, xliff);
    const before = await snapshotTree(project.dir);
    const result = await runCli(['import', returned], { cwd: project.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nl\.xlf: target language nl is not one of the project's locales/);
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('reports units whose German source changed since export as stale, and does not apply them', async () => {
    let xliff = await readFile(path.join(project.dir, 'locales/en', `${DOC}.xlf`), 'utf8');
    xliff = xliff.replace('<source>Am Sonntag wird Kerry in Berlin erwartet.</source>', '<source>Am Montag wird Kerry in Berlin erwartet.</source>');
    xliff = editTarget(xliff, 'Kerry is expected in Berlin on Sunday.', 'Kerry is expected in Berlin on Monday.');
    const returned = path.join(project.dir, 'stale.xlf');
    await writeFile(returned, xliff);
    const result = await runCli(['import', returned], { cwd: project.dir });
    expect(result.stdout).toMatch(/stale\.xlf\s+en\s+0\s+25\s+0\s+1/);
    expect(await readFile(path.join(project.dir, 'locales/en', `${DOC}.txt`), 'utf8')).toContain('on Sunday');
  });
});
