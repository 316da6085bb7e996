// Browser test of SPEC §7 "The API is described by an OpenAPI 3 document": a signed-in user opens
// the Swagger UI the README links to and reads an operation with its error answers. Needs a running
// Billflow (BILLFLOW_URL, default http://localhost:8080) and Debian's Chromium; e2e/run.sh starts one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launchBrowser, screenshotter } from './tasklist.mjs';

const REP = { user: 'rep', password: 'rep' };
const TEST_TIMEOUT_MS = 60_000;

test('a signed-in user reads the API description in Swagger UI', { timeout: TEST_TIMEOUT_MS }, async () => {
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'api-docs');
  try {
    // given: the link from the README, not signed in yet: the login form comes first
    await page.goto(BASE_URL + '/swagger-ui/index.html');
    await page.locator('input[name="username"]').fill(REP.user);
    await page.locator('input[name="password"]').fill(REP.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // then: back on the Swagger UI, which has loaded the document
    await page.waitForURL(/\/swagger-ui\/index\.html/);
    const title = page.locator('.information-container .title');
    await title.waitFor();
    assert.match(await title.innerText(), /^Billflow API/);
    assert.ok(await page.getByRole('button', { name: 'Authorize' }).isVisible(), 'HTTP Basic is offered by the Authorize button');
    for (const tag of ['Surgical cases', 'Dashboard', 'Laboratory invoices', 'Directory', 'Exports']) {
      assert.ok(await page.locator(`h3[data-tag="${tag}"]`).isVisible(), `the feature group "${tag}" is listed`);
    }
    await shot('overview');

    // when: the operation that submits a case is opened
    const submit = page.locator('#operations-Surgical_cases-surgicalCaseSubmit');
    await submit.locator('.opblock-summary').click();

    // then: its summary, the groups that may call it and its error answers with the error body are shown
    await submit.getByText('Submit a case for billing').first().waitFor();
    const body = submit.locator('.opblock-body');
    await body.getByText('Groups:').waitFor();
    const responses = await body.locator('.responses-table tr.response').evaluateAll(
      (rows) => rows.map((row) => row.getAttribute('data-code')));
    assert.deepEqual(responses, ['201', '400', '401', '403', '409', '415'], 'success and every error answer');
    await body.getByText('UNAUTHORIZED: no or wrong HTTP Basic credentials.').waitFor();
    await body.locator('tr.response[data-code="400"]').scrollIntoViewIfNeeded();
    await shot('submit-case');
  } finally {
    await browser.close();
  }
});
