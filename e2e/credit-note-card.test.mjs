// Browser test of issue 13 §2: a credit note waiting for authorisation appears in Tasklist under its own
// task name, "Authorise Credit Note", and its card says in words what it is: number, kind, client, total
// and status, not database ids or enums. Needs a running Billflow with demo data (BILLFLOW_URL) and
// Debian's Chromium; e2e/run.sh runs this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, getJson, launchBrowser, logIntoTasklist, postJson, screenshotter, selectFilter, taskLink } from './tasklist.mjs';

const OFFICE = { user: 'office', password: 'office', name: 'Olive Office' };
const FILTER = 'Invoices to authorise';

/** A new ALPHA invoice taken through to BOOKED over the REST API and credited: answers the credit note. */
async function creditNoteWaitingForAuthorisation() {
  const created = await postJson('/api/invoices', OFFICE, { laboratoryCode: 'ALPHA', clientCode: 'RHEINWASSER', jobNumber: `J-CN-${Date.now()}` });
  await postJson(`/api/invoices/${created.id}/lines`, OFFICE, { kind: 'SAMPLE_TEST', description: 'Soil analysis', quantity: 3, unitPrice: 50.0 });
  for (const action of ['draft', 'release', 'authorise', 'transmit']) {
    await postJson(`/api/invoices/${created.id}/${action}`, OFFICE, {}, 200);
  }
  const transmitted = await eventually(() => getJson(`/api/invoices/${created.id}`, OFFICE), (invoice) => invoice.status === 'TRANSMITTED', 20_000);
  assert.equal(transmitted.status, 'TRANSMITTED', 'the delivery step ran');
  await postJson(`/api/invoices/${created.id}/book`, OFFICE, {}, 200);
  return postJson(`/api/invoices/${created.id}/credit`, OFFICE, {}, 200);
}

test('a credit note\'s task is "Authorise Credit Note" and its card is in words', { timeout: 90_000 }, async () => {
  // given a credit note waiting in its Authorise task
  const creditNote = await creditNoteWaitingForAuthorisation();
  assert.equal(creditNote.type, 'CREDIT_NOTE');
  const tasks = await eventually(
    () => getJson(`/engine-rest/task?processDefinitionKey=CreditNoteProcess&processInstanceBusinessKey=${encodeURIComponent(creditNote.number)}`, OFFICE),
    (found) => found.length === 1);
  assert.equal(tasks.length, 1, 'the credit note waits in one task');
  assert.equal(tasks[0].name, 'Authorise Credit Note');
  assert.ok(tasks[0].description.includes('credit note'), 'the task has a description');

  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'credit-note-card');
  try {
    // when office opens "Invoices to authorise"
    await logIntoTasklist(page, OFFICE);
    await selectFilter(page, FILTER);
    const card = page.locator('li.task').filter({ has: page.locator(`a[href="#/?task=${tasks[0].id}"]`) });
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    // Tasklist shows two card lines; the chevron under them unfolds the rest
    const unfold = card.locator('[class*="chevron-down"], [class*="menu-down"]').first();
    if (await unfold.count()) {
      await unfold.click();
    }
    await shot('invoices-to-authorise');

    // then its card names the task and shows the credit note in words (textContent: folded lines too)
    const text = (await card.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /Authorise Credit Note/);
    assert.match(text, new RegExp(`Number:?\\s+${creditNote.number}`));
    assert.match(text, /Kind:?\s+Credit note/);
    assert.match(text, /Client:?\s+\S+/);
    assert.match(text, /Total:?\s+-150\.00 EUR/);
    assert.match(text, /Status:?\s+Released/);
    assert.doesNotMatch(text, /CREDIT_NOTE|RELEASED|Invoice id/);
    // and the selected filter shows its count
    const counter = await page.locator('.task-filter.active .counter').innerText();
    assert.ok(Number(counter) >= 1, `the filter shows a count: ${counter}`);
  } catch (error) {
    await shot('failure', { fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
