/** #11: inputs a user can get wrong end in one line naming the file, exit 2, and nothing changed. */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

describe('#11 bad project inputs', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
  });
  afterEach(() => project.remove());

  async function expectRefused(message: RegExp, args: string[] = ['run'], env: Record<string, string> = {}) {
    const before = await snapshotTree(project.dir);
    const result = await runCli(args, { cwd: project.dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(await snapshotTree(project.dir)).toEqual(before);
  }

  it('a NUL byte in a source, with its line and column', async () => {
    await writeFile(path.join(project.dir, 'source/de/nul.txt'), 'Erster Absatz.\n\nZweiter\u0000 Absatz.\n');
    await expectRefused(/source\/de\/nul\.txt:3:8: character U\+0000 is not allowed in a source/);
  });

  it('another control character in a source, also when segmenting a stream', async () => {
    await writeFile(path.join(project.dir, 'source/de/esc.txt'), 'Ein \u001b[31mroter\u001b[0m Satz.\n');
    await expectRefused(/esc\.txt:1:5: character U\+001B is not allowed/);
    await expectRefused(/esc\.txt:1:5: character U\+001B is not allowed/, ['segment', 'source/de/esc.txt']);
  });

  it('a source that is a link to a file outside source/', async () => {
    const outside = path.join(project.dir, 'secret.txt');
    await writeFile(outside, 'Geheim.\n');
    await symlink(outside, path.join(project.dir, 'source/de/secret.txt'));
    await expectRefused(/source\/de\/secret\.txt: is a link to a file outside the source folder: refused/);
  });

  it('a link inside source/ is fine', async () => {
    await mkdir(path.join(project.dir, 'source/de/drafts'));
    await writeFile(path.join(project.dir, 'source/de/drafts/kurz.txt'), 'Ein kurzer Satz.\n');
    await symlink(path.join(project.dir, 'source/de/drafts/kurz.txt'), path.join(project.dir, 'source/de/kurz.txt'));
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
  });

  it('a translation memory that is a folder', async () => {
    await mkdir(path.join(project.dir, 'memory/en.json'), { recursive: true });
    await expectRefused(/memory\/en\.json: is a folder, not a file/);
  });

  it('a translation memory copy that is not valid JSON, and one whose entry lacks its target', async () => {
    await mkdir(path.join(project.dir, 'memory'), { recursive: true });
    await writeFile(path.join(project.dir, 'memory/en.json'), '[{"source": "Guten Tag.", "target": "Good day.", "state": "reviewed"},');
    await expectRefused(/memory\/en\.json: not valid JSON/);
    await writeFile(path.join(project.dir, 'memory/en.json'), '[{"source": "Guten Tag.", "state": "reviewed"}]');
    await expectRefused(/memory\/en\.json: entry 1 needs string "source" and "target" and a known "state"/);
  });

  it('a machine translation cache that is a folder', async () => {
    await mkdir(path.join(project.dir, 'cache/mt/en-XA.json'), { recursive: true });
    await expectRefused(/cache\/mt\/en-XA\.json: is a folder, not a file/);
  });

  it('a termbase with a NUL character reference, with its line and column', async () => {
    await writeFile(path.join(project.dir, 'terms/names.tbx'), '<?xml version="1.0"?>\n<martif type="TBX">\n<text><body><termEntry id="a">&#0;</termEntry></body></text></martif>\n');
    await expectRefused(/terms\/names\.tbx:3:31: not well-formed XML: bad reference &#0;/);
  });

  it('a termbase with an HTML entity', async () => {
    await writeFile(path.join(project.dir, 'terms/names.tbx'), '<?xml version="1.0"?>\n<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="de"><tig><term>Caf&eacute;</term></tig></langSet></termEntry></body></text></martif>\n');
    await expectRefused(/terms\/names\.tbx:2:\d+: not well-formed XML: undeclared entity &eacute;/);
  });

  it('an XLIFF of the project that is a folder', async () => {
    await mkdir(path.join(project.dir, 'locales/es/usa-russland-is.xlf'), { recursive: true });
    await expectRefused(/locales\/es\/usa-russland-is\.xlf: is a folder, not a file/);
  });
});
