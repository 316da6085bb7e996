// Browser test of issue 12 §3: the dashboard's charts (Apache ECharts) render for billing on a desktop and
// for a rep on a 390 px phone, with the "Pending PO#'s" panel kept; clicking a bar opens the Console case
// list filtered to exactly that bar's cases. Needs a running Billflow with demo data (BILLFLOW_URL) and
// Debian's Chromium; e2e/run.sh runs this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, getJson, launchBrowser, screenshotter, signIn } from './tasklist.mjs';

const BILLING = { user: 'billing', password: 'billing' };
const REP = { user: 'rep', password: 'rep' };
const CHARTS = ['chart-cases-by-status', 'chart-pending-po-by-age', 'chart-unpaid-invoices-by-age', 'chart-commission-due-by-rep'];

async function openDashboard(page, credentials) {
  await page.goto(BASE_URL + '/dashboard');
  await signIn(page, credentials);
  await page.waitForURL(/\/dashboard/);
  await page.locator('#charts[data-loaded="true"]').waitFor();
  await page.waitForFunction(() => /^\d+$/.test(document.getElementById('pending-po-count')?.textContent.trim() ?? ''));
}

/** Clicks the chart's bar {@code index} where a user would: the middle of the bar, as the chart itself places it. */
async function clickBar(page, chartId, index) {
  const point = await page.evaluate(({ chartId, index }) => {
    const element = document.getElementById(chartId);
    const chart = window.echarts.getInstanceByDom(element);
    const count = chart.getOption().series[0].data[index];
    const [x, top] = chart.convertToPixel({ seriesIndex: 0 }, [index, count]);
    const [, bottom] = chart.convertToPixel({ seriesIndex: 0 }, [index, 0]);
    const box = element.getBoundingClientRect();
    return { x: box.left + x, y: box.top + (top + bottom) / 2 };
  }, { chartId, index });
  await page.mouse.click(point.x, point.y);
}

test('billing sees the charts, and a bar opens the list of its cases', { timeout: 90_000 }, async () => {
  const charts = await getJson('/api/dashboard/charts', BILLING);
  const pendingIndex = charts.casesByStatus.findIndex((bar) => bar.label === 'Pending PO');
  assert.ok(charts.casesByStatus[pendingIndex].count >= 1, 'the demo has cases waiting for a PO');
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = screenshotter(page, 'dashboard-billing');
  try {
    // given billing on the dashboard
    await openDashboard(page, BILLING);
    for (const id of CHARTS) {
      assert.equal(await page.locator(`#${id} canvas`).count(), 1, `${id} is drawn`);
      // ECharts describes each chart for screen readers: the bars' names and values
      assert.match(await page.locator(`#${id}`).getAttribute('aria-label'), /bar/i, `${id} has its description`);
    }
    assert.match(await page.locator('#chart-cases-by-status').getAttribute('aria-label'), /Pending PO/);
    await page.locator('#pending-po').waitFor();
    await shot('desktop', { fullPage: true });

    // when billing clicks the "Pending PO" bar
    await clickBar(page, 'chart-cases-by-status', pendingIndex);

    // then the case list shows exactly the cases waiting for a PO
    await page.waitForURL(/\/console\/cases\?status=PENDING_PO/);
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    const statuses = await page.locator('table.cards tbody td[data-label="Status"]').allInnerTexts();
    assert.equal(statuses.length, Math.min(charts.casesByStatus[pendingIndex].count, 50));
    assert.ok(statuses.every((status) => status.trim() === 'Pending PO'), `only Pending PO cases: ${statuses}`);
    await shot('list-from-bar', { fullPage: true });

    // and the commission bar leads to the cases whose commission is due
    await page.goto(BASE_URL + '/dashboard');
    await page.locator('#charts[data-loaded="true"]').waitFor();
    if (charts.commissionDueByRep.length > 0) {
      await clickBar(page, 'chart-commission-due-by-rep', 0);
      await page.waitForURL(/awaiting=COMMISSION/);
      assert.equal(await page.locator('select[name="awaiting"]').inputValue(), 'COMMISSION');
      assert.equal(await page.locator('table.cards tbody tr').count(), charts.commissionDueByRep[0].count);
      await shot('commission-due', { fullPage: true });
    }
  } catch (error) {
    await shot('failure', { fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});

test('a rep sees the charts of their own cases on a phone', { timeout: 90_000 }, async () => {
  const own = await getJson('/api/dashboard/charts', REP);
  const all = await getJson('/api/dashboard/charts', BILLING);
  assert.ok(own.commissionDueByRep.every((bar) => bar.label === 'Riley Rep'), 'a rep sees only their own commission');
  const total = (charts) => charts.casesByStatus.reduce((sum, bar) => sum + bar.count, 0);
  assert.ok(total(own) <= total(all));
  const browser = await launchBrowser();
  const { page } = browser;
  await page.setViewportSize({ width: 390, height: 844 });
  const shot = screenshotter(page, 'dashboard-rep');
  try {
    await openDashboard(page, REP);
    for (const id of CHARTS) {
      const box = await page.locator(`#${id}`).boundingBox();
      assert.ok(box.width <= 390 && box.width > 250, `${id} fits the phone: ${box.width}px`);
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 390, `no sideways scrolling: ${scrollWidth}px`);
    await shot('phone', { fullPage: true });
  } catch (error) {
    await shot('failure', { fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
