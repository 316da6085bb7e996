// The "Pending PO#'s" panel: reads /api/dashboard/pending-po with the signed-in session, one page at a time,
// following the answer's nextCursor / previousCursor (the same cost at any depth) rather than page numbers.
(function () {
  'use strict';
  const PAGE_SIZE = 10;
  let cursor = null; // null: the first page
  let previousCursor = null;
  let nextCursor = null;

  const $ = (id) => document.getElementById(id);
  const money = (value, currency) =>
    Number(value).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' ' + currency;

  function text(tag, content, className) {
    const element = document.createElement(tag);
    element.textContent = content;
    if (className) element.className = className;
    return element;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) { window.location.href = '/login'; throw new Error('Signed out'); }
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || response.statusText);
    return body;
  }

  async function loadPendingPo() {
    try {
      const data = await getJson('/api/dashboard/pending-po?size=' + PAGE_SIZE + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      previousCursor = data.previousCursor || null;
      nextCursor = data.nextCursor || null;
      $('pending-po-error').hidden = true;
      $('pending-po-count').textContent = data.count;
      $('pending-po-total').textContent = money(data.totalValue, data.currency);
      const others = data.totals.filter((t) => t.currency !== data.currency);
      $('pending-po-other-currencies').textContent = others.length
        ? 'Also pending: ' + others.map((t) => money(t.value, t.currency) + ' (' + t.count + ')').join(', ') : '';
      const rows = $('pending-po-items');
      rows.replaceChildren();
      if (data.items.length === 0) {
        const row = document.createElement('tr');
        const cell = text('td', 'No event is waiting for a PO.', 'empty');
        cell.colSpan = 3;
        row.append(cell);
        rows.append(row);
      }
      for (const item of data.items) {
        const row = document.createElement('tr');
        row.dataset.caseId = item.caseId;
        const event = document.createElement('td');
        const link = text('a', item.caseNumber);
        link.href = '/dashboard?case=' + item.caseId;
        link.addEventListener('click', (e) => { e.preventDefault(); history.pushState({}, '', link.href); showCase(item.caseId); });
        event.append(link, document.createElement('br'), text('span', item.facility + ' · ' + item.rep, 'muted'));
        row.append(event, text('td', item.eventDate, 'date'), text('td', money(item.value, item.currency), 'amount'));
        rows.append(row);
      }
      $('pending-po-page').textContent = data.totalPages ? 'Page ' + (data.page + 1) + ' of ' + data.totalPages : '';
      $('pending-po-prev').disabled = !previousCursor;
      $('pending-po-next').disabled = !nextCursor;
    } catch (error) {
      $('pending-po-error').hidden = false;
      $('pending-po-error').textContent = 'Could not load the pending POs: ' + error.message;
    }
  }

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
        text('h3', c.caseNumber + ' — ' + c.status),
        text('p', c.procedure + ' on ' + c.procedureDate + ', ' + c.surgeon + ', facility ' + c.facilityCode + ', rep ' + c.rep),
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
      $('signed-in-user').textContent = me.userId;
      $('cockpit-link').hidden = !me.webapps.includes('cockpit');
      $('mailbox-link').hidden = !me.groups.includes('camunda-admin');
    } catch (error) {
      // The links stay hidden.
    }
  }

  $('pending-po-prev').addEventListener('click', () => { if (previousCursor) { cursor = previousCursor; loadPendingPo(); } });
  $('pending-po-next').addEventListener('click', () => { if (nextCursor) { cursor = nextCursor; loadPendingPo(); } });
  showLinks();
  loadPendingPo();
  const selected = new URLSearchParams(window.location.search).get('case');
  if (selected) showCase(selected);
})();
