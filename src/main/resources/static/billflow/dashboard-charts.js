// The dashboard's charts (Apache ECharts, served as a webjar): one bar chart each for cases by status,
// pending POs by age, unpaid invoices by age and commission due by rep, read from /api/dashboard/charts
// with the signed-in session. Each bar's label says how many cases and their value; clicking a bar
// opens the Console case list of exactly those cases (the bar's link).
(function () {
  'use strict';
  const CHARTS = {
    casesByStatus: 'chart-cases-by-status',
    pendingPoByAge: 'chart-pending-po-by-age',
    unpaidInvoicesByAge: 'chart-unpaid-invoices-by-age',
    commissionDueByRep: 'chart-commission-due-by-rep',
  };
  const COLOURS = { casesByStatus: '#0b6bcb', pendingPoByAge: '#d97706', unpaidInvoicesByAge: '#b3261e', commissionDueByRep: '#1e6b33' };
  const rendered = [];

  function render(key, bars) {
    const element = document.getElementById(CHARTS[key]);
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    rendered.push(chart);
    if (bars.length === 0) {
      element.textContent = 'Nothing to show.';
      element.classList.add('muted');
      return;
    }
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      color: [COLOURS[key]],
      grid: { left: 8, right: 12, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => `${bars[p.dataIndex].label}<br>${bars[p.dataIndex].count} cases<br>${bars[p.dataIndex].allValues.join('<br>') || ''}` },
      // axis names wrap within their slot, so a phone's narrow charts keep them apart
      xAxis: { type: 'category', data: bars.map((b) => b.label),
        axisLabel: { interval: 0, overflow: 'break', width: Math.max(40, (element.clientWidth - 60) / bars.length - 6) } },
      // headroom above the tallest bar, so its two-line label stays clear of the axis name
      yAxis: { type: 'value', name: 'cases', minInterval: 1, boundaryGap: [0, '30%'] },
      series: [{
        type: 'bar',
        name: 'Cases',
        data: bars.map((b) => b.count),
        cursor: 'pointer',
        label: { show: true, position: 'top', fontSize: 11, lineHeight: 14, formatter: (p) => `${bars[p.dataIndex].count}\n${bars[p.dataIndex].value}` },
      }],
    });
    chart.on('click', (params) => { window.location.href = bars[params.dataIndex].link; });
    element.dataset.links = JSON.stringify(bars.map((b) => b.link));
  }

  async function load() {
    try {
      const body = await window.Billflow.getJson('/api/dashboard/charts');
      document.getElementById('charts-scope').textContent = 'Values in ' + body.currency + '; other currencies in the tooltips.';
      Object.keys(CHARTS).forEach((key) => render(key, body[key]));
      document.getElementById('charts').dataset.loaded = 'true';
    } catch (error) {
      const message = document.getElementById('charts-error');
      message.hidden = false;
      message.textContent = 'Could not load the charts: ' + error.message;
    }
  }

  window.addEventListener('resize', () => rendered.forEach((chart) => chart.resize()));
  load();
})();
