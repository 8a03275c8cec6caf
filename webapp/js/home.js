// Home page: live training-set class counts, the service's own URL in the recipes, copy buttons.
import { fetchText, markCurrentNav, serviceUrl, setStatus } from './common.js';

markCurrentNav();

const base = serviceUrl('./');
for (const span of document.querySelectorAll('.service-url')) span.textContent = base;
for (const code of document.querySelectorAll('.service-url-tap')) code.textContent = serviceUrl('tap');

for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const text = document.getElementById(button.dataset.copy).textContent;
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copy-status', 'Copied to the clipboard.', 'ok');
    } catch (e) {
      // Clipboard access needs a secure context (https or localhost): select the text instead.
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(button.dataset.copy));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      setStatus('copy-status', 'The browser refused clipboard access: the recipe is selected, press Ctrl+C.', 'info');
    }
  });
}

try {
  const { text } = await fetchText(serviceUrl('api/training-set/classes'));
  const counts = JSON.parse(text);
  for (const cell of document.querySelectorAll('#class-table [data-class]')) {
    const n = counts[cell.dataset.class];
    cell.textContent = n === undefined ? '?' : n.toLocaleString('en');
  }
} catch (e) {
  setStatus('class-status', `Could not read the training-set counts: ${e.message}`, 'error');
}
