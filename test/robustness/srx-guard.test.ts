/** #11: a user's SRX rules cannot hang a run: a rule that backtracks without end is stopped and named. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const srx = (rule: string) => `<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header cascade="no"/>
<body>
<languagerules>
<languagerule languagerulename="Mine">
${rule}
<rule break="yes"><beforebreak>[.!?]</beforebreak><afterbreak>\\s</afterbreak></rule>
</languagerule>
</languagerules>
<maprules><languagemap languagepattern="de.*" languagerulename="Mine"/></maprules>
</body>
</srx>
`;

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject({ bare: true });
});
afterAll(() => project.remove());

describe('#11 user SRX rules run under a time budget', () => {
  it.each([
    ['a break rule (a+)+$', '<rule break="yes"><beforebreak>(a+)+$</beforebreak><afterbreak></afterbreak></rule>', `${'a'.repeat(41)}!`],
    ['a break rule (x|xx)+y', '<rule break="yes"><beforebreak>(x|xx)+y</beforebreak><afterbreak></afterbreak></rule>', 'x'.repeat(60)],
    ['an exception ^(a+)+\\.', '<rule break="no"><beforebreak>^(a+)+\\.</beforebreak><afterbreak>\\s</afterbreak></rule>', `b${'a'.repeat(41)}. Ende.`],
  ])('%s on a short block: one line naming the rule, the block and the file, exit 2, and nothing written', async (_name, rule, block) => {
    const rules = path.join(project.dir, 'evil.srx');
    await writeFile(rules, srx(rule));
    const text = path.join(project.dir, 'text.txt');
    await writeFile(text, `Ein Satz. Noch einer.\n\n${block}\n`);
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ segmentation: { srx: 'evil.srx' } }));

    const normalStart = performance.now();
    const normal = await runCli(['segment', text], { cwd: project.dir });
    const normalMs = performance.now() - normalStart;
    expect(normal.code).toBe(0);

    const started = performance.now();
    const result = await runCli(['segment', text, '--srx', rules], { cwd: project.dir });
    const hostileMs = performance.now() - started;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^l10n: .*evil\.srx:7: a segmentation rule took more than 0\.3 s on block p2 of text \(its pattern backtracks without end/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(hostileMs / normalMs).toBeLessThan(5);

    await writeFile(path.join(project.dir, 'source/de/evil.txt'), `Ein Satz. Noch einer.\n\n${block}\n`);
    const before = await snapshotTree(project.dir);
    const run = await runCli(['run'], { cwd: project.dir });
    expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(/evil\.srx:7: .* on block p2 of evil/)]);
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('sane user rules segment as before, block after block', async () => {
    await writeFile(path.join(project.dir, 'l10n.config.json'), '{}');
    const rules = path.join(project.dir, 'mine.srx');
    await writeFile(rules, srx('<rule break="no"><beforebreak>\\bNr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>'));
    const text = path.join(project.dir, 'text.txt');
    await writeFile(text, 'Das gilt für Nr. 5 hier. Und dort!\n\nZweiter Absatz. Ende.\n');
    const result = await runCli(['segment', text, '--srx', rules], { cwd: project.dir });
    expect([result.code, result.stdout]).toEqual([0, 'Das gilt für Nr. 5 hier.\nUnd dort!\nZweiter Absatz.\nEnde.\n']);
  });
});
