/**
 * The review page in headless Chromium, as a reviewer uses it on a slow
 * project: saving a sentence again while the first save is still on its way,
 * and a token pasted into the address of a page that is already open.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.js';
import { loadProject } from '../../src/project.js';
import { startServer, type RunningServer } from '../../src/serve/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const CHROMIUM = '/usr/bin/chromium';
const DOC = 'usa-russland-is';
const TOKEN = 'review-page-token';
const available = existsSync(CHROMIUM) || process.env['CI'] !== undefined;

describe.runIf(available)('the review page, saving and signing in', () => {
  let project: TempProject;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    project = await createTempProject();
    const config = JSON.parse(await readFile(path.join(project.dir, 'l10n.config.json'), 'utf8'));
    await writeFile(path.join(project.dir, 'l10n.config.json'), JSON.stringify({ ...config, targetLocales: ['es'] }));
    expect((await runCli(['run'], { cwd: project.dir })).code).toBe(0);
    server = await startServer({ localesDir: path.join(project.dir, 'locales'), sourceLanguage: 'de' as Lang, port: 0, host: '127.0.0.1', review: { token: TOKEN, open: () => loadProject({ root: project.dir }) } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await project?.remove();
  });

  it('a second save of a sentence while the first is still on its way is no conflict with yourself', async () => {
    const page = await browser.newPage();
    // Saves that take a while, as on a big project: each one held back before it reaches the server.
    await page.route('**/api/review/*/*/units/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    let answered = 0;
    page.on('response', (response) => {
      if (response.request().method() === 'PUT') answered++;
    });
    await page.goto(`${server.url}/review/es/${DOC}#token=${TOKEN}`);
    const area = page.locator('textarea').nth(2);
    await area.waitFor();
    await area.fill('Primera versión.');
    await area.press('Control+Enter');
    await page.waitForFunction("document.getElementById('status').textContent === 'Saving…'");
    // Still editing while the first save is out: the second one is sent.
    await area.fill('Segunda versión, corregida.');
    await area.press('Control+Enter');
    await expect.poll(() => answered, { timeout: 15_000 }).toBe(2);
    await page.waitForFunction("document.getElementById('status').textContent === 'Saved'");
    expect(await page.locator('.conflict').count()).toBe(0);
    expect(await page.locator('textarea').nth(2).inputValue()).toBe('Segunda versión, corregida.');
    const xliff = await readFile(path.join(project.dir, 'locales/es', `${DOC}.xlf`), 'utf8');
    expect(xliff).toContain('Segunda versión, corregida.');
    await page.close();
  });

  it('what is typed in another sentence while a save is on its way stays there', async () => {
    const page = await browser.newPage();
    await page.route('**/api/review/*/*/units/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.goto(`${server.url}/review/es/${DOC}#token=${TOKEN}`);
    await page.locator('textarea').nth(4).waitFor();
    await page.locator('textarea').nth(3).fill('Guardada.');
    await page.locator('textarea').nth(3).press('Control+Enter');
    await page.locator('textarea').nth(4).fill('A medio escribir');
    await page.waitForFunction("document.getElementById('status').textContent === 'Saved'");
    expect(await page.locator('textarea').nth(4).inputValue()).toBe('A medio escribir');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(await page.locator('textarea').nth(4).getAttribute('id'));
    await page.close();
  });

  it('reads a #token= put into the address of the open page, without a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/review/es/${DOC}`);
    await page.locator('#token').waitFor();
    await page.evaluate('window.marker = 42');
    // Same document, new fragment: what pasting `#token=…` into the address bar does.
    await page.goto(`${server.url}/review/es/${DOC}#token=${TOKEN}`);
    await page.locator('textarea').first().waitFor({ timeout: 10_000 });
    expect(await page.evaluate('window.marker')).toBe(42);
    expect(await page.locator('#login').isHidden()).toBe(true);
    expect(page.url()).not.toContain(TOKEN);
    await page.close();
  });
});
