// Form building and the display of plan-service's problem+json: each {field, message} goes next to
// its input, the title (and the detail when it says more) at the top. The form stays open so the
// user can correct and resend.

import { h, replace } from './dom.js';

let counter = 0;

/**
 * A labelled field wrapper: <div class="field" data-field="percent"> label, control, hint, error.
 * `control` is an element already built (input, select, textarea); it gets an id and ARIA links.
 */
export function field(name, label, control, { hint, required, className } = {}) {
  counter += 1;
  const id = control.id || `f-${name.replace(/[^a-zA-Z0-9]/g, '-')}-${counter}`;
  control.id = id;
  if (!control.name) control.name = name;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (required) control.setAttribute('aria-required', 'true');
  const isCheck = control.type === 'checkbox';
  const labelEl = h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
  return h('div', { class: `field ${isCheck ? 'field-check' : ''} ${className || ''}`, 'data-field': name },
    isCheck ? [control, labelEl] : [labelEl, control],
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, 'data-testid': `error-${name}`, hidden: true }));
}

export function problemBox() {
  return h('div', {
    class: 'form-problem alert alert-error', role: 'alert', tabindex: '-1', 'data-testid': 'form-problem', hidden: true,
  });
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const box = form.querySelector('.form-problem');
  if (box) {
    box.hidden = true;
    box.replaceChildren();
  }
}

/** "budget.amount" → ["budget.amount", "budget"]; "evidenceCodes[1]" → ["evidenceCodes[1]", "evidenceCodes"]. */
function candidates(fieldName) {
  const names = [fieldName];
  let name = fieldName;
  while (/(\[\d+\]|\.[^.[\]]+)$/.test(name)) {
    name = name.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    names.push(name);
  }
  return names;
}

/**
 * Show an ApiError in the form. `locate(fieldName)` may return a field wrapper for names the
 * generic lookup cannot map (e.g. indicatorValues[i] → the i-th indicator actually sent).
 */
export function showProblem(form, error, locate) {
  clearErrors(form);
  const unplaced = [];
  let first = null;
  for (const { field: name, message } of error.errors || []) {
    let wrapper = locate ? locate(name || '') : null;
    if (!wrapper && name) {
      for (const candidate of candidates(name)) {
        wrapper = form.querySelector(`[data-field="${CSS.escape(candidate)}"]`);
        if (wrapper) break;
      }
    }
    const slot = wrapper && wrapper.querySelector(':scope > .field-error');
    if (!slot) {
      unplaced.push(message);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    const control = wrapper.querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    }
  }
  const box = form.querySelector('.form-problem');
  if (box) {
    // The detail of a validation error just lists the field messages again; show it only when it
    // says something the fields do not.
    const showDetail = error.detail && (unplaced.length > 0 || !(error.errors || []).length);
    replace(box, h('strong', {}, error.title || 'Không lưu được'),
      showDetail ? h('p', {}, error.detail) : null,
      unplaced.length ? h('ul', {}, unplaced.map((m) => h('li', {}, m))) : null,
      !showDetail && !unplaced.length ? h('p', {}, 'Vui lòng sửa các ô được đánh dấu bên dưới.') : null);
    box.hidden = false;
  }
  (first || box)?.focus?.();
  if (!first && box) box.scrollIntoView({ block: 'nearest' });
}

/** A <dialog> with a form inside; closes and removes itself, returns {dialog, form, body, footer}. */
export function formDialog(title, subtitle, testid) {
  const body = h('div', { class: 'dialog-body' });
  const footer = h('div', { class: 'dialog-footer' });
  const titleId = `dlg-title-${++counter}`;
  const form = h('form', { novalidate: true, 'data-testid': testid }, h('h2', { id: titleId }, title),
    subtitle ? h('p', { class: 'dialog-sub' }, subtitle) : null, problemBox(), body, footer);
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId }, form);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  return { dialog, form, body, footer };
}

export function submitButtons(dialog, label) {
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-action': 'submit' }, label);
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => dialog.close() }, 'Hủy');
  return { submit, cancel };
}

/** Disable the submit button while the request is in flight so a double click sends one command. */
export async function busy(button, text, work) {
  const original = button.textContent;
  button.disabled = true;
  button.textContent = text;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = original;
  }
}

export function trimmed(value) {
  const s = (value || '').trim();
  return s ? s : undefined;
}

/** A number from an <input type=number>, or undefined when empty (the API omits empty fields). */
export function numeric(input) {
  const raw = (input.value || '').trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isNaN(n) ? raw : n;
}
