// Browser test of SPEC §4 "Add Purchase Order": a rep completes the task in Camunda Tasklist, and
// billing's "Pending PO#'s" dashboard panel and the case API follow. Needs a running Billflow with
// demo data (BILLFLOW_URL, default http://localhost:8080) and Debian's Chromium; e2e/run.sh starts
// a throw-away app and runs this file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  BASE_URL, SCREENSHOTS, claim, clickComplete, errorNotification, eventually, getJson, launchBrowser, logIntoTasklist, postJson,
  screenshotter, selectFilter, taskExists as taskExistsFor, taskLink,
} from './tasklist.mjs';

const REP = { user: 'rep', password: 'rep', name: 'Riley Rep' };
const BILLING = { user: 'billing', password: 'billing' };
const PROCESS_KEY = 'SurgicalCaseBillingProcess';
const TASK_ADD_PURCHASE_ORDER = 'Task_AddPurchaseOrder';
const TEST_TIMEOUT_MS = 60_000;

// --- REST helpers ---------------------------------------------------------------------------------

/** The Add Purchase Order tasks the rep may work on now (unclaimed or claimed by the rep), oldest first. */
async function openPurchaseOrderTasksOfRep() {
  const tasks = await getJson(`/engine-rest/task?processDefinitionKey=${PROCESS_KEY}`
    + `&taskDefinitionKey=${TASK_ADD_PURCHASE_ORDER}&candidateUser=${REP.user}&includeAssignedTasks=true`
    + '&sortBy=created&sortOrder=asc', REP);
  return tasks.filter((task) => task.assignee == null || task.assignee === REP.user);
}

function taskExists(taskId) {
  return taskExistsFor(taskId, REP);
}

async function pendingPo(cursor = null) {
  return getJson('/api/dashboard/pending-po?size=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''), BILLING);
}

/** Every case of the "Pending PO#'s" panel, across pages (following nextCursor). */
async function allPendingPoItems() {
  let page = await pendingPo();
  const items = [...page.items];
  while (page.nextCursor) {
    page = await pendingPo(page.nextCursor);
    items.push(...page.items);
  }
  return items;
}

async function caseIdOf(caseNumber) {
  const item = (await allPendingPoItems()).find((candidate) => candidate.caseNumber === caseNumber);
  assert.ok(item, `case ${caseNumber} is not in GET /api/dashboard/pending-po`);
  return item.caseId;
}

// --- Browser helpers ----------------------------------------------------------------------------

/** Opens the task from the list and returns the case number shown in the form's case summary. */
async function openTask(page, taskId) {
  await taskLink(page, taskId).click();
  await page.getByLabel('All Manufacturers').waitFor();
  const heading = page.locator('.fjs-form').getByRole('heading', { name: /^Case / });
  await heading.waitFor();
  const match = /^Case\s+(\S+)\s+-\s+/.exec((await heading.innerText()).trim());
  assert.ok(match, `the form's summary heading names the case: "${await heading.innerText()}"`);
  // The summary's line table is there too.
  await page.locator('.fjs-form table').getByRole('columnheader', { name: 'Manufacturer' }).waitFor();
  return match[1];
}

async function logIntoDashboard(page, { user, password }) {
  await page.goto(BASE_URL + '/dashboard');
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/dashboard/);
  // The count is "–" until the panel has loaded the API.
  await page.waitForFunction(() => /^\d+$/.test(document.getElementById('pending-po-count')?.textContent.trim() ?? ''));
}

// --- Set-up -------------------------------------------------------------------------------------

/**
 * The two tests take different cases (the oldest and the newest open task), so they need two. The
 * demo data seeds four; a re-run against a long-lived app may have used them up, so top up.
 */
