// Browser test of issue 9's single sign-on: one sign-in in Tasklist serves the dashboard, the mailbox and
// the invoice PDF linked from the Send Invoice form (a new tab, no second sign-in, no Basic prompt); one
// sign-out ends them all; pages show only what the user may open. Needs a running Billflow with demo data
// (e2e/run.sh starts one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, claim, getJson, launchBrowser, logIntoTasklist, screenshotter, selectFilter, signIn, taskLink,
} from './tasklist.mjs';

const DEMO = { user: 'demo', password: 'demo', name: 'Demo Administrator' };
const REP = { user: 'rep', password: 'rep', name: 'Riley Rep' };
const TEST_TIMEOUT_MS = 90_000;

test('one sign-in in Tasklist opens the invoice PDF, the dashboard and the mailbox; one sign-out ends them', { timeout: TEST_TIMEOUT_MS }, async () => {
  const [sendTask] = await getJson('/engine-rest/task?processDefinitionKey=SurgicalCaseBillingProcess'
    + '&taskDefinitionKey=Task_SendInvoice&sortBy=created&sortOrder=asc', DEMO);
  assert.ok(sendTask, 'the demo data has an invoice waiting to be sent');

  const browser = await launchBrowser();
  const { context, page } = browser;
  const shot = screenshotter(page, 'single-sign-on');
  try {
    // given: signed in once, on Tasklist's way in
    await page.goto(BASE_URL + '/camunda/app/tasklist/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await shot('sign-in-page');
    await signIn(page, DEMO);
    await page.locator('li.account').getByText(DEMO.name).waitFor();
    await shot('tasklist-signed-in');

    // when: the Send Invoice form's PDF link is followed
    await selectFilter(page, 'Invoices to send');
    await taskLink(page, sendTask.id).click();
    // Tasklist enables the form (and its links) for the assignee.
    await claim(page);
    const pdfLink = page.locator('.fjs-form').getByRole('link', { name: 'Open the invoice PDF' });
    await pdfLink.waitFor();
    await shot('send-invoice-form');
    const pdfResponse = context.waitForEvent('response', (response) => /\/api\/surgical-cases\/\d+\/invoice\.pdf$/.test(response.url()));
    const newTab = context.waitForEvent('page');
    await pdfLink.click();
    const response = await pdfResponse;
    const tab = await newTab;

    // then: the PDF comes in a new tab with the session, not a Basic prompt
    assert.equal(response.status(), 200, `the PDF link answered ${response.status()}`);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.notEqual(tab, page, 'the PDF opens in a new tab, Tasklist stays open');
    await tab.close();

    // and: the dashboard and the mailbox open without signing in again
    await page.goto(BASE_URL + '/dashboard');
    await page.waitForFunction(() => /^\d+$/.test(document.getElementById('pending-po-count')?.textContent.trim() ?? ''));
    await page.getByRole('link', { name: 'Cockpit' }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Mailbox' }).isVisible(), 'an administrator sees the mailbox link');
    await shot('dashboard');
    await page.getByRole('link', { name: 'Mailbox' }).click();
    await page.getByRole('heading', { name: 'Mailbox' }).waitFor();
    assert.equal(await page.locator('input[name="password"]').count(), 0, 'no second sign-in');
    await shot('mailbox');

    // when: signing out once
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    await shot('signed-out');

    // then: Tasklist and the documents ask for the sign-in again
    await page.goto(BASE_URL + '/camunda/app/tasklist/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const pdf = await page.goto(response.url());
    assert.match(pdf.url(), /\/login/, 'the PDF link leads to the sign-in page, not a Basic prompt');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});

test('a rep sees neither the Cockpit link nor the mailbox', { timeout: TEST_TIMEOUT_MS }, async () => {
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'rep-pages');
  try {
    await logIntoTasklist(page, REP);
    await page.goto(BASE_URL + '/dashboard');
    await page.locator('#signed-in-user', { hasText: REP.name }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Cockpit' }).isVisible(), false, 'no Cockpit link for a rep');
    assert.equal(await page.getByRole('link', { name: 'Mailbox' }).isVisible(), false, 'no mailbox link for a rep');
    await shot('dashboard');
    const mailbox = await page.goto(BASE_URL + '/mailbox');
    assert.equal(mailbox.status(), 403, 'the mailbox is for administrators');
  } catch (error) {
    await shot('failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
