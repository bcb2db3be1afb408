/**
 * The article page in a real browser: headless Debian Chromium driven by
 * playwright-core (installed by scripts/install-chromium.sh, which .ci/run calls).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const CHROMIUM = '/usr/bin/chromium';
const DOC = 'usa-russland-is';
// In CI a missing browser is a failure; on a developer machine without it, say how to get it.
const available = existsSync(CHROMIUM) || process.env['CI'] !== undefined;
if (!available) console.warn('browser test skipped: run scripts/install-chromium.sh');

describe.runIf(available)('the article page in Chromium', () => {
  let project: TempProject;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    project = await createTempProject();
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    server = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // No sandbox as root; no background networking: this machine reaches nothing but 127.0.0.1.
      // Playwright gives the browser a fresh temporary profile.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await project?.remove();
  });

  it('shows the article in the browser’s language, and switches language from the page', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/articles/${DOC}`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Les États-Unis et la Russie se rapprochent dans la lutte contre l’EI');

    await Promise.all([page.waitForURL(/lng=en$/), page.click('nav a[hreflang="en"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.textContent('h1')).toBe('US and Russia move closer together in the fight against IS');
    expect(await page.textContent('.caption')).toBe('Photo: dpa');
    expect(await page.textContent('nav strong')).toBe('English');

    await Promise.all([page.waitForURL(/lng=de$/), page.click('nav a[hreflang="de"]')]);
    expect(await page.textContent('h1')).toBe('USA und Russland rücken im Kampf gegen IS näher zueinander');
    await context.close();
  });

  it('shows German, whole, for a language the article is not published in', async () => {
    const context = await browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto(`${server.url}/articles/${DOC}`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    const paragraphs = await page.locator('article p').allTextContents();
    expect(paragraphs.join(' ')).toContain('Moskau hatte zuletzt');
    await context.close();
  });
});
