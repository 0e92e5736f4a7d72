// Current or former (issue 22): on a phone, a chip's editor says whether
// the person is still a customer; an end year is asked only when they are
// not said to be; the chip's summary, a reload and the Markdown export keep
// it, in English and in Chinese.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { addCompany, offOrigin, openPage, setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const PHONE = { width: 390, height: 844 };
const chip = '[data-testid=company-chip][data-org-id=att]';
const snowflake = (confidence) => `[data-testid=incident-card][data-incident-id=att-snowflake-2024][data-confidence=${confidence}]`;

const WORDS = {
  en: {
    options: ['current customer', 'former customer', 'not sure'],
    former: 'former customer',
    until: 'until 2016',
    years: '2010–2016',
    current: '2010–now',
    notSure: 'from 2010',
    mdFormer: '(former customer 2010–2016)',
    mdCurrent: '(current customer since 2010)',
  },
  'zh-Hans': {
    options: ['仍是客户', '以前是客户', '不确定'],
    former: '以前是客户',
    until: '至2016年',
    years: '2010–2016',
    current: '2010–至今',
    notSure: '2010年起',
    mdFormer: '（以前是客户，2010–2016年）',
    mdCurrent: '（仍是客户，2010年起）',
  },
};

async function markdown(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-markdown').click()]);
  return readFileSync(await download.path(), 'utf8');
}

for (const [lang, w] of Object.entries(WORDS)) for (const VIEW of [PHONE, { width: 1280, height: 900 }]) {
  test(`a former customer's end year, kept through a reload; a current one has none (${lang}, ${VIEW.width}×${VIEW.height})`, async () => {
    const { context, page, requests, errors } = await openPage(env, { acceptDownloads: true });
    try {
      await page.setViewportSize(VIEW);
      if (lang !== 'en') await page.getByTestId('lang-switch').selectOption(lang);
      await addCompany(page, 'AT&T');
      await page.waitForSelector(snowflake('confirmed'));
      const summary = page.locator(`${chip} [data-testid=company-period]`);
      const tenure = page.locator(`${chip} [data-testid=company-tenure]`);
      const from = page.locator(`${chip} [data-testid=period-from]`);
      const until = page.locator(`${chip} [data-testid=period-until]`);
      const shows = (text) => page.waitForFunction(
        ([s, t]) => document.querySelector(s)?.textContent === t,
        [`${chip} [data-testid=company-period]`, text],
      );
      await summary.click();
      assert.deepEqual(await tenure.locator('option').allTextContents(), w.options);
      assert.equal(await tenure.inputValue(), '', 'not said yet');
      // The control is a touch target and the editor fits the phone.
      const box = await tenure.boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, JSON.stringify(box));
      assert.ok(box.x + box.width <= VIEW.width, JSON.stringify(box));

      // Former, then the year it ended: the 2022 call records are after it.
      await tenure.selectOption('former');
      await shows(w.former);
      await until.fill('2016');
      await until.blur();
      await shows(w.until);
      await page.waitForSelector(snowflake('unlikely'), { state: 'attached' });
      await from.fill('2010');
      await from.blur();
      await shows(w.years);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), VIEW.width, 'nothing wider than the screen');

      // Kept through a reload, as said.
      await page.reload();
      await page.waitForSelector(snowflake('unlikely'), { state: 'attached' });
      assert.equal(await summary.textContent(), w.years);
      assert.equal(await tenure.inputValue(), 'former');
      assert.equal(await until.inputValue(), '2016');
      assert.ok((await markdown(page)).includes(w.mdFormer), 'the Markdown says former, with the years');

      // Still a customer: nothing ended, so no end year is asked and the
      // call records count again.
      await summary.click();
      await tenure.selectOption('current');
      await shows(w.current);
      await page.waitForSelector(`${chip} [data-testid=period-until]`, { state: 'detached' });
      await page.waitForSelector(snowflake('confirmed'));
      assert.ok((await markdown(page)).includes(w.mdCurrent), 'the Markdown says current');
      await page.reload();
      await page.waitForSelector(snowflake('confirmed'));
      assert.equal(await summary.textContent(), w.current);
      assert.equal(await until.count(), 0);

      // Not sure: the end year is asked again, empty.
      await summary.click();
      await tenure.selectOption({ value: '' });
      await shows(w.notSure);
      assert.equal(await until.inputValue(), '');
      assert.equal(await page.getByTestId('error-message').count(), 0);
      assert.deepEqual(offOrigin(env, requests), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