async function ensureTwoOpenPurchaseOrderTasks() {
  let tasks = await openPurchaseOrderTasksOfRep();
  if (tasks.length >= 2) {
    return;
  }
  const [facility] = await getJson('/api/facilities', REP);
  assert.ok(facility, 'a facility exists to submit an e2e case to');
  for (let missing = 2 - tasks.length; missing > 0; missing--) {
    await postJson('/api/surgical-cases', REP, {
      facilityCode: facility.code,
      surgeon: 'Dr. E2E Test',
      procedure: 'Browser test case',
      procedureDate: new Date().toISOString().slice(0, 10),
      rep: REP.user,
      patientRef: 'E2E-' + Date.now() + '-' + missing,
      currency: 'USD',
      lines: [
        { manufacturer: 'Acme Ortho', partNumber: 'AO-1', lotNumber: 'L1', description: 'Test implant', quantity: 1, unitPrice: 100 },
        { manufacturer: 'Globex Spine', partNumber: 'GS-2', description: 'Test screw', quantity: 2, unitPrice: 25 },
      ],
    });
  }
  tasks = await eventually(openPurchaseOrderTasksOfRep, (list) => list.length >= 2);
  assert.ok(tasks.length >= 2, 'two Add Purchase Order tasks are open for the rep');
}

before(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await ensureTwoOpenPurchaseOrderTasks();
});

after(() => {
  // Nothing to tear down: each test closes its own browser.
});

// --- Tests --------------------------------------------------------------------------------------

test('a rep adds the PO in Tasklist and the case leaves "Pending PO#\'s"', { timeout: TEST_TIMEOUT_MS }, async () => {
  const countBefore = (await pendingPo()).count;
  const [oldest] = await openPurchaseOrderTasksOfRep();
  assert.ok(oldest, 'an Add Purchase Order task is open for the rep');
  const poNumber = 'E2E-PO-' + Date.now().toString(36).toUpperCase();

  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'add-po');
  try {
    // given: the rep in Tasklist, filter "Pending PO#'s", the oldest task open
    await logIntoTasklist(page, REP);
    await shot('tasklist-signed-in');
    await selectFilter(page, "Pending PO#'s");
    await taskLink(page, oldest.id).waitFor();
    await shot('pending-po-filter');
    const caseNumber = await openTask(page, oldest.id);
    const caseId = await caseIdOf(caseNumber);
    await shot('form-opened');

    // when: one PO for all manufacturers, Complete
    await claim(page);
    await page.getByLabel('All Manufacturers').fill(poNumber);
    await shot('po-entered');
    await clickComplete(page, 'Add Purchase Order');

    // then: the task leaves the list, without an error
    await taskLink(page, oldest.id).waitFor({ state: 'detached' });
    assert.equal(await errorNotification(page).count(), 0, 'Tasklist shows no error');
    await shot('task-completed');
    assert.equal(await taskExists(oldest.id), false, 'the task is completed in the engine');

    // and: billing's dashboard no longer lists the case, and the count dropped by one
    await page.context().clearCookies();
    await logIntoDashboard(page, BILLING);
    await page.locator('#pending-po').waitFor();
    await shot('dashboard');
    assert.equal(Number((await page.locator('#pending-po-count').innerText()).trim()), countBefore - 1,
      'the "Pending PO#\'s" count dropped by one');
    assert.equal(await page.locator(`#pending-po-items tr[data-case-id="${caseId}"]`).count(), 0,
      `the panel no longer lists ${caseNumber}`);
    assert.ok(!(await allPendingPoItems()).some((item) => item.caseId === caseId),
      `GET /api/dashboard/pending-po no longer lists ${caseNumber}`);

    // and: the case moved on with the PO
    const surgicalCase = await eventually(() => getJson(`/api/surgical-cases/${caseId}`, BILLING),
      (value) => value.status !== 'PENDING_PO');
    assert.equal(surgicalCase.caseNumber, caseNumber);
    assert.equal(surgicalCase.status, 'PENDING_PAYMENT');
    assert.equal(surgicalCase.purchaseOrders?.allManufacturers, poNumber);
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});

