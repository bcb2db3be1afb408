/**
 * Accepting a QA finding on the review API says "this text is fine as it is":
 * it must not change who wrote the text. A sentence filled from the memory
 * (an engine's text a reviewer signed off before) stays the memory's after
 * the finding is accepted, on the page and in the memory itself.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { loadProject } from '../../src/project.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const DOC = 'usa-russland-is';
const TOKEN = 'accept-token';
const SOURCE = 'Islamistische Rebellen haben unterdessen 56 syrische Soldaten getötet, die sie bei der Eroberung eines Militärflughafens im Nordwesten des Landes gefangen genommen hatten.';
// 65 where the German says 56: the numbers check's error, which the reviewer accepts (say, a corrected figure).
const TARGET = 'Mientras tanto, rebeldes islamistas han matado a 65 soldados sirios que habían capturado al tomar un aeropuerto militar en el noroeste del país.';

interface Unit { id: string; source: string; target: string | null; state: string; origin: string; version: string; findings: { check: string; severity: string; accepted?: boolean }[] }

describe('accepting a finding on the review API', () => {
  let project: TempProject;
  let server: RunningServer;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

  beforeAll(async () => {
    project = await createTempProject();
    await mkdir(path.join(project.dir, 'memory'), { recursive: true });
    await writeFile(path.join(project.dir, 'memory/es.json'), JSON.stringify([{ source: SOURCE, target: TARGET, state: 'reviewed', origin: 'machine', engine: 'deepl' }], null, 2));
    const config = JSON.parse(await readFile(path.join(project.dir, 'l10n.config.json'), 'utf8'));
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ ...config, targetLocales: ['es'] }));
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    server = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1', review: { token: TOKEN, open: () => loadProject({ root: project.dir }) } });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  const unit = async () => ((await (await fetch(`${server.url}/api/review/es/${DOC}`, { headers })).json()) as { units: Unit[] }).units.find((candidate) => candidate.source === SOURCE)!;
  const put = (id: string, version: string, body: unknown) => fetch(`${server.url}/api/review/es/${DOC}/units/${id}`, { method: 'PUT', headers: { ...headers, 'if-match': version }, body: JSON.stringify(body) });

  it('keeps the origin of the text, on the unit and in the memory', async () => {
    const before = await unit();
    expect(before.target).toBe(TARGET);
    expect(before.origin).toBe('memory');
    expect(before.findings.some((finding) => finding.check === 'numbers' && finding.severity === 'error')).toBe(true);

    // Accepted, the text as it was: nobody wrote anything new.
    const accepted = await put(before.id, before.version, { text: TARGET, approve: false, accept: { check: 'numbers', note: 'the figure was corrected' } });
    expect(accepted.status).toBe(200);
    const after = await unit();
    expect(after.findings.find((finding) => finding.check === 'numbers')?.accepted).toBe(true);
    expect(after.origin).toBe('memory');

    // Then approved as it is: into the memory as the engine's text a reviewer signed off, not as a person's.
    expect((await put(after.id, after.version, { text: TARGET, approve: true })).status).toBe(200);
    expect((await unit()).state).toBe('reviewed');
    const memory = JSON.parse(await readFile(path.join(project.dir, 'memory/es.json'), 'utf8')) as { source: string; target: string; origin?: string; engine?: string }[];
    const entry = memory.find((candidate) => candidate.source === SOURCE && candidate.target === TARGET);
    expect(entry).toMatchObject({ origin: 'machine', engine: 'deepl' });
  });

  it('an edited text is the reviewer\'s own', async () => {
    const before = await unit();
    const text = TARGET.replace('Mientras tanto', 'Entretanto');
    expect((await put(before.id, before.version, { text, approve: false, accept: { check: 'numbers', note: 'the figure was corrected' } })).status).toBe(200);
    expect((await unit()).origin).toBe('human');
  });
});
