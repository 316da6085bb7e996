// Browser test of the Console's laboratory invoice screens (SPEC §8, issue 13 section 1), looked at as an
// office manager does: creates two invoices for one client on "New invoice", adds lines with the editor,
// makes an estimate, filters the list and merges the two, changes, removes, adds and reprices lines on the merged draft,
// walks it through release, authorise, transmit (by mail), book and payment, sees its invoice PDF previewed,
// makes a WIP document of another invoice and cancels that one with a reason. Each page is also shot at
// 390 px. Screenshots go to e2e/screenshots/invoice-console-*.png. e2e/run.sh starts a throw-away app for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, eventually, launchBrowser, screenshotter, signIn } from './tasklist.mjs';

const OFFICE = { user: 'office', password: 'office' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const TEST_TIMEOUT_MS = 180_000;
const LAB = 'Alpha Analytical Laboratory';
const CLIENT = 'Coopérative Agricole du Lyonnais';
const RUN = Date.now().toString(36).toUpperCase();

/** Opens {@code path}, which sends to the one sign-in page, and signs in there (tasklist.mjs's signIn). */
async function openSignedIn(page, credentials, path) {
  await page.goto(BASE_URL + path);
  await signIn(page, credentials);
  await page.waitForURL((url) => url.pathname.startsWith(path));
}

/** Desktop shot (full page), then the same page's first screen at 390 px, then back to the desktop size. */
async function shootBoth(page, shot, name) {
  await shot(name + '-desktop', { fullPage: true });
  await page.setViewportSize(PHONE);
  await shot(name + '-390px');
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= PHONE.width + 1, `${name} is ${scrollWidth}px wide at 390 px: it scrolls sideways`);
  await page.setViewportSize(DESKTOP);
}

async function newInvoice(page, jobNumber, shoot) {
  await page.getByRole('link', { name: 'Invoices', exact: true }).click();
  await page.getByRole('button', { name: 'New invoice' }).click();
  await page.getByRole('heading', { name: 'New invoice' }).waitFor();
  await page.getByLabel('Laboratory').selectOption({ label: LAB });
  await page.getByLabel('Client').selectOption({ label: CLIENT });
  await page.getByLabel('Job number').fill(jobNumber);
  if (shoot) await shoot();
  await page.getByRole('button', { name: 'Create invoice' }).click();
  await page.getByRole('status').getByText(`Invoice draft, job ${jobNumber} created`).waitFor();
  return new URL(page.url()).pathname;
}

async function addLine(page, { kind, description, quantity, unitPrice, percent }) {
  const form = page.locator('#add-line');
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByLabel('Description').fill(description);
  if (quantity) await form.getByLabel('Quantity').fill(quantity);
  if (unitPrice) await form.getByLabel('Unit price').fill(unitPrice);
  if (percent) await form.getByLabel('Percent').fill(percent);
  await form.getByRole('button', { name: 'Add line' }).click();
  await page.getByRole('status').getByText('Line added.').waitFor();
}

function lineEditor(page, description) {
  return page.locator('form.line-editor').filter({ has: page.locator(`input[name="description"][value="${description}"]`) });
}

async function act(page, button, expected) {
  await page.locator('#actions').getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('status').getByText(expected).waitFor();
}

/** The status badge in the title row; reloads until it reads {@code expected} (a transmission runs as a job). */
async function waitForStatus(page, expected) {
  const badge = page.locator('.title-row .status');
  const text = await eventually(async () => {
    await page.reload();
    return (await badge.innerText()).trim();
  }, (value) => value === expected, 30_000);
  assert.equal(text, expected);
}

