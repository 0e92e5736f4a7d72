// Shared set-up for the end-to-end tests: serve dist/, launch Debian's
// Chromium through playwright-core, and record every request the page makes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function setup() {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run ./x build first');
  const server = await startServer(dist, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS,
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A fresh context and page that records requests, console errors and CSP violations. */
export async function openPage(env, { acceptDownloads = false } = {}) {
  const context = await env.browser.newContext({ acceptDownloads, serviceWorkers: 'block' });
  // Record Content-Security-Policy violations (the init script runs outside the page's CSP).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() || '' }));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(env.base);
  await dataReady(page);
  return { context, page, requests, errors };
}

/**
 * Waits until the breach data is in: the company box takes typing before
 * that (aria-busy while the data downloads), but suggestions need the data.
 */
export async function dataReady(page) {
  await page.waitForSelector('[data-testid=company-input][aria-busy=false]', { timeout: 20000 });
}

/**
 * A fresh page whose requests matching `pattern` (the app's code, or its
 * data) wait until `release()` is called, or for ever if it is not: the page
 * as a person uses it while those are still on the way. `lang` is saved as
 * the language choice before the page loads.
 */
export async function heldPage(env, pattern, { lang } = {}) {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  if (lang) await context.addInitScript((l) => localStorage.setItem('exposure-check/lang', l), lang);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return { context, page, errors, release };
}

/** The page with the app's code held back, opened: only index.html's static box (the shell) is there. */
export async function shellPage(env, { lang } = {}) {
  const held = await heldPage(env, '**/*.wasm', { lang });
  await held.page.goto(env.base);
  await held.page.waitForSelector('#shell [data-testid=company-input]');
  return held;
}

/**
 * Waits until the Infosys McCamish card (Bank of America's) shows its
 * Chinese title: the data's Chinese texts (zh.json) are in the engine.
 */
export async function chineseCardShown(page) {
  await page.waitForFunction(() => document.querySelector(
    '[data-testid=incident-card][data-incident-id=infosys-mccamish-2023] h3')?.textContent.includes('遭勒索软件攻击'));
}

/** Pastes text into the company box (a paste event with it, as a browser sends). */
export async function pasteIntoBox(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.querySelector('[data-testid=company-input]')
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** Types a company name and presses Enter, like a person. */
export async function addCompany(page, name) {
  await dataReady(page);
  const input = page.getByTestId('company-input');
  await input.click();
  await input.fill(name);
  await input.press('Enter');
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=company-input]').value === '' || n === '',
    name,
  );
}

/** What the page shows: matches, exposed types, actions, paths. */
export async function readResults(page) {
  return page.evaluate(() => {
    const all = (sel) => Array.from(document.querySelectorAll(sel));
    return {
      chips: all('[data-testid=company-chip]').map((e) => e.getAttribute('data-org-id')),
      incidents: all('[data-testid=incident-card]').map((e) => ({
        id: e.getAttribute('data-incident-id'),
        confidence: e.getAttribute('data-confidence'),
        path: (e.querySelector('[data-testid=match-path]')?.getAttribute('data-path') || '').split(' ').filter(Boolean),
      })),
      types: all('[data-testid=exposed-type]').map((e) => e.getAttribute('data-type')),
      actions: all('[data-testid=action-item]').map((e) => e.getAttribute('data-action-id')),
    };
  });
}

/** Content-Security-Policy violations seen by the page so far. */
export function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

/** Requests that left the page's origin. */
export function offOrigin(env, requests) {
  const origin = new URL(env.base).origin;
  return requests.filter((r) => {
    const u = new URL(r.url);
    if (u.protocol === 'blob:' || u.protocol === 'data:') return false;
    return u.origin !== origin;
  });
}

/** The acceptance scenarios: the founding ones and those of trustworthy answers. */
export function scenarios() {
  return ['public.json', 'trust.json'].flatMap(
    (f) => JSON.parse(readFileSync(join(ROOT, 'tests', 'scenarios', f), 'utf8')).scenarios,
  );
}
