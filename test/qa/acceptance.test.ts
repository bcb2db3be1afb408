/**
 * A reviewer accepts a finding (`l10n accept`): it is kept in the XLIFF as a
 * note with the target's hash, stops blocking, and lapses when the target
 * changes. And a translation that fails QA never becomes approved memory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';
const SOLDIERS = 'Islamist rebels, meanwhile, have killed 56 Syrian soldiers whom they had taken prisoner when they captured a military airport in the north-west of the country.';
const WRONG = SOLDIERS.replace('56', '65');

const XLIFF_12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="article.html" source-language="de" target-language="en-GB" datatype="html">
    <body>
      <trans-unit id="t1">
        <source>Die Temperatur stieg auf 25 Grad.</source>
        <target state="translated">The temperature rose to 26C.</target>
      </trans-unit>
      <trans-unit id="t2">
        <source>Es kamen 3.000 Menschen.</source>
        <target state="translated">3,000 people came.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
`;

const XLIFF_20 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" srcLang="de" trgLang="fr">
  <file id="f1">
    <unit id="u1">
      <mtc:matches><mtc:match ref="#s1"><source>Es kamen 3.000 Menschen.</source><target>3 000 personnes sont venues.</target></mtc:match></mtc:matches>
      <segment id="s1" state="translated">
        <source>Es kamen 3.000 Menschen.</source>
        <target>Près de 3 100 personnes sont venues.</target>
      </segment>
    </unit>
  </file>
</xliff>
`;

describe('l10n accept on a CAT tool’s XLIFF', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject({ bare: true });
  });
  afterEach(() => project.remove());

  it.each([
    ['XLIFF 1.2', 'review.xlf', XLIFF_12, 't1', 'The temperature rose to 26C.', 'The temperature rose to 27C.'],
    ['XLIFF 2.0', 'review.fr.xlf', XLIFF_20, 'u1/s1', 'Près de 3 100 personnes', 'Près de 3 200 personnes'],
  ])('%s: an accepted finding stops blocking, stays valid, and lapses when the target changes', async (_, name, xliff, unit, before, after) => {
    const file = path.join(project.dir, name);
    await writeFile(file, xliff);
    expect((await runCli(['check', name], { cwd: project.dir })).code).toBe(1);

    const accepted = await runCli(['accept', name, '--unit', unit, '--check', 'numbers', '--note', 'rounded, as the client asked'], { cwd: project.dir });
    expect(accepted.code).toBe(0);
    const written = await readFile(file, 'utf8');
    // Only the note was added: every other byte is as the tool wrote it.
    expect(written.replace(/\s*<notes><note[^>]*>[^<]*<\/note><\/notes>|\s*<note[^>]*>[^<]*<\/note>/g, '')).toBe(xliff);
    expect(written).toMatch(/QA accepted \(numbers\) [0-9a-f]{16}: rounded, as the client asked/);
    expect((await runCli(['validate', name], { cwd: project.dir })).code).toBe(0);

    const json = await runCli(['check', name, '--json'], { cwd: project.dir });
    expect(json.code).toBe(0);
    const findings = JSON.parse(json.stdout) as { unit: string; check: string; accepted?: boolean }[];
    expect(findings.filter((f) => f.check === 'numbers')).toEqual([expect.objectContaining({ unit, accepted: true })]);
    expect((await runCli(['check', name], { cwd: project.dir })).stdout).toMatch(/error \(accepted\)[\s\S]*0 error\(s\), 0 warning\(s\), 1 accepted/);

    // Accepting again changes nothing; accepting a check with no finding is refused.
    expect((await runCli(['accept', name, '--unit', unit, '--check', 'numbers'], { cwd: project.dir })).stdout).toMatch(/already accepted/);
    expect(await readFile(file, 'utf8')).toBe(written);
    const nothing = await runCli(['accept', name, '--unit', unit, '--check', 'quotes'], { cwd: project.dir });
    expect(nothing.code).not.toBe(0);
    expect(nothing.stderr).toMatch(/has no "quotes" finding to accept/);
    const noUnit = await runCli(['accept', name, '--unit', 'no-such-unit', '--check', 'numbers'], { cwd: project.dir });
    expect(noUnit.code).toBe(2);
    expect(noUnit.stderr).toMatch(/no unit "no-such-unit"/);
    expect(await readFile(file, 'utf8')).toBe(written);

    await writeFile(file, written.replace(before, after));
    const changed = await runCli(['check', name, '--json'], { cwd: project.dir });
    expect(changed.code).toBe(1);
    expect((JSON.parse(changed.stdout) as { check: string; accepted?: boolean }[]).filter((f) => f.check === 'numbers' && !f.accepted)).toHaveLength(1);
  });
});

describe('QA and the project: memory and publication', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await createTempProject();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
  });
  afterEach(() => project.remove());

  const memory = async () => JSON.parse(await readFile(path.join(project.dir, 'memory/en.json'), 'utf8')) as { source: string; target: string; state: string }[];

  it('a reviewed translation that fails QA is not memory, not final in TMX, and not published until accepted', async () => {
    const xliffFile = path.join(project.dir, 'locales/en', `${DOC}.xlf`);
    const xliff = await readFile(xliffFile, 'utf8');
    expect(xliff).toContain(`>${SOLDIERS}</target>`);
    const returned = path.join(project.dir, 'returned-en.xlf');
    await writeFile(returned, xliff.replace(`>${SOLDIERS}</target>`, `>${WRONG}</target>`));
    expect((await runCli(['import', returned], { cwd: project.dir })).code).toBe(0);

    expect((await memory()).map((entry) => entry.target)).not.toContain(WRONG);
    const tmx = (await runCli(['tm', 'export'], { cwd: project.dir })).stdout;
    expect(tmx).not.toMatch(new RegExp(`final</prop><seg>${WRONG}`));
    const checked = await runCli(['check', '--json'], { cwd: project.dir });
    expect(checked.code).toBe(1);
    const finding = (JSON.parse(checked.stdout) as { unit: string; check: string }[]).find((f) => f.check === 'numbers')!;
    const merged = await runCli(['merge'], { cwd: project.dir });
    expect(merged.stdout).toMatch(/usa-russland-is\s+en\s+withheld\s+1 QA error/);

    const accepted = await runCli(['accept', `locales/en/${DOC}.xlf`, '--unit', finding.unit, '--check', 'numbers'], { cwd: project.dir });
    expect(accepted.code).toBe(0);
    expect((await runCli(['check'], { cwd: project.dir })).code).toBe(0);
    // The next run writes the XLIFF again from the project: the acceptance stays with its target.
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    expect(await readFile(xliffFile, 'utf8')).toMatch(/QA accepted \(numbers\) [0-9a-f]{16}/);
    expect(JSON.parse(await readFile(path.join(project.dir, 'reports/qa.json'), 'utf8'))).toContainEqual(expect.objectContaining({ check: 'numbers', accepted: true }));
    expect(await readFile(path.join(project.dir, 'locales/en', `${DOC}.txt`), 'utf8')).toContain(WRONG);
  });
});
