// Browser test of the Console (SPEC §8, issue 12), looked at as a user does: a rep on a 390 px phone
// submits a 3-line case for two manufacturers (one line filled from a UDI barcode) and adds one PO
// per manufacturer; billing on a desktop finds it with the filters, opens Event Detail, sees the
// invoice PDF, emails it with a changed subject to a contact picked from "All Emails", records a partial
// payment, is refused an overpayment, pays the rest (amount left empty) and the commission. The mail
// in the embedded mailbox has the PDF attached and the case is Paid. Screenshots of every page go to e2e/screenshots/console-*.png. e2e/run.sh starts a throw-away app for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, eventually, launchBrowser, screenshotter } from './tasklist.mjs';

const REP = { user: 'rep', password: 'rep', name: 'Riley Rep' };
const BILLING = { user: 'billing', password: 'billing', name: 'Blair Billing' };
const ADMIN = { user: 'demo', password: 'demo' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const TEST_TIMEOUT_MS = 120_000;
// GS1 DataMatrix Guideline style UDI as a scanner types it: FNC1 as ASCII 29 between variable-length fields.
const UDI = '010950400005910117281120' + '10LOT-A7\u001D' + '21SN-1001';

let caseNumber;
let caseUrl;

async function signIn(page, { user, password }, path) {
  await page.goto(BASE_URL + path);
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith(path));
}

/** The fields of line n (1-based), found by their labels inside that line's fieldset. */
function line(page, n) {
  return page.locator('fieldset.line').nth(n - 1);
}

async function fillLine(page, n, { manufacturer, part, lot, serial, description, quantity, unitPrice }) {
  const l = line(page, n);
  await l.getByLabel('Manufacturer').fill(manufacturer);
  if (part) await l.getByLabel('Part number').fill(part);
  if (lot) await l.getByLabel('Lot').fill(lot);
  if (serial) await l.getByLabel('Serial').fill(serial);
  await l.getByLabel('Description').fill(description);
  await l.getByLabel('Quantity').fill(quantity);
  await l.getByLabel('Unit price').fill(unitPrice);
}

async function addLine(page, count) {
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.locator('fieldset.line').nth(count - 1).waitFor();
}

