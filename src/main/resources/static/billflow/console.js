// A scanner ends a UDI with Enter: read the barcode (htmx) instead of submitting the whole case.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.matches('input[data-udi]')) {
    event.preventDefault();
  }
});
