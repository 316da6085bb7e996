// Browser test of SPEC §5 "Authorise Invoice": an office manager authorises a released laboratory
// invoice in Camunda Tasklist, and the invoice API follows; cancelling without a reason is refused.
// Needs a running Billflow with demo data (BILLFLOW_URL, default http://localhost:8080) and Debian's
// Chromium; e2e/run.sh starts a throw-away app and runs this file.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  claim, clickComplete, errorNotification, eventually, getJson, launchBrowser, logIntoTasklist, postJson, screenshotter,
  selectFilter, taskExists, taskLink,
} from './tasklist.mjs';

const OFFICE = { user: 'office', password: 'office', name: 'Olive Office' };
const PROCESS_KEY = 'ProductionInvoiceProcess';
const TASK_AUTHORISE_INVOICE = 'Task_AuthoriseInvoice';
const FILTER = 'Invoices to authorise';
const AUTHORISE = 'Authorise';
const CANCEL = 'Cancel (reason required)';
const TEST_TIMEOUT_MS = 60_000;

// --- REST helpers ---------------------------------------------------------------------------------

/** The Authorise Invoice tasks of production invoices office may work on now, oldest first (credit notes have their own process). */
async function openAuthoriseTasks() {
  const tasks = await getJson(`/engine-rest/task?processDefinitionKey=${PROCESS_KEY}`
    + `&taskDefinitionKey=${TASK_AUTHORISE_INVOICE}&candidateUser=${OFFICE.user}&includeAssignedTasks=true`
    + '&sortBy=created&sortOrder=asc', OFFICE);
  return tasks.filter((task) => task.assignee == null || task.assignee === OFFICE.user);
}

async function invoice(id) {
  return getJson(`/api/invoices/${id}`, OFFICE);
}

/** The released production invoice with this number, from GET /api/invoices?status=RELEASED (every page). */
async function releasedInvoiceNumbered(number) {
  for (let page = 0; ; page++) {
    const found = await getJson(`/api/invoices?status=RELEASED&type=PRODUCTION&size=100&page=${page}`, OFFICE);
    const match = found.items.find((candidate) => candidate.number === number);
    if (match || page + 1 >= found.totalPages) {
      assert.ok(match, `invoice ${number} is not in GET /api/invoices?status=RELEASED`);
      return match;
    }
  }
}

/** "1636.25 EUR", as the form's summary prints a total (the currency's own number of decimals). */
function printedAmount(amount, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return `${Number(amount).toFixed(digits)} ${currency}`;
}

// --- Browser helpers ----------------------------------------------------------------------------

/** Opens the task from the list and returns the invoice number from the summary heading "Invoice <number> - RELEASED". */
async function openInvoiceTask(page, taskId) {
  await taskLink(page, taskId).click();
  const heading = page.locator('.fjs-form').getByRole('heading', { name: /^Invoice / });
  await heading.waitFor();
  const text = (await heading.innerText()).trim();
  const match = /^Invoice\s+(\S+)\s+-\s+(\w+)$/.exec(text);
  assert.ok(match, `the form's summary heading names the invoice and its status: "${text}"`);
  assert.equal(match[2], 'RELEASED', 'the summary shows the invoice as RELEASED');
  await actionRadio(page).getByRole('radio').first().waitFor();
  return match[1];
}

function actionRadio(page) {
  return page.locator('.fjs-form-field-radio', { hasText: 'Action' });
}

function reasonField(page) {
  return page.locator('.fjs-form').getByRole('textbox', { name: 'Reason' });
}

/** The summary shows the invoice's lines as a table and its total; the radio offers exactly the task's allowed actions. */
async function checkForm(page, shown) {
  const form = page.locator('.fjs-form');
  const table = form.locator('table');
  for (const column of ['Kind', 'Description', 'Qty', 'Unit price', '%', 'Amount']) {
    await table.getByRole('columnheader', { name: column, exact: true }).waitFor();
  }
  assert.equal(await table.locator('tbody tr').count(), shown.lines.length, 'one table row per invoice line');
  for (const line of shown.lines) {
    assert.ok(await table.getByRole('cell', { name: line.description, exact: true }).isVisible(), `line "${line.description}" is shown`);
  }
  const formText = await form.innerText();
  assert.ok(formText.includes(`total ${printedAmount(shown.total, shown.currency)}`),
    `the summary shows the total ${printedAmount(shown.total, shown.currency)}: ${formText.slice(0, 600)}`);
  const options = await actionRadio(page).getByRole('radio')
    .evaluateAll((radios) => radios.map((radio) => [...radio.labels].map((label) => label.innerText.trim()).join(' ')));
  assert.deepEqual(options, [AUTHORISE, CANCEL], 'the Action radio offers authorise and cancel');
  assert.equal(await reasonField(page).count(), 0, 'the Reason field is hidden until cancel is chosen');
}

// --- Set-up -------------------------------------------------------------------------------------

/**
 * The two tests take different invoices (the oldest and the newest open task), so they need two.
 * The demo data seeds two; a re-run against a long-lived app may have used one up, so top up:
 * a released invoice of a laboratory that does not authorise by itself.
 */
