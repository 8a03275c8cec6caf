// Headless Chromium (the Debian package) driven by playwright-core, with the flags a sandboxed CI machine needs,
// plus a pixel check of rendered plots.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Launches Chromium with a fresh profile directory; returns {context, close}. */
export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'muwclass-webtest-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Screenshots an element and measures its pixels in the page (canvas): the share of non-white pixels and the
 * number of distinct colours, so a test can tell a drawn plot from an empty frame.
 */
export async function pixelStats(page, locator) {
  const png = await locator.screenshot();
  return page.evaluate(async b64 => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) ink++;
      colours.add((d[i] >> 4) << 8 | (d[i + 1] >> 4) << 4 | (d[i + 2] >> 4));
    }
    return { width: c.width, height: c.height, inkFraction: ink / (c.width * c.height), colours: colours.size };
  }, png.toString('base64'));
}

/** Saves a full-page screenshot under SCREENSHOT_DIR (default webtest/out). */
export async function saveScreenshot(page, name) {
  const dir = process.env.SCREENSHOT_DIR || path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'out');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Saves a screenshot of one element under SCREENSHOT_DIR: a full-page screenshot clipped to the element's box, so
 * sticky table headers stay where they belong (an element screenshot scrolls the page under them).
 */
export async function saveElementScreenshot(page, locator, name) {
  const dir = process.env.SCREENSHOT_DIR || path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'out');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0)); // sticky headers are placed against the scrolled viewport
  const box = await locator.evaluate(e => {
    const r = e.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({ path: file, fullPage: true, clip: box });
  return file;
}
