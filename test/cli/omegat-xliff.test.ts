/**
 * #26: our XLIFF as OmegaT reads it. OmegaT's own XLIFF filter offers the text
 * of `<target>` for translation, so `l10n extract --for omegat` writes a copy
 * where each unapproved unit's target is its source (the engine's and the
 * memory's text beside it in `<alt-trans>`) and each approved unit is left
 * alone. Driven with the OmegaT that scripts/install-cat-tools.sh installs:
 * OmegaT shows the German, fills what its memory knows, and `l10n import`
 * takes its output back without applying a source copy as a translation.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const MARKDOWN = `# Hilfe

Die Anleitung steht auf [unserer Seite](https://beispiel.de/hilfe#netz) für alle Nutzer.

Der Server antwortet unter \`192.0.2.172\` auf jede Anfrage.
`;
const OMEGAT = '/usr/share/omegat/OmegaT.jar';

/** OmegaT in console mode on `project`, as its command line runs it. */
function omegat(project: string, ...args: string[]) {
  const result = spawnSync('java', ['-Djava.awt.headless=true', '-jar', OMEGAT, project, ...args], { encoding: 'utf8', timeout: 180_000 });
  expect(result.status, result.stderr).toBe(0);
}

describe('l10n extract --for omegat', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const omt = (...parts: string[]) => file('omegat-project', ...parts);

  beforeAll(async () => {
    server = await startFakeDeepL();
    project = await createTempProject();
    await writeFile(file('source/de/hilfe.md'), MARKDOWN);
    await writeFile(file('l10n.config.json'), JSON.stringify({ targetLocales: ['fr'], pseudoLocales: [] }));
    // The engine pre-fills hilfe.md; the article's French is the shipped reviewed translation.
    expect((await runCli(['run'], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url } })).code).toBe(0);
    const extracted = await runCli(['extract', '--for', 'omegat', '--out', omt('source')], { cwd: project.dir });
    expect(extracted.stderr).toBe('');
    expect(extracted.stdout).toContain(`2 file(s) for omegat in ${omt('source')}`);
    for (const folder of ['target', 'tm/auto', 'omegat', 'glossary']) await mkdir(omt(folder), { recursive: true });
    await writeFile(
      omt('omegat.project'),
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<omegat><project version="1.0"><source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>' +
        '<glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>' +
        '<source_lang>DE</source_lang><target_lang>FR</target_lang><sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations><remove_tags>false</remove_tags></project></omegat>\n',
    );
    // The team's memory, as OmegaT takes it: one sentence it knows.
    await writeFile(
      omt('tm/auto/team.tmx'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="de" datatype="plaintext"/><body>' +
        '<tu><tuv xml:lang="de"><seg>Hilfe</seg></tuv><tuv xml:lang="fr"><seg>Aide</seg></tuv></tu></body></tmx>\n',
    );
  }, 300_000);
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  it('writes files that validate against the XLIFF 1.2 schema', async () => {
    for (const name of ['hilfe.xlf', 'usa-russland-is.xlf']) {
      const validated = await runCli(['validate', omt('source/fr', name)], { cwd: project.dir });
      expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    }
    const copy = await readFile(omt('source/fr/hilfe.xlf'), 'utf8');
    // The engine's text is still there for tools that read alt-trans; the target is the German to translate.
    expect(copy).toContain('<target state="needs-translation">Der Server antwortet unter <ph id="1">`192.0.2.172`</ph> auf jede Anfrage.</target>');
    expect(copy).toMatch(/<alt-trans origin="deepl" alttranstype="proposal"><target>⟦FR⟧ Der Server/);
  }, 180_000);

  it('OmegaT offers the German sentences, not the engine’s text, and leaves approved units alone', async () => {
    omegat(omt(), '--mode=console-createpseudotranslatetmx', `--pseudotranslatetmx=${omt('segments.tmx')}`, '--pseudotranslatetype=equal');
    const segments = [...(await readFile(omt('segments.tmx'), 'utf8')).matchAll(/<seg>([^<]*)<\/seg>/g)].map((match) => match[1]!);
    expect(new Set(segments)).toEqual(
      new Set(['Hilfe', 'Die Anleitung steht auf &lt;f0&gt;unserer Seite&lt;/f0&gt; für alle Nutzer.', 'Der Server antwortet unter &lt;f0/&gt; auf jede Anfrage.']),
    );
  }, 180_000);

  it('l10n import takes OmegaT’s output back: its translation applied, the source copies it left not', async () => {
    omegat(omt(), '--mode=console-translate');
    const imported = await runCli(['import', omt('target/fr/hilfe.xlf'), omt('target/fr/usa-russland-is.xlf')], { cwd: project.dir });
    expect(imported.code, imported.stderr).toBe(0);
    const rows = imported.stdout.split('\n').filter((line) => line.includes('omegat-project'));
    // hilfe: "Aide" applied, the two source copies not; the article: every approved unit unchanged.
    expect(rows[0]).toMatch(/hilfe\.xlf\s+fr\s+1\s+0\s+0\s+0\s+0$/);
    expect(rows[1]).toMatch(/usa-russland-is\.xlf\s+fr\s+0\s+26\s+0\s+0\s+0$/);
    const ours = await readFile(file('locales/fr/hilfe.xlf'), 'utf8');
    expect(ours).toMatch(/<source>Hilfe<\/source>\s*<target[^>]*>Aide<\/target>/);
    expect(ours).toMatch(/<source>Der Server antwortet[^<]*<ph id="1">`192\.0\.2\.172`<\/ph>[^<]*<\/source>\s*<target[^>]*>⟦FR⟧ /);
  }, 180_000);
});
