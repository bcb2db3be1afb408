/**
 * A Markdown article as the server shows it: its title once (the front
 * matter's `title` is the page's title, the `#` heading the page's heading),
 * lists as lists and headings at their level, as the source has them.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const ARTICLE = `---
title: Ein kurzer Bericht
---

# Ein kurzer Bericht

Der erste Absatz ist hier. Er hat zwei Sätze.

- Der erste Punkt.
- Der zweite Punkt mit **Nachdruck**.

## Zweiter Teil

1. Zuerst dies.
2. Dann das.

Noch ein Absatz.
`;

describe('a Markdown article on the server', () => {
  let project: TempProject;
  let server: RunningServer;

  beforeAll(async () => {
    project = await createTempProject({ bare: true });
    await writeFile(path.join(project.dir, 'source/de/bericht.md'), ARTICLE);
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    server = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1', pseudo: true });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await project?.remove();
  });

  it('shows the title once, lists as lists and the heading at its level', async () => {
    const page = await (await fetch(`${server.url}/articles/bericht`)).text();
    const body = page.slice(page.indexOf('<article>'), page.indexOf('</article>'));
    expect(body.match(/<h1>/g)).toHaveLength(1);
    expect(body).toContain('<h1>Ein kurzer Bericht</h1>');
    expect(page).toContain('<title>Ein kurzer Bericht</title>');
    expect(body).toContain('<ul>\n<li>Der erste Punkt.</li>\n<li>Der zweite Punkt mit <strong>Nachdruck</strong>.</li>\n</ul>');
    expect(body).toContain('<h2>Zweiter Teil</h2>');
    expect(body).toContain('<ol>\n<li>Zuerst dies.</li>\n<li>Dann das.</li>\n</ol>');
    expect(body).toContain('<p>Noch ein Absatz.</p>');
  });

  it('keeps that structure in a translation', async () => {
    const page = await (await fetch(`${server.url}/articles/bericht?lng=en-XA`)).text();
    const body = page.slice(page.indexOf('<article>'), page.indexOf('</article>'));
    expect(body.match(/<h1>/g)).toHaveLength(1);
    expect(body.match(/<li>/g)).toHaveLength(4);
    expect(body).toMatch(/<h2>[^<]+<\/h2>/);
  });
});
