// plan serve in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core through
// executablePath; no browser download). Skips, and says so, when there is no chromium. One browser for
// the file; each test opens its own page on a server of its own copy of the seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyToTemp, planAsync, ROOT, SEED } from '../helpers/run.js';
import { startServe, type ServeProcess } from '../helpers/serve.js';
import { compareScreenshot } from '../helpers/screenshots.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const NAME = 'progress_planning.md';
const seed = readFileSync(SEED, 'utf8');
const ROW_1_2 = '| 1.2 | Memory Tools Integration | \uf8ff\u00fc\u00ee\u00d1 Next | Connect metrics_collector.py |';
/** The docs' picture of the board (docs/serve.md), and the narrow one: made by this test, compared on each run. */
const SHOT_WIDE = join(ROOT, 'docs/images/serve-board.png');
const SHOT_NARROW = join(ROOT, 'test/fixtures/screenshots/serve-board-375.png');
/** Fraction of pixels that may differ from the committed screenshot (fonts vary between machines). */
const TOLERANCE = 0.03;

if (!CHROMIUM) {
  describe('plan serve in a browser', () => {
    it.skip('skipped: no chromium (apt-get install -y chromium; .ci/run installs it)', () => {});
  });
} else {
  describe('plan serve in a browser', () => {
    let browser: Browser;
    const servers: { s: ServeProcess; cleanup: () => void }[] = [];

    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM });
    });
    afterAll(async () => {
      await browser?.close();
      for (const x of servers) {
        await x.s.stop();
        x.cleanup();
      }
    });

    async function board(text = seed, width = 1280, height = 900): Promise<{ page: Page; file: string; errors: string[] }> {
      const t = copyToTemp(SEED, NAME);
      if (text !== seed) (await import('node:fs')).writeFileSync(t.file, text);
      // Served from its folder: the page shows the file's name, the same on every run (the screenshots).
      const s = await startServe(NAME, ['--no-touch'], t.dir);
      servers.push({ s, cleanup: t.cleanup });
      const page = await browser.newPage({ viewport: { width, height } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      await page.goto(s.url);
      await page.waitForSelector('.card');
      return { page, file: t.file, errors };
    }

    const columnOf = (page: Page, id: string) => page.locator(`.card[data-id="${id}"]`).evaluate((c) => (c.closest('.column') as HTMLElement).dataset.status);

    it('drag 1.2 to done: the file changes by exactly that cell; plan set and sed -i from outside show without a reload', async () => {
      const { page, file, errors } = await board();
      expect(await columnOf(page, '1.2')).toBe('in-progress');
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
      await page.dragAndDrop('.card[data-id="1.2"]', '.column[data-status="done"]');
      await page.waitForSelector('.column[data-status="done"] .card[data-id="1.2"]');
      expect(readFileSync(file, 'utf8')).toBe(seed.replace(ROW_1_2, '| 1.2 | Memory Tools Integration | ✅ Complete | Connect metrics_collector.py |'));
      expect((await planAsync(['-f', file, 'set', '1.3', 'blocked'])).code).toBe(0);
      await page.waitForSelector('.column[data-status="blocked"] .card[data-id="1.3"]');
      execFileSync('sed', ['-i', 's/Redis + VM Split/Redis and VM, split by hand/', file]);
      await page.getByText('Redis and VM, split by hand').waitFor();
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('keyboard: focus a card and press a column number to move it; e edits its title', async () => {
      const { page, file } = await board();
      await page.locator('.card[data-id="W2"]').focus();
      await page.keyboard.press('3'); // the third column: blocked
      await page.waitForSelector('.column[data-status="blocked"] .card[data-id="W2"]');
      const moved = seed.replace('| 2 | Grafana Dashboards | \u201a\u00e8\u2265 Pending |', '| 2 | Grafana Dashboards | ⛔ Blocked |');
      expect(readFileSync(file, 'utf8')).toBe(moved);
      await page.locator('.card[data-id="W3"]').focus();
      await page.keyboard.press('e');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('MCP Server, renamed');
      await page.keyboard.press('Enter');
      await page.getByText('MCP Server, renamed').waitFor();
      expect(readFileSync(file, 'utf8')).toBe(moved.replace('| 3 | MCP Server |', '| 3 | MCP Server, renamed |'));
      await page.close();
    });

    it('"No status" takes no card: no number, no drop; the numbers are the other columns', async () => {
      const text = seed.replace(ROW_1_2, '| 1.2 | Memory Tools Integration |  | Connect metrics_collector.py |');
      const { page, file, errors } = await board(text);
      expect(await columnOf(page, '1.2')).toBe('none');
      expect(await page.locator('.column[data-status="none"] h2 .status-label').textContent()).toBe('No status');
      const columns = await page.locator('.column').count();
      expect(await page.locator('#count').textContent()).toBe(String(columns - 1));
      await page.dragAndDrop('.card[data-id="W2"]', '.column[data-status="none"]');
      await page.locator('.card[data-id="W2"]').focus();
      await page.keyboard.press(String(columns)); // the number "No status" would have had
      await page.keyboard.press('3'); // then a real move, to know the page is done with the keys before it
      await page.waitForSelector('.column[data-status="blocked"] .card[data-id="W2"]');
      expect(readFileSync(file, 'utf8')).toBe(
        text.replace('| 2 | Grafana Dashboards | \u201a\u00e8\u2265 Pending |', '| 2 | Grafana Dashboards | ⛔ Blocked |'),
      );
      expect(await page.locator('.card .error').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('filters and grouping by heading are kept in the URL and survive a change to the file', async () => {
      const { page, file } = await board();
      await page.locator('#filters [name=owner]').fill('Opus');
      await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
      expect(await page.locator('.card').getAttribute('data-id')).toBe('9');
      await page.locator('#filters [name=by]').check();
      await page.locator('.column h3.heading').first().waitFor();
      expect(await page.locator('.column h3.heading').allTextContents()).toEqual(['Week 2']);
      const query = new URL(page.url()).searchParams;
      expect([query.get('owner'), query.get('by')]).toEqual(['Opus', 'heading']);
      expect((await planAsync(['-f', file, 'set', '9', 'done'])).code).toBe(0);
      await page.waitForSelector('.column[data-status="done"] .card[data-id="9"]');
      expect(await page.locator('.card').count()).toBe(1);
      await page.reload();
      await page.waitForSelector('.column[data-status="done"] .card[data-id="9"]');
      expect(await page.locator('#filters [name=owner]').inputValue()).toBe('Opus');
      expect(await page.locator('#filters [name=by]').isChecked()).toBe(true);
      await page.close();
    });

    it('a hostile title renders as text, and a refused write shows its reason on the card, which stays', async () => {
      const hostile = '<img src=x onerror="window.pwned=1">';
      const text = seed.replace('read_only: false', 'read_only: true').replace('| Redis + VM Split |', `| \`${hostile}\` |`);
      const { page, file } = await board(text);
      const title = page.locator('.card[data-id="1.3"] .title');
      expect(await title.textContent()).toBe(hostile);
      expect(await page.locator('.card img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      await page.dragAndDrop('.card[data-id="1.3"]', '.column[data-status="done"]');
      const reason = page.locator('.card[data-id="1.3"] .error');
      await reason.waitFor();
      expect(await reason.textContent()).toContain('read_only');
      expect(await columnOf(page, '1.3')).toBe('pending');
      expect(readFileSync(file, 'utf8')).toBe(text);
      await page.close();
    });

    it('screenshots at 1280 and 375 px match the committed ones; at 375 px the columns stack', async () => {
      const { page } = await board(seed, 1280, 800);
      const wide = compareScreenshot(await page.screenshot(), SHOT_WIDE);
      await page.setViewportSize({ width: 375, height: 800 });
      const boxes = await page.locator('.column').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect()).map((r) => [r.x, r.y]));
      expect(new Set(boxes.map(([x]) => x)).size).toBe(1);
      expect(boxes.map(([, y]) => y)).toEqual([...boxes.map(([, y]) => y)].sort((a, b) => a! - b!));
      const narrow = compareScreenshot(await page.screenshot(), SHOT_NARROW);
      for (const c of [wide, narrow]) {
        expect(c.sameSize).toBe(true);
        expect(c.differing).toBeLessThan(TOLERANCE);
      }
      await page.close();
    });
  });
}