test('Tasklist refuses to complete Add Purchase Order without any PO', { timeout: TEST_TIMEOUT_MS }, async () => {
  const tasks = await openPurchaseOrderTasksOfRep();
  // The newest task: the other test takes the oldest, so the two never share a case.
  const newest = tasks.at(-1);
  assert.ok(newest, 'an Add Purchase Order task is open for the rep');

  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'blank-po');
  try {
    // given: the newest task open and claimed, nothing entered
    await logIntoTasklist(page, REP);
    await selectFilter(page, "Pending PO#'s");
    const caseNumber = await openTask(page, newest.id);
    const caseId = await caseIdOf(caseNumber);
    await claim(page);
    assert.equal(await page.getByLabel('All Manufacturers').inputValue(), '');
    await shot('form-empty');

    // when
    await clickComplete(page, 'Add Purchase Order');

    // then: Tasklist shows the server's refusal, and the task stays open
    const notification = errorNotification(page);
    await notification.waitFor();
    await shot('refused');
    const text = await notification.innerText();
    assert.match(text, /error happened while submitting the task form/i);
    assert.match(text, /PO number/, 'the refusal says what is missing');
    assert.ok(await taskLink(page, newest.id).isVisible(), 'the task is still in the list');
    assert.equal(await taskExists(newest.id), true, 'the task is still open in the engine');
    const surgicalCase = await getJson(`/api/surgical-cases/${caseId}`, BILLING);
    assert.equal(surgicalCase.status, 'PENDING_PO');
    assert.equal(surgicalCase.purchaseOrders?.allManufacturers ?? null, null);
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});

test('a rep enters one PO per manufacturer in the fields labelled for each', { timeout: TEST_TIMEOUT_MS }, async () => {
  // given: a case of its own with two manufacturers
  const [facility] = await getJson('/api/facilities', REP);
  const submitted = await postJson('/api/surgical-cases', REP, {
    facilityCode: facility.code, surgeon: 'Dr. E2E Test', procedure: 'Per-manufacturer PO test',
    procedureDate: new Date().toISOString().slice(0, 10), rep: REP.user, patientRef: 'E2E-PM-' + Date.now(), currency: 'USD',
    lines: [
      { manufacturer: 'Acme Ortho', partNumber: 'AO-1', description: 'Test implant', quantity: 1, unitPrice: 100 },
      { manufacturer: 'Globex Spine', partNumber: 'GS-2', description: 'Test screw', quantity: 2, unitPrice: 25 },
    ],
  });
  const [task] = await eventually(
    () => getJson(`/engine-rest/task?processInstanceBusinessKey=${submitted.caseNumber}&taskDefinitionKey=${TASK_ADD_PURCHASE_ORDER}`, REP),
    (list) => list.length === 1);
  assert.ok(task, `Add Purchase Order is open for ${submitted.caseNumber}`);

  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'po-per-manufacturer');
  try {
    await logIntoTasklist(page, REP);
    await selectFilter(page, "Pending PO#'s");
    await openTask(page, task.id);
    await claim(page);

    // when: "Different PO per manufacturer", one PO in each field, Complete
    await page.getByLabel('Different PO per manufacturer').check();
    await page.getByLabel('PO number for Acme Ortho').fill('ACME-77');
    await page.getByLabel('PO number for Globex Spine').fill('GLX-88');
    await shot('pos-entered', { fullPage: true });
    await clickComplete(page, 'Add Purchase Order');
    await taskLink(page, task.id).waitFor({ state: 'detached' });
    assert.equal(await errorNotification(page).count(), 0, 'Tasklist shows no error');

    // then: the case has a PO for each manufacturer
    const surgicalCase = await eventually(() => getJson(`/api/surgical-cases/${submitted.id}`, BILLING),
      (value) => value.status !== 'PENDING_PO');
    assert.equal(surgicalCase.status, 'PENDING_PAYMENT');
    assert.deepEqual(surgicalCase.purchaseOrders?.byManufacturer, { 'Acme Ortho': 'ACME-77', 'Globex Spine': 'GLX-88' });
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
