// Every public scenario, typed into the served page in Chromium, checked
// through the SPEC's data-testid hooks; no request may leave the origin and
// no typed name may appear in any request.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addCompany, cspViolations, offOrigin, openPage, readResults, scenarios, setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

for (const sc of scenarios()) {
  test(`scenario: ${sc.name}`, async () => {
    const { context, page, requests, errors } = await openPage(env);
    try {
      for (const name of sc.companies) await addCompany(page, name);
      const hasIncidents = (sc.must_include?.incidents || []).length > 0;
      if (hasIncidents) await page.waitForSelector('[data-testid=incident-card]');
      const r = await readResults(page);
      // One chip per company named (changed by design in issue 19: a filing
      // that names two organizations, "T-Mobile USA/Experian", gives two).
      const named = sc.companies.map((n) => n.split('/').length).reduce((a, b) => a + b, 0);
      assert.equal(r.chips.length, named, 'one chip per company named');
      const live = r.incidents.filter((i) => i.confidence !== 'unlikely');
      const liveIds = new Set(live.map((i) => i.id));
      for (const id of sc.must_include?.incidents || []) assert.ok(liveIds.has(id), `incident ${id} in ${[...liveIds]}`);
      for (const t of sc.must_include?.data_types || []) assert.ok(r.types.includes(t), `exposed type ${t}`);
      for (const a of sc.must_include?.actions || []) assert.ok(r.actions.includes(a), `action ${a}`);
      for (const id of sc.must_exclude?.incidents || []) assert.ok(!liveIds.has(id), `incident ${id} must not show`);
      for (const t of sc.must_exclude?.data_types || []) assert.ok(!r.types.includes(t), `type ${t} must not show`);
      for (const a of sc.must_exclude?.actions || []) assert.ok(!r.actions.includes(a), `action ${a} must not show`);
      for (const org of sc.path_mentions || []) {
        assert.ok(live.some((i) => i.path.includes(org)), `a path mentions ${org}`);
      }
      if (sc.no_matches) assert.equal(r.incidents.length, 0, 'no incident at all');
      if (sc.unique_actions) assert.equal(new Set(r.actions).size, r.actions.length, 'no action twice');
      // Privacy: nothing leaves the origin, and no typed name is in any request.
      assert.deepEqual(offOrigin(env, requests), [], 'requests off the origin');
      for (const name of sc.companies) {
        const needles = [name, encodeURIComponent(name)];
        const leaked = requests.filter((q) => needles.some((n) => q.url.includes(n) || q.body.includes(n)));
        assert.deepEqual(leaked, [], `"${name}" appears in a request`);
      }
      assert.deepEqual(errors, [], 'no page errors');
      assert.deepEqual(await cspViolations(page), [], 'no Content-Security-Policy violation');
    } finally {
      await context.close();
    }
  });
}
