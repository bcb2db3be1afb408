/**
 * #24: the run hands the report the texts it already has. Each finding in
 * `reports/qa.json` (and the record) carries the document's headline and the
 * unit's source and target, so the report is made without reading the XLIFF
 * of every pair with findings again.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFindings } from '../../src/cli/report.js';
import type { ReportFinding } from '../../src/pipeline.js';
import { startFakeDeepL, type FakeDeepL } from '../helpers/fake-deepl-server.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

describe('the texts of a run’s findings', () => {
  let server: FakeDeepL;
  let project: TempProject;
  let findings: ReportFinding[];
  beforeAll(async () => {
    server = await startFakeDeepL({ mistakes: ['number'] });
    project = await createTempProject({ bare: true });
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ targetLocales: ['es'], pseudoLocales: [] }));
    const run = await runCli(['run'], { cwd: project.dir, env: { DEEPL_AUTH_KEY: 'test-key', DEEPL_SERVER_URL: server.url } });
    expect(run.code).toBe(0);
    findings = JSON.parse(await readFile(path.join(project.dir, 'reports/qa.json'), 'utf8')) as ReportFinding[];
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  it('are in reports/qa.json: the headline, the German sentence and its translation', () => {
    const numbers = findings.filter((finding) => finding.check === 'numbers');
    expect(numbers.length).toBeGreaterThan(0);
    for (const finding of numbers) {
      expect(finding.title).toBe('USA und Russland rücken im Kampf gegen IS näher zueinander');
      expect(finding.source).toMatch(/\d/);
      expect(finding.target).toMatch(/^⟦ES⟧ /);
    }
  });

  it('make the report without the XLIFF', async () => {
    // A folder without any XLIFF: every text comes from the findings themselves.
    const described = await describeFindings(path.join(project.dir, 'no-such-folder'), findings, new Map([['locales/es/usa-russland-is.xlf', { docId: 'usa-russland-is', lang: 'es' }]]));
    expect(described[0]).toMatchObject({ docId: 'usa-russland-is', lang: 'es', title: findings[0]!.title, source: findings[0]!.source, target: findings[0]!.target });
  });
});
