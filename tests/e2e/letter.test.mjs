// The letter reader in the served page (issue 23): a pasted letter is read
// in the browser, its finding joins the results (sender and client marked
// "from your letter", the incident confirmed, the letter's offer in the
// plan), survives a reload without its text or code, is erased by
// clear-all, and nothing of it is in any request; a lure is flagged and
// cannot be added; a Chinese letter reads in the Chinese page; a newer data
// set's incidents are marked "new since" the last visit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, offOrigin, openPage, setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const letter = (file) => readFileSync(join(ROOT, 'tests', 'letters', file), 'utf8');

async function read(page, text) {
  await page.locator('.letter > details > summary').click();
  await page.getByTestId('letter-input').fill(text);
  await page.getByRole('button', { name: /Read the letter|读取这封信/ }).click();
  const result = page.getByTestId('letter-result');
  await result.waitFor();
  return result;
}

for (const [width, height] of [[390, 844], [1280, 900]]) {
  test(`a pasted letter joins the results, privately, at ${width}x${height}`, async () => {
    const { context, page, requests, errors } = await openPage(env);
    try {
      await page.setViewportSize({ width, height });
      const text = letter('en-01-infosys-mccamish-bank-of-america.txt');
      // The reader's code is a worker of its own, loaded on the first letter.
      const worker = () => requests.filter((r) => /letter-worker/.test(r.url)).map((r) => new URL(r.url).pathname);
      assert.deepEqual(worker(), [], 'the page starts without the letter reader');
      const result = await read(page, text);
      assert.ok(worker().includes('/letter-worker_bg.wasm'), worker().join());
      assert.equal(await result.getAttribute('data-sender'), 'infosys-mccamish');
      assert.equal(await result.getAttribute('data-incident'), 'infosys-mccamish-2023');
      assert.equal(await result.getAttribute('data-phishing'), 'false');
      const types = await page.getByTestId('letter-type').evaluateAll((els) => els.map((e) => e.dataset.type));
      for (const t of ['ssn', 'date_of_birth', 'account_number', 'full_name']) assert.ok(types.includes(t), `${t} in ${types}`);
      const said = await result.textContent();
      assert.ok(said.includes('on behalf of Bank of America'), said);
      assert.ok(said.includes('BQ7M4K2XZ'), 'the code is shown to the person');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
      await page.getByTestId('letter-keep').click();
      // The sender and the client join the companies, marked.
      await page.waitForSelector('[data-testid=company-chip][data-org-id=bank-of-america][data-from-letter=true]');
      await page.waitForSelector('[data-testid=company-chip][data-org-id=infosys-mccamish][data-from-letter=true]');
      // The incident is confirmed for the person; the letter's offer is in the plan.
      const card = page.locator('[data-testid=incident-card][data-incident-id=infosys-mccamish-2023]').first();
      await card.waitFor();
      assert.match(await card.getAttribute('class'), /conf-confirmed/);
      const offer = page.locator('[data-testid=action-item][data-action-id=enroll_offered_monitoring]');
      assert.match(await offer.textContent(), /Your letter from Infosys McCamish/);
      assert.equal(await page.getByTestId('letter-input').inputValue(), '', 'the text is not kept');
      // Kept across a reload: the finding, not the text, not the code.
      await page.reload();
      await page.waitForSelector('[data-testid=letter-kept][data-incident=infosys-mccamish-2023]');
      const saved = await page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
      assert.ok(saved.includes('infosys-mccamish-2023'), 'the finding is saved');
      for (const secret of ['BQ7M4K2XZ', 'Walter Kinsella', 'Powers Ferry']) assert.ok(!saved.includes(secret), `${secret} is not saved`);
      // Nothing of the letter in any request.
      assert.deepEqual(offOrigin(env, requests), []);
      const pieces = ['BQ7M4K2XZ', 'Walter', 'Kinsella', 'B113842', 'deferred compensation'];
      const leaks = requests.filter((r) => pieces.some((p) => decodeURIComponent(r.url).includes(p) || r.body.includes(p)));
      assert.deepEqual(leaks, [], 'no part of the letter in any request');
      // Clear-all erases it.
      page.once('dialog', (d) => d.accept());
      await page.getByTestId('clear-all').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid=letter-kept]'));
      const after = await page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
      assert.ok(!after.includes('infosys-mccamish-2023'), after);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('a lure is flagged with why and cannot be added', async () => {
  const { context, page, errors } = await openPage(env);
  try {
    const result = await read(page, letter('en-04-identity-restoration-fee.txt'));
    assert.equal(await result.getAttribute('data-phishing'), 'true');
    const signs = await result.locator('[data-sign]').evaluateAll((els) => els.map((e) => e.dataset.sign));
    assert.ok(signs.includes('asks_payment') && signs.includes('gift_cards'), signs.join());
    assert.equal(await page.getByTestId('letter-keep').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a Chinese letter reads in the Chinese page, and a paper letter from the short form puts its deadline in the calendar', async () => {
  const { context, page, errors } = await openPage(env, { acceptDownloads: true });
  try {
    await page.getByTestId('lang-switch').selectOption('zh-Hans');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    const result = await read(page, letter('zh-07-pbi-calpers.txt'));
    assert.equal(await result.getAttribute('data-sender'), 'pbi-research-services');
    const types = await page.getByTestId('letter-type').evaluateAll((els) => els.map((e) => e.dataset.type));
    assert.ok(types.includes('ssn') && types.includes('date_of_birth'), types.join());
    assert.match(await page.getByTestId('letter-type').first().textContent(), /[\u4e00-\u9fff]/);
    // The short form: sender, date, a ticked type, a deadline.
    await page.locator('.letter .paper > summary').click();
    await page.locator('input[name=letter-sender]').fill('Change Healthcare');
    await page.locator('input[name=letter-date]').fill('2024-07-29');
    await page.locator('[data-paper-type=medical]').check();
    await page.locator('input[name=letter-deadline]').fill('2099-01-31');
    await page.locator('.letter .paper button[type=submit]').click();
    await page.waitForSelector('[data-testid=letter-result][data-incident=change-healthcare-2024]');
    assert.equal(await page.getByTestId('letter-type').count(), 1);
    // Kept: its deadline is the plan's and the calendar's.
    await page.getByTestId('letter-keep').click();
    await page.waitForSelector('[data-testid=action-item][data-action-id=enroll_offered_monitoring]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
    const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n /g, '');
    assert.ok(ics.includes('UID:enroll_offered_monitoring-deadline@exposure-check'), ics.slice(0, 400));
    assert.ok(ics.includes('DTSTART:20990131T090000'), 'the letter\'s deadline, at 9:00');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('incidents a newer data set adds are marked new since the last visit', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('exposure-check/progress', JSON.stringify({
          version: 1,
          progress: { companies: [{ input: 'AT&T', org_id: 'att' }], done: [], seen: { as_of: '2024-01-01', ids: ['att-vendor-2023'] } },
        }));
      }
    });
    const page = await context.newPage();
    await page.goto(env.base);
    const fresh = page.getByTestId('new-since');
    await fresh.waitFor({ timeout: 20000 });
    assert.equal(await fresh.getAttribute('data-since'), '2024-01-01');
    assert.ok(Number(await fresh.getAttribute('data-count')) >= 2, 'the 2024 incidents are new');
    assert.ok(!(await fresh.textContent()).includes('vendor'), 'what was seen is not new');
    // Each new card is marked; what was seen is not.
    const marked = await page.locator('[data-testid=new-mark]').evaluateAll((els) => els.map((e) => e.closest('[data-incident-id], [data-notice-id]')?.getAttribute('data-incident-id') || e.closest('[data-notice-id]')?.getAttribute('data-notice-id')));
    assert.equal(new Set(marked).size, Number(await fresh.getAttribute('data-count')), marked.join());
    assert.ok(!marked.includes('att-vendor-2023'), marked.join());
    assert.equal(await page.locator('[data-testid=new-mark]').first().getAttribute('data-since'), '2024-01-01');
    // Seen now: on the next visit nothing is new.
    await page.waitForFunction(() => localStorage.getItem('exposure-check/progress').includes('"as_of":"2026-07-01"'));
    await page.reload();
    await page.waitForSelector('[data-testid=incident-card]');
    assert.equal(await page.getByTestId('new-since').count(), 0);
  } finally {
    await context.close();
  }
});

test('a Chinese letter pasted and kept puts its deadline in the plan and the calendar; the code the person kept goes with the JSON export', async () => {
  const { context, page, requests, errors } = await openPage(env, { acceptDownloads: true });
  try {
    await page.getByTestId('lang-switch').selectOption('zh-Hans');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    // The same letter with a deadline still to come.
    const text = letter('zh-07-pbi-calpers.txt').replace('2023年10月31日前', '2099年10月31日前');
    const result = await read(page, text);
    assert.equal(await result.getAttribute('data-sender'), 'pbi-research-services');
    assert.match(await result.textContent(), /CPR8W2T6QJ/);
    await page.locator('.letter-result input[type=checkbox]').check();
    await page.getByTestId('letter-keep').click();
    await page.waitForSelector('[data-testid=company-chip][data-org-id=calpers][data-from-letter=true]');
    const offer = page.locator('[data-testid=action-item][data-action-id=enroll_offered_monitoring]');
    await offer.waitFor();
    assert.match(await offer.textContent(), /[\u4e00-\u9fff]/);
    const download = async (id) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
      return readFileSync(await d.path(), 'utf8');
    };
    const ics = (await download('export-ics')).replace(/\r\n /g, '');
    assert.ok(ics.includes('DTSTART:20991031T090000'), 'the letter\'s deadline, at 9:00');
    // The JSON export moves the finding, and the code the person chose to keep.
    const json = JSON.parse(await download('export-json'));
    const kept = json.progress.letters;
    assert.equal(kept.length, 1);
    assert.equal(kept[0].incident, 'pbi-moveit-2023');
    assert.equal(kept[0].code, 'CPR8W2T6QJ');
    assert.equal(kept[0].enroll_by, '2099-10-31');
    // Nothing of it left the page.
    assert.deepEqual(offOrigin(env, requests), []);
    assert.deepEqual(requests.filter((r) => r.body.includes('CPR8W2T6QJ') || decodeURIComponent(r.url).includes('CPR8W2T6QJ')), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a letter file is read when picked or dropped: a GBK text and a MIME e-mail', async () => {
  const { context, page, errors } = await openPage(env);
  try {
    await page.locator('.letter > details > summary').click();
    // A Chinese letter saved in GBK, picked: decoded in the reader, shown as text.
    await page.locator('.letter input[type=file]').setInputFiles(join(ROOT, 'tests', 'letters', 'zh-12-onetouchpoint-arkansas-gbk.txt'));
    const result = page.locator('[data-testid=letter-result][data-sender=onetouchpoint]');
    await result.waitFor({ timeout: 20000 });
    assert.match(await page.getByTestId('letter-input').inputValue(), /阿肯色州/);
    const types = await page.getByTestId('letter-type').evaluateAll((els) => els.map((e) => e.dataset.type));
    assert.ok(types.includes('medical') && types.includes('date_of_birth'), types.join());
    // An e-mail with a base64 part and a quoted-printable part, dropped.
    const eml = readFileSync(join(ROOT, 'tests', 'letters', 'en-30-ascension-multipart.eml')).toString('base64');
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'letter.eml', { type: 'message/rfc822' }));
      const target = document.querySelector('.letter');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, eml);
    const mail = page.locator('[data-testid=letter-result][data-incident=ascension-2024]');
    await mail.waitFor({ timeout: 20000 });
    assert.equal(await mail.getAttribute('data-sender'), 'ascension');
    const said = await mail.textContent();
    assert.ok(said.includes('Kroll') && said.includes('ASN-4K7Q-29X'), said);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