test('a rep submits a 3-line case on a phone and adds one PO per manufacturer', { timeout: TEST_TIMEOUT_MS }, async () => {
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'console-rep');
  try {
    await page.setViewportSize(PHONE);
    await signIn(page, REP, '/console/cases');
    await page.getByRole('heading', { name: 'My cases' }).waitFor();
    await shot('my-cases');

    await page.getByRole('link', { name: 'New case' }).first().click();
    await page.getByRole('heading', { name: 'New case' }).waitFor();
    // The rule for the patient reference is on screen before anything is typed.
    await page.getByText('The patient reference must be the anonymous patient reference').waitFor();
    await page.getByLabel('Facility').fill('St. Francis Medical Center');
    await page.getByLabel('Surgeon').fill('Dr. Amelia Chen');
    await page.getByLabel('Procedure', { exact: true }).fill('Total hip arthroplasty');
    await page.getByLabel('Procedure date').fill('2026-11-20');
    await page.getByLabel('Patient reference').fill('John Smith');

    // Line 1 from a scanned UDI: part (the GTIN), lot and serial fill in.
    await line(page, 1).getByLabel('UDI barcode').fill(UDI);
    await line(page, 1).getByLabel('UDI barcode').press('Enter');
    await eventually(() => line(page, 1).getByLabel('Serial').inputValue(), (v) => v === 'SN-1001');
    assert.equal(await line(page, 1).getByLabel('Part number').inputValue(), '09504000059101');
    assert.equal(await line(page, 1).getByLabel('Lot').inputValue(), 'LOT-A7');
    await line(page, 1).getByText('From the barcode: GTIN 09504000059101, expires 2028-11-20').waitFor();
    await fillLine(page, 1, { manufacturer: 'Acme Ortho', description: 'Acetabular cup', quantity: '1', unitPrice: '1000' });
    await addLine(page, 2);
    await fillLine(page, 2, { manufacturer: 'Acme Ortho', part: 'AC-200', lot: 'L-2', description: 'Bone cement', quantity: '2', unitPrice: '45.25' });
    await addLine(page, 3);
    await fillLine(page, 3, { manufacturer: 'Zimmer Biomet', part: 'ZB-300', serial: 'S-3', description: 'Femoral head', quantity: '1', unitPrice: '520.50' });
    // The running total: 1,000.00 + 2 × 45.25 + 520.50
    await page.locator('#total').getByText('$1,611.00').waitFor();
    await shot('new-case-filled', { fullPage: true });

    // A patient's name is refused with the service's own words, and nothing typed is lost.
    await page.getByRole('button', { name: 'Submit case' }).click();
    await page.getByText("never a patient's name").last().waitFor();
    assert.equal(await line(page, 3).getByLabel('Unit price').inputValue(), '520.50');
    await shot('new-case-refused', { fullPage: true });

    await page.getByLabel('Patient reference').fill('PT-E2E-' + Date.now().toString(36));
    await page.getByRole('button', { name: 'Submit case' }).click();
    const flash = page.getByRole('status');
    await flash.getByText(/submitted: it waits for its PO/).waitFor();
    caseNumber = /Case (\S+) submitted/.exec(await flash.innerText())[1];
    caseUrl = new URL(page.url()).pathname;
    await page.getByText('Pending PO').first().waitFor();
    await shot('case-submitted', { fullPage: true });

    // "My cases": status, value, event date and the PO step.
    await page.getByRole('link', { name: 'My cases' }).click();
    const row = page.getByRole('row').filter({ hasText: caseNumber });
    await row.getByText('Pending PO').waitFor();
    await row.getByText('$1,611.00').waitFor();
    await row.getByText('Nov 20, 2026').waitFor();
    await shot('my-cases-with-new-case', { fullPage: true });
    await row.getByRole('link', { name: 'Add PO' }).click();

    await page.getByRole('heading', { name: 'Add Purchase Order' }).waitFor();
    await page.getByLabel('PO for Acme Ortho').fill('PO-ACME-77');
    await page.getByLabel('PO for Zimmer Biomet').fill('PO-ZB-78');
    await shot('add-po', { fullPage: true });
    await page.getByRole('button', { name: 'Add Purchase Order' }).click();
    await page.getByRole('status').getByText('Purchase order added').waitFor();
    await page.getByText('Pending Payment').first().waitFor();
    await page.getByText('PO-ACME-77').waitFor();
    await page.getByText('PO-ZB-78').waitFor();
    // A rep has no back-office buttons.
    assert.equal(await page.getByRole('button', { name: 'Invoice Paid' }).count(), 0);
    await shot('po-added', { fullPage: true });
  } catch (e) {
    await shot('failed', { fullPage: true });
    throw e;
  } finally {
    await browser.close();
  }
});

