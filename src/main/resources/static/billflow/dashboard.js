// The dashboard beside its panels (pending-po-panel.js, dashboard-charts.js): the case chosen in
// "Pending PO#'s" with its lines, and the header links the signed-in user may follow.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const { money, text, getJson } = window.Billflow;
  // The names the Console shows for SurgicalCaseStatus (messages.properties), so the panel never shows a code.
  const STATUS_NAMES = { PENDING_PO: 'Pending PO', PENDING_PAYMENT: 'Pending Payment', PAID: 'Paid', CANCELLED: 'Cancelled' };

  async function showCase(caseId) {
    const details = $('case-details');
    try {
      const c = await getJson('/api/surgical-cases/' + encodeURIComponent(caseId));
      $('case-hint').hidden = true;
      const table = document.createElement('table');
      table.innerHTML = '<thead><tr><th>Manufacturer</th><th>Part</th><th>Description</th><th class="amount">Qty</th><th class="amount">Amount</th></tr></thead>';
      const body = document.createElement('tbody');
      for (const line of c.lines) {
        const row = document.createElement('tr');
        row.append(text('td', line.manufacturer), text('td', line.partNumber), text('td', line.description),
          text('td', line.quantity, 'amount'), text('td', money(line.amount, c.currency), 'amount'));
        body.append(row);
      }
      table.append(body);
      details.replaceChildren(
        text('h3', c.caseNumber + ' — ' + (STATUS_NAMES[c.status] || c.status)),
        text('p', c.procedure + ' on ' + c.procedureDate + ', ' + c.surgeon),
        table,
        text('p', 'Total: ' + money(c.total, c.currency)));
    } catch (error) {
      details.replaceChildren(text('p', 'Could not load the case: ' + error.message, 'error'));
    }
  }

  /** Shows only the links the signed-in user may follow: Cockpit for its users, the mailbox for administrators. */
  async function showLinks() {
    try {
      const me = await getJson('/api/me');
      $('signed-in-user').textContent = me.name;
      $('cockpit-link').hidden = !me.webapps.includes('cockpit');
      $('mailbox-link').hidden = !me.groups.includes('camunda-admin');
    } catch (error) {
      // The links stay hidden.
    }
  }

  document.addEventListener('pending-po:case', (event) => showCase(event.detail.caseId));
  showLinks();
  const selected = new URLSearchParams(window.location.search).get('case');
  if (selected) showCase(selected);
})();
