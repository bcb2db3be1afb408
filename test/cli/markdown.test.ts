/**
 * A Markdown article next to the seed in `source/de/`, through every stage
 * with the local DeepL server: its links, emphasis and code spans come back
 * in place in every locale, and everything that is not a sentence is left as
 * it was.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const ARTICLE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../formats/fixtures/markdown/bundestag.md');
/** Links, emphasis, code spans, breaks: what must come back byte for byte. */
const MARKUP = /\]\([^)]*\)|\*\*|(?<!\*)\*(?!\*)|`[^`]*`|<br>|<https?:[^>]*>|\]\[live\]/g;

describe('a Markdown article in the source folder', () => {
  let server: FakeDeepL;
  let project: TempProject;
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const deepl = () => ({ DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url });

  beforeEach(async () => {
    server = await startFakeDeepL();
    project = await createTempProject();
    await writeFile(file('source/de/bundestag.md'), await readFile(ARTICLE));
    await writeFile(file('l10n.config.json'), JSON.stringify({ targetLocales: ['es', 'pl', 'ja'], pseudoLocales: [] }));
  });
  afterEach(async () => {
    await server.close();
    await project.remove();
  });

  it('comes out in es, pl and ja with every link, emphasis and code span in place; a second run sends nothing', async () => {
    const first = await runCli(['run', '--json'], { cwd: project.dir, env: deepl() });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const source = await readFile(ARTICLE, 'utf8');
    const markup = (text: string) => text.match(MARKUP)?.sort();
    for (const lang of ['es', 'pl', 'ja']) {
      const localised = await readFile(file('locales', lang, 'bundestag.md'), 'utf8');
      expect(markup(localised), lang).toEqual(markup(source));
      expect(localised, lang).toContain(`⟦${lang.toUpperCase()}⟧`);
      // What is not a sentence is as it was: front matter, code block, comment, image, definitions.
      for (const line of source.split('\n').filter((l) => /^(?:title:|```|const |<!--|!\[|\[live\]:|\| --- )/.test(l))) expect(localised, lang).toContain(line);
      expect(localised.split('\n').length, lang).toBe(source.split('\n').length);
    }
    const calls = server.calls.length;
    const second = await runCli(['run', '--json'], { cwd: project.dir, env: deepl() });
    expect(second.code).toBe(0);
    expect(server.calls.length).toBe(calls);
  });
});