test('billing finds the case, previews, emails and marks both payments on Event Detail', { timeout: TEST_TIMEOUT_MS }, async () => {
  assert.ok(caseNumber, 'the rep test submitted a case');
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'console-billing');
  try {
    await page.setViewportSize(DESKTOP);
    await signIn(page, BILLING, '/console/cases');
    await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Pending Payment' });
    await page.getByLabel('Rep').selectOption({ label: REP.name });
    await page.getByLabel('Facility').selectOption({ label: 'St. Francis Medical Center' });
    await page.getByRole('button', { name: 'Filter' }).click();
    const row = page.getByRole('row').filter({ hasText: caseNumber });
    await row.getByText(REP.name).waitFor();
    await shot('filtered-list');
    await row.getByRole('link', { name: caseNumber }).click();
    await page.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();

    // The invoice is generated by itself after the PO: wait for it.
    const invoiceLine = page.locator('#invoice p').filter({ hasText: /Invoice\s+\S+\s+of/ });
    const generated = await eventually(async () => {
      await page.reload();
      return invoiceLine.count();
    }, (count) => count > 0, 30_000);
    assert.equal(generated, 1, `the invoice was generated (${generated} matches)`);
    const invoiceNumber = /Invoice (\S+) of/.exec(await invoiceLine.innerText())[1];

    // The PDF preview is in the page, and it is a PDF.
    const frame = page.getByTitle('Invoice PDF preview');
    await frame.waitFor();
    const pdf = await page.request.get(new URL(await frame.getAttribute('src'), BASE_URL).toString());
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    assert.equal(await page.getByRole('button', { name: 'Download PDF' }).count(), 1);
    // .CSV is for administrators only.
    assert.equal(await page.getByRole('button', { name: /Download \.CSV/ }).count(), 0);

    // Email the invoice: To defaults to the facility's first billing contact; change the subject, pick a contact.
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    assert.match(to, /@/);
    const subject = `Invoice ${invoiceNumber} for your records (${Date.now().toString(36)})`;
    await page.getByLabel('Subject').fill(subject);
    const contacts = page.getByLabel('All Emails').locator('option');
    const picked = await contacts.nth((await contacts.count()) - 2).getAttribute('value');
    await page.getByLabel('All Emails').selectOption(picked);
    await shot('event-detail', { fullPage: true });
    await page.getByRole('button', { name: 'Send email' }).click();
    await page.getByRole('status').getByText('Invoice handed over for email').waitFor();

    // The mail arrives with the PDF attached; the mailbox is for administrators (SecurityConfiguration).
    const admin = await launchBrowser();
    try {
      await signIn(admin.page, ADMIN, '/mailbox');
      const mail = admin.page.locator('article.mail').filter({ has: admin.page.getByRole('heading', { name: subject }) });
      const arrived = await eventually(async () => {
        await admin.page.goto(BASE_URL + '/mailbox');
        return mail.count();
      }, (count) => count > 0, 30_000);
      assert.equal(arrived, 1, 'the invoice mail is in the mailbox');
      assert.match(await mail.innerText(), new RegExp(picked.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await mail.getByRole('link', { name: `${invoiceNumber}.pdf` }).waitFor();
      await screenshotter(admin.page, 'console-admin')('mailbox');
    } finally {
      await admin.close();
    }

    await page.goto(BASE_URL + caseUrl);
    await page.getByText(/Sent by email/).waitFor();
    // A partial payment first: the rest stays open and the button comes back for it.
    const open = await page.getByLabel('Amount received').getAttribute('placeholder');
    assert.match(open, /^\d+\.\d{2}$/, 'the open amount is the placeholder');
    await page.getByLabel('Amount received').fill('10.00');
    await page.getByLabel('Payment reference').fill('Cheque 1042');
    await page.getByRole('button', { name: 'Invoice Paid' }).click();
    await page.getByRole('status').getByText(/Payment recorded: .* still open\./).waitFor();
    assert.equal(await page.getByLabel('Amount received').getAttribute('placeholder'), (Number(open) - 10).toFixed(2));
    // More than is open is refused with the service's words, on the page.
    await page.getByLabel('Amount received').fill((Number(open) + 1).toFixed(2));
    await page.getByRole('button', { name: 'Invoice Paid' }).click();
    await page.getByRole('alert').getByText(/more than the open amount/).waitFor();
    // Left empty, the amount is what is still open.
    await page.getByRole('button', { name: 'Invoice Paid' }).click();
    await page.getByRole('status').getByText('Invoice paid in full.').waitFor();
    await page.getByLabel('Commission amount').fill('50.00');
    await page.getByRole('button', { name: 'Commission Paid' }).click();
    await page.getByRole('status').getByText('Commission marked paid.').waitFor();
    await page.locator('.status.big').getByText('Paid', { exact: true }).waitFor();
    // The timeline names who did each step.
    const timeline = page.locator('ol.timeline');
    await timeline.getByRole('listitem').filter({ hasText: 'Add Purchase Order' }).getByText(REP.name).waitFor();
    // Twice: the partial payment, then the rest.
    await timeline.getByRole('listitem').filter({ hasText: 'Mark Invoice Paid' }).getByText(BILLING.name).nth(1).waitFor();
    await shot('case-paid', { fullPage: true });

    // The same screen at 390 px.
    await page.setViewportSize(PHONE);
    await shot('case-paid-phone', { fullPage: true });
  } catch (e) {
    await shot('failed', { fullPage: true });
    throw e;
  } finally {
    await browser.close();
  }
});
