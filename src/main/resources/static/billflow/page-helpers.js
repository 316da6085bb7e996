// Small helpers the dashboard's scripts share: money as text, an element with text, and a JSON read
// with the signed-in session (a 401 goes to the sign-in page; an error answer throws its message).
window.Billflow = (function () {
  'use strict';
  return {
    money: (value, currency) =>
      Number(value).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' ' + currency,

    text(tag, content, className) {
      const element = document.createElement(tag);
      element.textContent = content;
      if (className) element.className = className;
      return element;
    },

    async getJson(url) {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.status === 401) { window.location.href = '/login'; throw new Error('Signed out'); }
      const body = await response.json();
      if (!response.ok) throw new Error(body.message || response.statusText);
      return body;
    },
  };
})();