async function ensureTwoOpenAuthoriseTasks() {
  let tasks = await openAuthoriseTasks();
  if (tasks.length >= 2) {
    return;
  }
  const laboratory = (await getJson('/api/laboratories', OFFICE)).find((lab) => !lab.autoAuthorise);
  const [client] = await getJson('/api/clients', OFFICE);
  assert.ok(laboratory && client, 'a laboratory without auto-authorise and a client exist for an e2e invoice');
  for (let missing = 2 - tasks.length; missing > 0; missing--) {
    const created = await postJson('/api/invoices', OFFICE, {
      laboratoryCode: laboratory.code, clientCode: client.code, jobNumber: `E2E-${Date.now()}-${missing}`,
    });
    await postJson(`/api/invoices/${created.id}/lines`, OFFICE,
      { kind: 'SAMPLE_TEST', description: 'Browser test sample', quantity: 2, unitPrice: 50 });
    await postJson(`/api/invoices/${created.id}/draft`, OFFICE, {}, 200);
    await postJson(`/api/invoices/${created.id}/release`, OFFICE, {}, 200);
  }
  tasks = await eventually(openAuthoriseTasks, (list) => list.length >= 2);
  assert.ok(tasks.length >= 2, 'two Authorise Invoice tasks are open for office');
}

before(async () => {
  await ensureTwoOpenAuthoriseTasks();
});

// --- Tests --------------------------------------------------------------------------------------

test('an office manager authorises the oldest released invoice in Tasklist', { timeout: TEST_TIMEOUT_MS }, async () => {
  const [oldest] = await openAuthoriseTasks();
  assert.ok(oldest, 'an Authorise Invoice task is open for office');

  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'authorise-invoice');
  try {
    // given: office in Tasklist, filter "Invoices to authorise", the oldest task open
    await logIntoTasklist(page, OFFICE);
    await selectFilter(page, FILTER);
    await taskLink(page, oldest.id).waitFor();
    await shot('filter');
    const number = await openInvoiceTask(page, oldest.id);
    const released = await releasedInvoiceNumbered(number);
    await checkForm(page, released);
    await shot('form-opened', { fullPage: true });

    // when: claimed, Authorise chosen, Complete
    await claim(page);
    await actionRadio(page).getByLabel(AUTHORISE, { exact: true }).check();
    assert.equal(await reasonField(page).count(), 0, 'no Reason field to authorise');
    await shot('authorise-chosen', { fullPage: true });
    await clickComplete(page, 'Authorise Invoice');

    // then: the task leaves the list, without an error
    await taskLink(page, oldest.id).waitFor({ state: 'detached' });
    assert.equal(await errorNotification(page).count(), 0, 'Tasklist shows no error');
    await shot('task-completed');
    assert.equal(await taskExists(oldest.id, OFFICE), false, 'the task is completed in the engine');

    // and: the invoice is authorised (and may have gone further if its laboratory automates), by office
    const after = await eventually(() => invoice(released.id), (value) => value.status !== 'RELEASED');
    assert.ok(['AUTHORISED', 'TRANSMITTED', 'BOOKED'].includes(after.status), `invoice ${number} is ${after.status}`);
    assert.equal(after.number, number);
    const history = await getJson(`/api/invoices/${released.id}/history`, OFFICE);
    const authorised = history.find((entry) => entry.to === 'AUTHORISED');
    assert.ok(authorised, `the history of ${number} has an AUTHORISED entry: ${JSON.stringify(history)}`);
    assert.equal(authorised.from, 'RELEASED');
    assert.equal(authorised.who, OFFICE.user, 'the history names office as who authorised');
  } catch (error) {
    await shot('failure', { fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});

test('Tasklist refuses to cancel an invoice without a reason', { timeout: TEST_TIMEOUT_MS }, async () => {
  const tasks = await openAuthoriseTasks();
  // The newest task: the other test takes the oldest, so the two never share an invoice.
  const newest = tasks.at(-1);
  assert.ok(newest, 'an Authorise Invoice task is open for office');

  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'cancel-without-reason');
  try {
    // given: the newest task open and claimed
    await logIntoTasklist(page, OFFICE);
    await selectFilter(page, FILTER);
    const number = await openInvoiceTask(page, newest.id);
    const released = await releasedInvoiceNumbered(number);
    await claim(page);

    // when: Cancel chosen, the Reason that appears left empty, Complete
    await actionRadio(page).getByLabel(CANCEL, { exact: true }).check();
    await reasonField(page).waitFor();
    assert.equal(await reasonField(page).inputValue(), '');
    await shot('cancel-chosen', { fullPage: true });
    await clickComplete(page, 'Authorise Invoice');

    // then: Tasklist shows the server's refusal, and the task stays open
    const notification = errorNotification(page);
    await notification.waitFor();
    await shot('refused', { fullPage: true });
    const text = await notification.innerText();
    assert.match(text, /error happened while submitting the task form/i);
    assert.match(text, /reason is required to cancel/i, 'the refusal says what is missing');
    assert.ok(await taskLink(page, newest.id).isVisible(), 'the task is still in the list');
    assert.equal(await taskExists(newest.id, OFFICE), true, 'the task is still open in the engine');
    const unchanged = await invoice(released.id);
    assert.equal(unchanged.status, 'RELEASED');
    const history = await getJson(`/api/invoices/${released.id}/history`, OFFICE);
    assert.ok(!history.some((entry) => entry.to === 'CANCELLED'), 'no cancellation in the history');
  } catch (error) {
    await shot('failure', { fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
