// The admin UI's only script (served from /admin/admin.js; the CSP allows no other).
// The pages work without it: it only adds "select all" to the moderation queue and
// keeps the bulk-action buttons disabled until a comment is selected.
'use strict';

(function () {
  const all = document.querySelector('[data-pa-select-all]');
  const form = all && all.form;
  if (!form) return;
  const boxes = () => Array.from(form.querySelectorAll('input[name="id"]'));
  const buttons = Array.from(form.querySelectorAll('[data-pa-bulk]'));
  const sync = () => {
    const picked = boxes().filter((b) => b.checked).length;
    all.checked = picked > 0 && picked === boxes().length;
    all.indeterminate = picked > 0 && picked < boxes().length;
    for (const b of buttons) b.disabled = picked === 0;
  };
  all.hidden = false;
  all.closest('label').hidden = false;
  all.addEventListener('change', () => {
    for (const b of boxes()) b.checked = all.checked;
    sync();
  });
  form.addEventListener('change', (e) => {
    if (e.target.name === 'id') sync();
  });
  sync();
})();
