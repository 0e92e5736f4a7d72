// The verdict in the served page (issue 22): the answer in short comes
// first, on one phone screen and on a desktop, in English and Chinese, and
// its first steps lead to the plan.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCompany, openPage, setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

for (const [width, height] of [[390, 844], [1280, 900]]) {
  test(`the verdict heads the results and fits one screen at ${width}x${height}, in both languages`, async () => {
    const { context, page, errors } = await openPage(env);
    try {
      await page.setViewportSize({ width, height });
      for (const name of ['AT&T', 'Bank of America']) await addCompany(page, name);
      const verdict = page.getByTestId('verdict');
      await verdict.waitFor({ timeout: 20000 });
      assert.equal(await verdict.getAttribute('data-as-of'), '2026-07-01');
      assert.equal(await verdict.getAttribute('data-companies-hit'), '2');
      const text = await verdict.textContent();
      assert.ok(text.includes('2 of your 2 companies were in'), text);
      assert.ok(text.includes('Social Security number'), text);
      // Above the first card, and no taller than the screen.
      const box = await verdict.boundingBox();
      const card = await page.locator('[data-testid=incident-card]').first().boundingBox();
      assert.ok(box.y < card.y, 'the verdict comes first');
      assert.ok(box.height <= height, `verdict ${box.height}px tall on a ${height}px screen`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
      // A first step leads to its action in the plan.
      const step = verdict.locator('.verdict-steps a').first();
      const id = await step.getAttribute('data-action-id');
      await step.click();
      await page.waitForFunction((h) => location.hash === h, `#action-${id}`);
      assert.ok(await page.locator(`#action-${id}`).isVisible());
      // In Chinese.
      await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hans');
      await page.waitForFunction(() => document.querySelector('[data-testid=verdict]')?.textContent.includes('你的 2 家公司中有 2 家'));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
