// The "Pending PO#'s" panel of the dashboard and the Console's case list: reads /api/dashboard/pending-po
// with the signed-in session, one page at a time, following the answer's nextCursor / previousCursor (the
// same cost at any depth) rather than page numbers. Each event links to data-case-link + its id when the
// panel element has that attribute (the case list: Event Detail); otherwise the panel announces the chosen
// case with a "pending-po:case" event (the dashboard shows it beside the panel).
(function () {
  'use strict';
  const PAGE_SIZE = 10;
  let cursor = null; // null: the first page
  let previousCursor = null;
  let nextCursor = null;

  const $ = (id) => document.getElementById(id);
  const panel = $('pending-po');
  const caseLink = panel.dataset.caseLink;
  const { money, text, getJson } = window.Billflow;

  function eventLink(item) {
    const link = text('a', item.caseNumber);
    if (caseLink) {
      link.href = caseLink + item.caseId;
    } else {
      link.href = '/dashboard?case=' + item.caseId;
      link.addEventListener('click', (e) => {
        e.preventDefault();
        history.pushState({}, '', link.href);
        panel.dispatchEvent(new CustomEvent('pending-po:case', { bubbles: true, detail: { caseId: item.caseId } }));
      });
    }
    return link;
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
        event.append(eventLink(item), document.createElement('br'), text('span', item.facility + ' · ' + item.repName, 'muted'));
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

  $('pending-po-prev').addEventListener('click', () => { if (previousCursor) { cursor = previousCursor; loadPendingPo(); } });
  $('pending-po-next').addEventListener('click', () => { if (nextCursor) { cursor = nextCursor; loadPendingPo(); } });
  loadPendingPo();
})();
