// The incident browser and incident pages in the served page: filters change
// the list and the address, rows and cards lead to incident pages, clients
// link to the incidents that involve them, and the browser's Back works.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCompany, offOrigin, openPage, setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const rows = (page) => page.locator('[data-testid=incident-row]');
const rowIds = (page) => rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-incident-id')));

test('filters narrow the list and are kept in the address', async () => {
  const { context, page, requests } = await openPage(env);
  try {
    await page.getByTestId('nav-incidents').click();
    await page.waitForSelector('[data-testid=incident-browser]');
    const all = await rows(page).count();
    assert.ok(all >= 6, `${all} incidents listed`);

    await page.getByTestId('incident-filter-type').selectOption('call_records');
    await page.waitForFunction(() => location.hash.includes('type=call_records'));
    assert.deepEqual(await rowIds(page), ['att-snowflake-2024']);

    await page.getByTestId('incident-filter-type').selectOption('');
    await page.getByTestId('incident-filter-third').check();
    await page.waitForFunction(() => location.hash.includes('third=1'));
    const third = await rowIds(page);
    assert.ok(third.includes('infosys-mccamish-2023') && !third.includes('att-data-leak-2024'), third.join());

    await page.getByTestId('incident-filter-third').uncheck();
    await page.getByTestId('incident-search').fill('snowflake');
    await page.waitForFunction(() => location.hash.includes('q=snowflake'));
    const found = await rowIds(page);
    assert.ok(found.includes('ticketmaster-snowflake-2024') && found.includes('att-snowflake-2024'), found.join());
    assert.ok(!found.includes('infosys-mccamish-2023'));

    // The address alone restores the view.
    await page.reload();
    await page.waitForSelector('[data-testid=incident-browser]');
    assert.equal(await page.getByTestId('incident-search').inputValue(), 'snowflake');
    assert.deepEqual(await rowIds(page), found);
    assert.deepEqual(offOrigin(env, requests), []);
  } finally {
    await context.close();
  }
});

test('an incident page from a row, clients linking on, and Back', async () => {
  const { context, page } = await openPage(env);
  try {
    await page.goto(`${env.base}#/incidents?year=2023`);
    await page.waitForSelector('[data-testid=incident-row][data-incident-id=infosys-mccamish-2023]');
    await page.locator('[data-testid=incident-row][data-incident-id=infosys-mccamish-2023] a.row-title').click();
    await page.waitForSelector('[data-testid=incident-page][data-incident-id=infosys-mccamish-2023]');
    const text = await page.getByTestId('incident-page').textContent();
    for (const want of ['LockBit', '57,028', 'Timeline', 'Sources']) assert.ok(text.includes(want), want);
    await page.locator('[data-testid=incident-page] a[data-org-id=bank-of-america]').click();
    await page.waitForFunction(() => location.hash === '#/incidents?org=bank-of-america');
    const involving = await rowIds(page);
    assert.ok(involving.includes('infosys-mccamish-2023'), involving.join());
    assert.ok(!involving.includes('att-snowflake-2024'), 'only incidents that involve the bank');
    await page.goBack();
    await page.waitForSelector('[data-testid=incident-page][data-incident-id=infosys-mccamish-2023]');
  } finally {
    await context.close();
  }
});

test('every incident card leads to its page', async () => {
  const { context, page } = await openPage(env);
  try {
    await addCompany(page, 'AT&T');
    await page.waitForSelector('[data-testid=incident-card]');
    const ids = await page.locator('[data-testid=incident-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-incident-id')));
    for (const id of ids) {
      // The link is with the card's details, opened on demand.
      const card = page.locator(`[data-testid=incident-card][data-incident-id=${id}]`);
      await card.locator('.card-more > summary').click();
      await card.getByTestId('incident-link').click();
      await page.waitForSelector(`[data-testid=incident-page][data-incident-id=${id}]`);
      await page.getByTestId('nav-check').click();
      await page.waitForSelector('[data-testid=incident-card]');
    }
    // An unknown incident address says so instead of showing a blank page.
    await page.goto(`${env.base}#/incident/not-an-incident`);
    await page.waitForSelector('[data-testid=incident-page] [data-testid=error-message]');
  } finally {
    await context.close();
  }
});