test('an office manager merges, edits and walks an invoice to paid, and cancels another with a reason', { timeout: TEST_TIMEOUT_MS }, async () => {
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'invoice-console');
  try {
    await page.setViewportSize(DESKTOP);
    await openSignedIn(page, OFFICE, '/console/invoices');
    await page.getByRole('heading', { name: 'Invoices' }).waitFor();
    // Names, not codes: statuses and types as words.
    await page.locator('table').getByText('Initial').first().waitFor();
    assert.equal(await page.locator('td', { hasText: /^INITIAL$/ }).count(), 0);
    await shootBoth(page, shot, 'list');

    // Two invoices of one job each, lines added with the editor.
    const firstUrl = await newInvoice(page, `E2E-${RUN}-1`, () => shootBoth(page, shot, 'new-invoice-form'));
    await shootBoth(page, shot, 'new-invoice-empty');
    await addLine(page, { kind: 'Sample / test', description: 'Pesticide screen, wheat', quantity: '2', unitPrice: '90.00' });
    await addLine(page, { kind: 'Tax', description: 'VAT 20%', percent: '20' });
    await page.locator('.totals').getByText('€216.00').waitFor();
    // A line that breaks the rules is refused with the rule, and nothing is added.
    await page.locator('#add-line').getByLabel('Kind').selectOption({ label: 'Discount' });
    await page.locator('#add-line').getByLabel('Description').fill('Loyalty discount');
    await page.locator('#add-line').getByLabel('Quantity').fill('1');
    await page.locator('#add-line').getByRole('button', { name: 'Add line' }).click();
    await page.getByRole('alert').getByText('takes a percent').waitFor();
    await shot('line-refused', { fullPage: true });
    // An estimate for the client while the invoice is initial, previewed in the page; the status stays.
    await page.getByRole('button', { name: 'Make estimate' }).click();
    await page.getByRole('status').getByText('Estimate made').waitFor();
    await page.locator('figure.pdf figcaption').getByText('Estimate').waitFor();
    await page.locator('.title-row .status').getByText('Initial').waitFor();
    await page.locator('h1').click();

    await newInvoice(page, `E2E-${RUN}-2`);
    await addLine(page, { kind: 'Cost', description: 'Courier, refrigerated', quantity: '1', unitPrice: '35.00' });

    // Filter the list down to the client's initial invoices and merge the two.
    await page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await page.getByLabel('Laboratory').selectOption({ label: LAB });
    await page.getByLabel('Client').selectOption({ label: CLIENT });
    await page.getByLabel('Type').selectOption({ label: 'Invoice' });
    await page.getByLabel('Status').selectOption({ label: 'Initial' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/status=INITIAL/);
    const rows = page.locator('tbody tr');
    assert.ok(await rows.count() >= 2);
    for (const row of await rows.all()) {
      assert.match(await row.innerText(), /Coopérative Agricole du Lyonnais/);
    }
    await page.getByLabel(`Merge E2E-${RUN}-1`).check();
    await page.getByLabel(`Merge E2E-${RUN}-2`).check();
    await shootBoth(page, shot, 'list-filtered');
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('status').getByText(`2 invoices merged into Invoice draft, job E2E-${RUN}-1`).waitFor();
    assert.equal(new URL(page.url()).pathname, firstUrl);
    await page.locator('.title-row .status').getByText('Draft').waitFor();
    await page.getByText('Merged from').waitFor();

    // Edit the merged draft: change, remove, add, reprice.
    const pesticide = lineEditor(page, 'Pesticide screen, wheat');
    await pesticide.getByLabel('Quantity').fill('3');
    await pesticide.getByRole('button', { name: 'Save line' }).click();
    await page.getByRole('status').getByText('Line changed.').waitFor();
    await page.locator('.title-row .status').getByText('Edited').waitFor();
    await lineEditor(page, 'Courier, refrigerated').getByRole('button', { name: 'Remove line' }).click();
    await page.getByRole('status').getByText('Line removed.').waitFor();
    await addLine(page, { kind: 'Surcharge', description: 'Express turnaround', percent: '10' });
    await act(page, 'Reprice', 'Repriced');
    // 3 × 90.00 = 270.00, + 10 % = 297.00, + 20 % VAT = 356.40
    await page.locator('.totals').getByText('€356.40').waitFor();
    await shootBoth(page, shot, 'draft-edited');

    // Release (numbered, PDF made), authorise, transmit by mail, book, pay.
    await act(page, 'Release', 'is now Released');
    const number = (await page.locator('h1').innerText()).replace('Invoice ', '');
    assert.match(number, /^ALPHA-INV-/);
    assert.equal(await page.locator('#add-line').count(), 0, 'the line editor is gone once released');
    await act(page, 'Authorise', 'is now Authorised');
    await page.locator('#actions').getByRole('button', { name: 'Unauthorise' }).waitFor();
    await act(page, 'Transmit', /Transmission started|is now Transmitted/);
    await waitForStatus(page, 'Transmitted');
    await page.locator('.facts').getByText('Post (recorded as sent)').waitFor();
    await act(page, 'Book', 'is now Booked');
    await page.locator('#actions').getByRole('button', { name: 'Record payment' }).click();
    await page.getByRole('status').getByText('is now Paid').waitFor();
    await page.getByText('None: this status is final').waitFor();
    // The invoice PDF is listed, previewed in the page and downloadable.
    await page.locator('#documents').scrollIntoViewIfNeeded();
    const documentsTable = page.locator('h2#documents + p + table, h2#documents ~ table').first();
    await documentsTable.getByText('Invoice', { exact: true }).first().waitFor();
    const frame = page.locator('figure.pdf iframe');
    await frame.waitFor();
    const pdf = await page.request.get(BASE_URL + await frame.getAttribute('src'));
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
    const download = page.getByRole('link', { name: 'Download' }).first();
    assert.match(await download.getAttribute('href'), /download=true/);
    await page.locator('table').getByText('Record payment').waitFor();
    await shootBoth(page, shot, 'paid-with-pdf');

    // Another invoice: a WIP document previewed, then cancelled with a reason.
    await newInvoice(page, `E2E-${RUN}-3`);
    await addLine(page, { kind: 'Sample / test', description: 'Mycotoxins, maize', quantity: '1', unitPrice: '140.00' });
    await page.getByRole('button', { name: 'Make WIP document' }).click();
    await page.getByRole('status').getByText('Work in progress made').waitFor();
    await page.locator('figure.pdf figcaption').getByText('Work in progress').waitFor();
    await page.locator('.title-row .status').getByText('Initial').waitFor();
    await shootBoth(page, shot, 'wip-previewed');
    // Chromium's PDF viewer in the preview frame keeps the focus after the page scrolled to it, and eats the next
    // click outside it; a click on the heading gives the focus back to the page, as a user's first click does.
    await page.locator('h1').click();
    await page.locator('#actions summary', { hasText: 'Cancel' }).click();
    // The reason is required before anything is sent.
    await page.getByRole('button', { name: 'Cancel with this reason' }).click();
    assert.equal(await page.locator('.title-row .status').innerText(), 'Initial');
    await page.getByLabel('Reason').fill('Samples arrived spoiled; the client sends new ones under a new job');
    await shot('cancel-reason', { fullPage: true });
    await page.getByRole('button', { name: 'Cancel with this reason' }).click();
    await page.getByRole('status').getByText('is now Cancelled').waitFor();
    await page.locator('table').getByText('Samples arrived spoiled').waitFor();
    await shootBoth(page, shot, 'cancelled');
  } finally {
    await browser.close();
  }
});

test('an office manager of one laboratory does not see another laboratory\'s invoice', { timeout: TEST_TIMEOUT_MS }, async () => {
  const alphaInvoices = await (await fetch(BASE_URL + '/api/invoices?size=1', {
    headers: { Authorization: 'Basic ' + Buffer.from('office:office').toString('base64') },
  })).json();
  const alphaId = alphaInvoices.items.find((i) => i.laboratoryCode === 'ALPHA')?.id ?? alphaInvoices.items[0].id;
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'invoice-console-beta');
  try {
    await openSignedIn(page, { user: 'office-beta', password: 'office-beta' }, '/console/invoices');
    await page.getByRole('heading', { name: 'Invoices' }).waitFor();
    assert.equal(await page.locator('tbody').getByText('Alpha Analytical Laboratory').count(), 0);
    const response = await page.goto(BASE_URL + '/console/invoices/' + alphaId);
    assert.equal(response.status(), 404);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the invoices' }).waitFor();
    await shot('other-laboratory-not-found');
  } finally {
    await browser.close();
  }
});
