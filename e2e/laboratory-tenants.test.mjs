// Browser test of issue 15: an office manager of BETA only (demo user office-beta) sees BETA's
// laboratory tasks in Camunda Tasklist and none of ALPHA's; the engine's tenant check does the
// narrowing, so Tasklist, /engine-rest and /api agree. Needs a running Billflow with demo data
// (BILLFLOW_URL, default http://localhost:8080) and Debian's Chromium; e2e/run.sh runs this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getJson, launchBrowser, logIntoTasklist, screenshotter, selectFilter, taskLink } from './tasklist.mjs';

const DEMO = { user: 'demo', password: 'demo' };
const OFFICE_BETA = { user: 'office-beta', password: 'office-beta', name: 'Bea Beta' };
const FILTER = 'My tasks';
const TEST_TIMEOUT_MS = 60_000;

/** The open tasks office-beta is a candidate for in one laboratory (tenant), asked as the administrator, who sees every tenant. */
async function candidateTasksIn(laboratory) {
  return getJson(`/engine-rest/task?tenantIdIn=${laboratory}&candidateUser=${OFFICE_BETA.user}&includeAssignedTasks=true`, DEMO);
}

test('office-beta sees only BETA\'s tasks in Tasklist, and only BETA over the APIs', { timeout: TEST_TIMEOUT_MS }, async () => {
  const beta = (await candidateTasksIn('BETA')).map((task) => task.id);
  const alpha = (await candidateTasksIn('ALPHA')).map((task) => task.id);
  assert.ok(beta.length > 0, 'the demo data leaves BETA tasks open (its accepted proposal\'s invoice, a booked invoice)');
  assert.ok(alpha.length > 0, 'the demo data leaves ALPHA tasks open');
  assert.ok(beta.length <= 15, 'BETA\'s tasks fit on one Tasklist page');

  // The engine API and the Billflow API, as office-beta, agree with the administrator's view of BETA.
  const engineView = await getJson(`/engine-rest/task?candidateUser=${OFFICE_BETA.user}&includeAssignedTasks=true`, OFFICE_BETA);
  assert.deepEqual(engineView.map((task) => task.id).sort(), [...beta].sort(), '/engine-rest/task shows office-beta BETA\'s tasks only');
  const laboratories = await getJson('/api/laboratories', OFFICE_BETA);
  assert.deepEqual(laboratories.map((lab) => lab.code), ['BETA'], 'GET /api/laboratories lists BETA only');
  const invoices = await getJson('/api/invoices?size=100', OFFICE_BETA);
  assert.ok(invoices.items.length > 0, 'office-beta sees BETA\'s invoices');
  assert.deepEqual([...new Set(invoices.items.map((invoice) => invoice.laboratoryCode))], ['BETA'], 'GET /api/invoices lists BETA\'s only');

  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'laboratory-tenants');
  try {
    // when: office-beta opens "My tasks" in Tasklist
    await logIntoTasklist(page, OFFICE_BETA);
    await selectFilter(page, FILTER);
    await taskLink(page, beta[0]).waitFor();
    await shot('office-beta-my-tasks');

    // then: every BETA task is listed, no ALPHA task, and nothing else
    const listed = await page.locator('li.task a[href^="#/?task="]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href').replace('#/?task=', '')));
    assert.deepEqual([...listed].sort(), [...beta].sort(), 'Tasklist lists exactly BETA\'s tasks');
    for (const id of alpha) {
      assert.equal(await taskLink(page, id).count(), 0, `ALPHA's task ${id} is not listed`);
    }
    // and each card names the laboratory (the process variable laboratoryCode)
    const cards = await page.locator('li.task').allInnerTexts();
    for (const card of cards) {
      assert.match(card, /Laboratory:?\s+BETA/, `the card names BETA: ${card}`);
    }
  } catch (error) {
    await shot('failure', { fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
