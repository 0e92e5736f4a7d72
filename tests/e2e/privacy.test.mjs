// Proof of privacy over a whole session: type, paste, import a catalogue,
// tick, export in every format, switch language, open an incident page.
// Not one request leaves the page's origin, no typed name appears in any
// request, and the Content-Security-Policy is never violated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, addCompany, cspViolations, offOrigin, openPage, pasteIntoBox, readResults, setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('a full session sends nothing anywhere', async () => {
  const { context, page, requests, errors } = await openPage(env, { acceptDownloads: true });
  const typed = ['Bank of America', 'Hollow Creek Bakery', 'Kaiser Permanente', 'Ticketmaster', 'Acme Dental Clinic'];
  try {
    // Type.
    await addCompany(page, typed[0]);
    await addCompany(page, typed[1]);
    // Paste.
    await page.getByTestId('company-input').focus();
    await pasteIntoBox(page, typed.slice(2).join('\n'));
    await page.waitForSelector('[data-testid=company-chip][data-org-id=ticketmaster]');
    // Import a catalogue (hostile content included).
    await page.getByTestId('import-file').setInputFiles(join(ROOT, 'tests', 'fixtures', 'hibp-small.json'));
    await page.waitForSelector('.import .notice');
    // Tick.
    await page.locator('[data-testid=action-item][data-action-id=credit_freeze] input').check();
    // Export in every format.
    for (const hook of ['export-markdown', 'export-json', 'export-ics']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(hook).click()]);
      assert.ok(readFileSync(await download.path(), 'utf8').length > 100, hook);
    }
    // Switch language, browse, reload.
    await page.getByTestId('lang-switch').selectOption('zh-Hans');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    await page.locator('[data-testid=incident-card] .card-more > summary').first().click();
    await page.locator('[data-testid=incident-card] [data-testid=incident-link]').first().click();
    await page.waitForSelector('[data-testid=incident-page]');
    await page.goBack();
    await page.reload();
    await page.waitForSelector('[data-testid=company-chip][data-org-id=bank-of-america]');
    assert.ok((await readResults(page)).chips.length >= 5);

    assert.ok(requests.length > 0, 'requests were recorded');
    assert.deepEqual(offOrigin(env, requests), [], 'nothing left the origin');
    const leaks = requests.filter((r) => typed.some((name) => {
      const forms = [name, encodeURIComponent(name), name.toLowerCase(), name.replace(/ /g, '+')];
      return forms.some((f) => decodeURIComponent(r.url).includes(f) || r.url.includes(f) || r.body.includes(f));
    }));
    assert.deepEqual(leaks, [], 'no typed name in any request');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
