// Browser test of issue 12 §4: Tasklist is a first-class way in. A rep starts "Submit surgical case" in
// Tasklist on a 390 px phone and on a desktop, first with a patient's name (refused with the service's
// words, nothing made), then right; the case waits under "My cases" with its card (case number,
// facility, value, event date). Billing sees the count of every case filter. Needs a running Billflow
// with demo data (BILLFLOW_URL) and Debian's Chromium; e2e/run.sh runs this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, getJson, launchBrowser, logIntoTasklist, screenshotter, selectFilter } from './tasklist.mjs';

const REP = { user: 'rep', password: 'rep', name: 'Riley Rep' };
const BILLING = { user: 'billing', password: 'billing', name: 'Blair Billing' };
const ADMIN = { user: 'demo', password: 'demo' };
const FACILITY = 'St. Francis Medical Center';

/** The case the rep's latest submission made: its number is the submission's business key. */
async function caseNumberSubmittedAfter(startedAfter) {
  const submissions = await eventually(
    () => getJson('/engine-rest/history/process-instance?processDefinitionKey=SurgicalCaseSubmission&startedBy=rep'
      + '&sortBy=startTime&sortOrder=desc&maxResults=1', ADMIN),
    (found) => found.length === 1 && Date.parse(found[0].startTime) >= startedAfter);
  assert.equal(submissions.length, 1, 'the submission ran');
  assert.equal(submissions[0].state, 'COMPLETED');
  return submissions[0].businessKey;
}

async function fill(page, label, value) {
  await page.locator('.modal-content').getByLabel(label, { exact: true }).first().fill(value);
}

async function submitCase(page, shot, viewport, { patientRef, unitPrice }) {
  const start = page.getByRole('link', { name: /Start process/ });
  if (!await start.isVisible()) {
    // on a phone Tasklist folds its header links under the menu button
    await page.locator('.navbar-toggle, button[ng-click*="toggle"], .navbar-header button').first().click();
  }
  await start.click();
  await page.locator('.modal-content').getByText('Submit surgical case').click();
  await page.locator('.modal-content').getByLabel('Facility*', { exact: false }).first().waitFor();
  await fill(page, 'Facility*', FACILITY);
  await fill(page, 'Surgeon*', 'Dr. Amelia Chen');
  await fill(page, 'Procedure*', 'Total knee arthroplasty');
  const date = page.locator('.modal-content').getByLabel('Date of surgery*');
  await date.fill('11/20/2026');
  await date.press('Tab');
  await fill(page, 'Patient reference*', patientRef);
  await fill(page, 'Manufacturer*', 'Zimmer Biomet');
  await fill(page, 'Part number*', 'ZB-42-5010');
  await fill(page, 'Quantity*', '1');
  await fill(page, 'Description*', 'Femoral component');
  await fill(page, 'Unit price*', unitPrice);
  await shot(`${viewport}-start-form`, { fullPage: true });
  await page.locator('.modal-content').getByRole('button', { name: 'Start' }).click();
}

for (const [viewport, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1400, height: 1000 }]]) {
  test(`a rep submits a surgical case from Tasklist (${viewport})`, { timeout: 120_000 }, async () => {
    const browser = await launchBrowser();
    const { page } = browser;
    const shot = screenshotter(page, `tasklist-start-${viewport}`);
    try {
      // given the rep in Tasklist (signed in on the desktop layout, whose header shows the name)
      await logIntoTasklist(page, REP);
      await page.setViewportSize(size);
      const casesBefore = (await getJson('/api/dashboard/pending-po?size=1', REP)).count;

      // when the form names a patient instead of the anonymous reference
      await submitCase(page, shot, viewport, { patientRef: 'John Smith', unitPrice: '3450.00' });

      // then Tasklist shows the service's words at the top of the dialog, and nothing is made
      const refusal = page.locator('.modal-content .notifications .alert-danger');
      await refusal.waitFor();
      await refusal.scrollIntoViewIfNeeded();
      assert.match(await refusal.innerText(), /Patient reference: must be the anonymous patient reference/);
      await shot(`${viewport}-refused`);
      assert.equal((await getJson('/api/dashboard/pending-po?size=1', REP)).count, casesBefore, 'no case was made');

      // when the rep corrects it and starts again
      const startedAfter = Date.now() - 2000;
      await fill(page, 'Patient reference*', `PT-${viewport === 'phone' ? 7 : 8}${Date.now() % 100000}`);
      await page.locator('.modal-content').getByRole('button', { name: 'Start' }).click();
      await page.locator('.modal-content').waitFor({ state: 'detached' });
      const caseNumber = await caseNumberSubmittedAfter(startedAfter);
      await page.reload(); // folds a phone's opened header menu away again

      // then the case waits for its PO under "My cases", its card in words
      await selectFilter(page, 'My cases');
      const card = page.locator('li.task', { hasText: caseNumber });
      await card.waitFor();
      const unfold = card.locator('[class*="chevron-down"], [class*="menu-down"]').first();
      if (await unfold.count()) {
        await unfold.click();
      }
      await card.scrollIntoViewIfNeeded();
      await shot(`${viewport}-my-cases`, { fullPage: viewport === 'phone' });
      const text = (await card.textContent()).replace(/\s+/g, ' ');
      assert.match(text, /Add Purchase Order/);
      assert.match(text, new RegExp(`Case:?\\s+${caseNumber}`));
      assert.match(text, new RegExp(`Facility:?\\s+${FACILITY}`));
      assert.match(text, /Value:?\s+\$3,450\.00/);
      assert.match(text, /Event date:?\s+2026-11-20/);
      assert.equal((await getJson('/api/dashboard/pending-po?size=1', REP)).count, casesBefore + 1);

      // and the task says what to do, when it is due, and links to the case's Event Detail
      await card.locator('a').first().click();
      const link = page.getByRole('link', { name: `Open case ${caseNumber} in the Console` });
      await link.waitFor();
      assert.match(await link.getAttribute('href'), /^\/console\/cases\/\d+$/);
      await page.getByRole('link', { name: 'Description' }).click();
      await page.getByText(`Case ${caseNumber}: enter the hospital's purchase order`).waitFor();
      await shot(`${viewport}-task`, { fullPage: true });
    } catch (error) {
      await shot('failure', { fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await browser.close();
    }
  });
}

test('billing sees the count of every case filter', { timeout: 90_000 }, async () => {
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'tasklist-filter-counts');
  try {
    await logIntoTasklist(page, BILLING);
    // Tasklist shows the count next to the selected filter's name
    for (const filter of ["Pending PO#'s", 'Invoices to send', 'Payments to record']) {
      await selectFilter(page, filter);
      const counter = page.locator('.task-filter.active .counter');
      const count = await eventually(() => counter.innerText(), (value) => /^\d+$/.test(value.trim()));
      const tasks = await page.locator('li.task').count();
      assert.ok(Number(count) >= 1, `${filter} shows its count: ${count}`);
      assert.equal(Number(count), tasks, `${filter}: the count is the number of cards`);
      await shot(filter.replace(/[^A-Za-z]+/g, '-').toLowerCase());
    }
  } catch (error) {
    await shot('failure', { fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
