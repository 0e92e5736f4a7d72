// Accessibility: axe-core run in the served page on every view, in English
// and Chinese; no serious or critical violation is allowed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { addCompany, shellPage, openPage, setup } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Serious and critical violations on the current view. */
async function audit(page) {
  // page.evaluate runs outside the page's CSP, so axe needs no inline script.
  const result = await page.evaluate(async (src) => {
    if (!window.axe) (0, eval)(src);
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, target: v.nodes[0]?.target }));
  }, AXE);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const views = [
  ['empty check view', async () => {}],
  ['quick picks open', async (page) => {
    await page.locator('.quick-picks > summary').click();
    await page.waitForSelector('[data-testid=quick-pick]');
  }],
  ['results with incidents, summary and plan', async (page) => {
    await addCompany(page, 'Bank of America');
    await addCompany(page, 'AT&T');
    await page.waitForSelector('[data-testid=action-item]');
  }],
  ['autocomplete open', async (page) => {
    await page.getByTestId('company-input').fill('tick');
    await page.waitForSelector('[data-testid=company-suggestion]');
  }],
  ['incident browser', async (page) => {
    await page.goto(`${env.base}#/incidents?third=1`);
    await page.waitForSelector('[data-testid=incident-row]');
  }],
  ['incident page', async (page) => {
    await page.goto(`${env.base}#/incident/infosys-mccamish-2023`);
    await page.waitForSelector('[data-testid=incident-page]');
  }],
  ['unlikely matches opened, customer years set', async (page) => {
    await addCompany(page, 'AT&T');
    await page.locator('[data-testid=company-chip][data-org-id=att] [data-testid=company-period]').click();
    await page.locator('[data-testid=company-chip][data-org-id=att] [data-testid=period-from]').fill('2021');
    await page.locator('[data-testid=company-chip][data-org-id=att] [data-testid=period-from]').press('Enter');
    await page.locator('details.unlikely > summary').click();
    await page.waitForSelector('[data-testid=incident-card][data-confidence=unlikely]');
  }],
  ['error message shown', async (page) => {
    await page.evaluate(() => localStorage.setItem('exposure-check/progress', 'not json'));
    await page.reload();
    await page.waitForSelector('[data-testid=error-message]');
  }],
  ['Chinese interface with results', async (page) => {
    await page.getByTestId('lang-switch').selectOption('zh-Hans');
    await addCompany(page, 'Ticketmaster');
    await page.waitForSelector('[data-testid=incident-card]');
  }],
];

for (const [name, prepare] of views) {
  test(`axe: ${name}`, async () => {
    const { context, page } = await openPage(env);
    try {
      await prepare(page);
      const bad = await audit(page);
      assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
    } finally {
      await context.close();
    }
  });
}

// The static company box of index.html, shown until the app's code arrives
// (held back here), in both languages.
for (const lang of ['en', 'zh-Hans']) {
  test(`axe: the static company box before the code (${lang})`, async () => {
    const { context, page } = await shellPage(env, { lang }); // never released
    try {
      await page.getByTestId('company-input').fill('Bank of America');
      await page.getByTestId('company-input').press('Enter');
      await page.waitForSelector('#shell-chips li');
      const bad = await audit(page);
      assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
    } finally {
      await context.close();
    }
  });
}
