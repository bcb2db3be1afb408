/** #11: `l10n validate` handles files as large as the size limit allows, not only small ones. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

let project: TempProject;
beforeAll(async () => {
  project = await createTempProject({ bare: true });
});
afterAll(() => project.remove());

it('#11 validates a 25 MB XLIFF (libxml2 ran out of its 32 MiB from about 20 MB), and still finds an error in it', async () => {
  const units = Array.from(
    { length: 90_000 },
    (_, i) =>
      `    <trans-unit id="u${i}" xml:space="preserve">\n     <source>Das ist Satz ${i}, ein <g id="1">ganz</g> normaler Satz aus einem Artikel.</source>\n     <target state="translated">This is sentence ${i}, a <g id="1">perfectly</g> normal sentence from an article.</target>\n    </trans-unit>`,
  );
  const xml = (bad: boolean) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n <file original="a.txt" source-language="de" target-language="en" datatype="plaintext">\n  <body>\n${units.join('\n')}\n${bad ? '    <trans-unit id="x"><source>a</source><target state="done">b</target></trans-unit>\n' : ''}  </body>\n </file>\n</xliff>\n`;
  const file = path.join(project.dir, 'big.xlf');
  await writeFile(file, xml(false));
  expect(Buffer.byteLength(xml(false))).toBeGreaterThan(25e6);
  const valid = await runCli(['validate', file], { cwd: project.dir });
  expect([valid.code, valid.stderr, valid.stdout]).toEqual([0, '', `${file}: valid XLIFF 1.2 (90000 units, 90000 segments; schema 1.2-strict)\n`]);
  await writeFile(file, xml(true));
  const invalid = await runCli(['validate', file], { cwd: project.dir });
  expect(invalid.code).toBe(1);
  expect(invalid.stdout).toMatch(/big\.xlf:\d+: .*'done'/);
}, 60_000);
