// Register notices in the served page (issue 21): a company known only from
// a register gets "reported breach" cards; a curated incident lists the
// notices of its event; the data line names each register's date; the
// browser lists a register's notices; the first answer does not wait for
// notices.json.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCompany, dataReady, heldPage, offOrigin, openPage, setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('a company known only from a register has reported-breach cards with what the register says', async () => {
  const { context, page, requests } = await openPage(env);
  try {
    await addCompany(page, 'Erlanger Health');
    await page.waitForSelector('[data-testid=notice-card][data-register=hhs-ocr]', { timeout: 20000 });
    const card = page.locator('[data-testid=notice-card][data-notice-id="hhs-ocr-2026-07-01-erlanger-health-4237"]');
    const text = await card.textContent();
    for (const want of ['Reported breach', '4,237', 'Jul 1, 2026', 'TN', 'HHS']) assert.ok(text.includes(want), `${want} in ${text}`);
    // The register's date beside the data's.
    const asOf = await page.getByTestId('registers-as-of').textContent();
    assert.ok(asOf.includes('Jul 1, 2026') && asOf.includes('Apr 19, 2024'), asOf);
    // Its plan is built from what the register gives (health information).
    const types = await page.locator('[data-testid=exposed-type]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    assert.ok(types.includes('medical'), types.join());
    assert.deepEqual(offOrigin(env, requests), []);
  } finally {
    await context.close();
  }
});

test('a curated incident lists the register notices of its event, not as cards of their own', async () => {
  const { context, page } = await openPage(env);
  try {
    await addCompany(page, 'Change Healthcare');
    await page.waitForSelector('[data-testid=incident-card][data-incident-id=change-healthcare-2024] [data-testid=notice-card][data-linked=true]', { state: 'attached', timeout: 20000 });
    const linked = await page.locator('[data-testid=incident-card][data-incident-id=change-healthcare-2024] [data-testid=notice-card]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-register')));
    assert.ok(linked.includes('hhs-ocr'), linked.join());
    // The same notice is not a reported-breach card too.
    const ids = await page.locator('article[data-testid=notice-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-notice-id')));
    const inside = await page.locator('[data-testid=incident-card][data-incident-id=change-healthcare-2024] [data-testid=notice-card]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-notice-id')));
    for (const id of inside) assert.ok(!ids.includes(id), `${id} shown twice`);
  } finally {
    await context.close();
  }
});

test("the browser lists a register's notices on request", async () => {
  const { context, page } = await openPage(env);
  try {
    await page.goto(`${env.base}#/incidents`);
    await page.waitForSelector('[data-testid=incident-filter-register]', { timeout: 20000 });
    await page.getByTestId('incident-filter-register').selectOption('wa-ag');
    await page.waitForFunction(() => location.hash.includes('src=wa-ag'));
    const ids = await page.locator('[data-testid=incident-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-incident-id')));
    assert.ok(ids.length > 0 && ids.every((id) => id.startsWith('wa-ag-')), ids.slice(0, 5).join());
  } finally {
    await context.close();
  }
});

test('the first answer does not wait for the notices', async () => {
  const held = await heldPage(env, '**/data/notices.json');
  try {
    await held.page.goto(env.base);
    await dataReady(held.page);
    await addCompany(held.page, 'AT&T');
    await held.page.waitForSelector('[data-testid=incident-card]', { timeout: 20000 });
    assert.equal(await held.page.locator('[data-testid=registers-as-of]').count(), 0, 'notices still on the way');
    held.release();
    await held.page.waitForSelector('[data-testid=registers-as-of]', { timeout: 20000 });
    assert.deepEqual(held.errors, []);
  } finally {
    await held.context.close();
  }
});

test("the first answer does not wait for the incidents' long texts, which come after it", async () => {
  const held = await heldPage(env, '**/data/details.json');
  try {
    await held.page.goto(env.base);
    await dataReady(held.page);
    await addCompany(held.page, 'AT&T');
    const card = held.page.locator('[data-testid=incident-card][data-incident-id=att-snowflake-2024]');
    await card.waitFor({ timeout: 20000 });
    await card.locator('.card-more > summary').click();
    await card.getByTestId('details-loading').waitFor();
    assert.equal(await card.locator('.sources').count(), 0, 'no empty source list meanwhile');
    assert.equal(await held.page.locator('[data-testid=registers-as-of]').count(), 0, 'the notices come after the texts');
    held.release();
    await card.locator('.sources').waitFor({ timeout: 20000 });
    assert.equal(await card.getByTestId('details-loading').count(), 0);
    assert.ok((await card.locator('.summary').textContent()).length > 40, 'the summary is in');
    await held.page.waitForSelector('[data-testid=registers-as-of]', { timeout: 20000 });
    assert.deepEqual(held.errors, []);
  } finally {
    await held.context.close();
  }
});

test('a company the first part of the names does not hold is "still checking", not unknown, until the rest arrives', async () => {
  const held = await heldPage(env, '**/data/organizations-more.json');
  try {
    await held.page.goto(env.base);
    await dataReady(held.page);
    await addCompany(held.page, 'Goldman Sachs');
    const status = held.page.locator('[data-testid=company-status]');
    await held.page.waitForSelector('[data-testid=company-status][data-status=checking]', { timeout: 20000 });
    assert.equal(await held.page.locator('[data-status=not-in-data]').count(), 0, 'never "not in our data" meanwhile');
    assert.match(await held.page.getByTestId('verdict').textContent(), /still checking/);
    // AT&T's answer is there meanwhile.
    await addCompany(held.page, 'AT&T');
    await held.page.locator('[data-testid=incident-card][data-incident-id=att-snowflake-2024]').waitFor({ timeout: 20000 });
    held.release();
    await held.page.waitForSelector('[data-testid=company-status][data-status=no-known-incident]', { timeout: 20000 });
    assert.equal(await status.getAttribute('data-org-id'), 'goldman-sachs');
    assert.deepEqual(held.errors, []);
  } finally {
    await held.context.close();
  }
});
