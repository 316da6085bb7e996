// Browser test of SPEC §4 "Send Invoice" in Camunda Tasklist: the form's To defaults to the
// facility's first billing contact, "All Emails" lists every contact, an Outlook-style address list
// ("Doe, Jane" <...>, ...) is accepted, and the mail goes out with the display name kept. The form's
// fields are JSON-valued process variables (no 4,000-character limit), so this also proves that
// Tasklist shows them as text. Needs a running Billflow with demo data; e2e/run.sh starts one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, claim, clickComplete, eventually, getJson, launchBrowser, logIntoTasklist, postJson, screenshotter, selectFilter, taskLink,
} from './tasklist.mjs';

const REP = { user: 'rep', password: 'rep' };
const BILLING = { user: 'billing', password: 'billing', name: 'Blair Billing' };
const ADMIN = { user: 'demo', password: 'demo' };

/** A case of its own, its PO entered, waiting at Send Invoice (the demo's one is left to the other tests). */
async function caseWaitingToBeSent() {
  const [facility] = await getJson('/api/facilities', REP);
  const submitted = await postJson('/api/surgical-cases', REP, {
    facilityCode: facility.code, surgeon: 'Dr. E2E Mail', procedure: 'Browser test of Send Invoice',
    procedureDate: new Date().toISOString().slice(0, 10), patientRef: 'E2E-MAIL-' + Date.now(), currency: 'USD',
    lines: [{ manufacturer: 'Acme Ortho', partNumber: 'AO-9', description: 'Test implant', quantity: 1, unitPrice: 250 }],
  });
  const response = await fetch(`${BASE_URL}/api/surgical-cases/${submitted.id}/purchase-orders`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: 'Basic ' + Buffer.from('rep:rep').toString('base64') },
    body: JSON.stringify({ allManufacturers: 'E2E-PO-MAIL' }),
  });
  assert.equal(response.status, 200, 'the rep adds the PO');
  const byCase = () => getJson('/engine-rest/task?processDefinitionKey=SurgicalCaseBillingProcess&taskDefinitionKey=Task_SendInvoice'
    + `&processInstanceBusinessKey=${submitted.caseNumber}`, BILLING).then((tasks) => tasks[0]);
  return eventually(byCase, (found) => found != null, 30_000);
}

test('billing sends an invoice from Tasklist to an Outlook address list', { timeout: 90_000 }, async () => {
  // given a case waiting at Send Invoice, and its facility's billing contacts
  const task = await caseWaitingToBeSent();
  assert.ok(task, 'the case waits at Send Invoice once its invoice is generated');
  const caseId = (await getJson(`/engine-rest/task/${task.id}/variables/caseId`, BILLING)).value;
  const surgicalCase = await getJson(`/api/surgical-cases/${caseId}`, BILLING);
  const facility = await getJson(`/api/facilities/${surgicalCase.facilityCode}`, BILLING);
  const contacts = facility.billingContacts.map((contact) => contact.email);
  const to = `"Doe, Jane" <jane.doe@hospital-e2e.example>, ap2@hospital-e2e.example`;

  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'send-invoice');
  try {
    // when billing opens the task in "Invoices to send"
    await logIntoTasklist(page, BILLING);
    await selectFilter(page, 'Invoices to send');
    await taskLink(page, task.id).click();
    const toField = page.getByLabel('To', { exact: true });
    await toField.waitFor();
    await shot('form-opened', { fullPage: true });

    // then To is the first billing contact and "All Emails" names every contact
    assert.equal(await toField.inputValue(), contacts[0]);
    await page.getByText('Also send to every billing contact of the facility: ' + contacts.join(', ')).waitFor();

    // when billing claims it, types an address list as Outlook copies it, and completes
    await claim(page);
    await toField.fill(to);
    await shot('filled', { fullPage: true });
    await clickComplete(page, 'Send Invoice');

    // then the invoice is sent once, to both recipients, with the display name kept
    const sent = await eventually(() => getJson(`/api/surgical-cases/${caseId}`, BILLING), (c) => c.invoiceSentAt != null, 30_000);
    assert.ok(sent.invoiceSentAt, 'the invoice is recorded as sent');
    const mailbox = await fetch(BASE_URL + '/mailbox', {
      headers: { Authorization: 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64'), Accept: 'text/html' },
    }).then((response) => response.text());
    assert.match(mailbox, /Doe, Jane/);
    assert.match(mailbox, /ap2@hospital-e2e\.example/);
    await page.goto(BASE_URL + '/camunda/app/tasklist/');
    await shot('after-complete');
  } finally {
    await browser.close();
  }
});
