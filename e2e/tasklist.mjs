// Helpers shared by the browser tests: the Billflow and engine REST APIs (HTTP Basic), and driving
// Camunda Tasklist in Debian's Chromium through playwright-core. Not a test file itself (node --test
// picks only *.test.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BILLFLOW_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

// --- REST helpers (Billflow API and engine REST, both HTTP Basic) ---------------------------------

function authorization({ user, password }) {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

export async function getJson(urlPath, credentials) {
  const response = await fetch(BASE_URL + urlPath, {
    headers: { Accept: 'application/json', Authorization: authorization(credentials) },
  });
  const body = await response.text();
  assert.equal(response.status, 200, `GET ${urlPath} as ${credentials.user} answered ${response.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

/** POSTs JSON and expects {@code expectedStatus} (201 Created unless told). */
export async function postJson(urlPath, credentials, payload, expectedStatus = 201) {
  const response = await fetch(BASE_URL + urlPath, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: authorization(credentials),
    },
    body: JSON.stringify(payload ?? {}),
  });
  const body = await response.text();
  assert.equal(response.status, expectedStatus, `POST ${urlPath} as ${credentials.user} answered ${response.status}: ${body.slice(0, 300)}`);
  return body ? JSON.parse(body) : null;
}

export async function taskExists(taskId, credentials) {
  const tasks = await getJson(`/engine-rest/task?taskId=${encodeURIComponent(taskId)}`, credentials);
  return tasks.length === 1;
}

/** Polls briefly: the API is read right after a browser action whose request may still be in flight. */
export async function eventually(read, check, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// --- Browser helpers ----------------------------------------------------------------------------

export async function launchBrowser() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billflow-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
    viewport: { width: 1400, height: 1000 },
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Numbered screenshots under e2e/screenshots/, named after the test; pass fullPage for long forms. */
export function screenshotter(page, testName) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  let step = 0;
  return async (name, options = {}) => {
    step += 1;
    const file = path.join(SCREENSHOTS, `${testName}-${String(step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, ...options });
  };
}

/** Fills Billflow's one sign-in page (GET /login), which serves Tasklist, Cockpit, Admin and every Billflow page. */
export async function signIn(page, { user, password }) {
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function logIntoTasklist(page, credentials) {
  await page.goto(BASE_URL + '/camunda/app/tasklist/');
  await signIn(page, credentials);
  // The header shows the signed-in user's name once the login went through.
  await page.locator('li.account').getByText(credentials.name).waitFor();
}

export async function selectFilter(page, filterName) {
  await page.getByRole('link', { name: new RegExp('^\\s*' + escapeRegExp(filterName)) }).click();
  await page.locator('.task-filter.active h4.name', { hasText: filterName }).waitFor();
}

export function taskLink(page, taskId) {
  return page.locator(`li.task a[href="#/?task=${taskId}"]`);
}

/** Claims the task unless the user already has it: Tasklist enables Complete only for the assignee. */
export async function claim(page) {
  await page.locator('button.claim, button.unclaim').first().waitFor();
  const claimButton = page.getByRole('button', { name: 'Claim' });
  if (await claimButton.isVisible()) {
    await claimButton.click();
  }
  await page.locator('button.unclaim').waitFor();
}

export async function clickComplete(page, formName = 'task') {
  const complete = page.getByRole('button', { name: 'Complete' });
  await complete.waitFor();
  const enabled = await eventually(() => complete.isEnabled(), (value) => value, 10_000);
  assert.ok(enabled, `Tasklist keeps "Complete" disabled: it considers the ${formName} form invalid`);
  await complete.click();
}

/** The red notification Tasklist shows when the server refused the form, e.g. a 400 from a delegate. */
export function errorNotification(page) {
  return page.locator('.page-notifications .alert-danger');
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
