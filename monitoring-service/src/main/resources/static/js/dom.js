// A tiny element builder. Everything from the API goes in as text nodes, never as HTML, so a school
// name or a narrative can never inject markup.

/**
 * h('a', {href: '#', class: 'x', 'data-plan-id': id, onclick: fn}, 'text', child, [more])
 * Attributes that are false/null/undefined are left out; true gives an empty boolean attribute.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'value' && 'value' in el) {
      el.value = value;
    } else if (name === 'checked' || name === 'selected') {
      el[name] = Boolean(value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Append children like h() does: arrays flattened, null/false skipped (native append would print "null"). */
export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's content in one go (keeps the element itself, its id and listeners). */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

/** A short message at the bottom of the screen, read out by screen readers (aria-live region). */
export function toast(message, kind = 'info') {
  let region = document.getElementById('toasts');
  if (!region) {
    region = h('div', { id: 'toasts', class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  const item = h('div', { class: `toast toast-${kind}`, 'data-testid': 'toast' }, message);
  region.append(item);
  // Long enough to read a sentence; the page itself shows the lasting result.
  setTimeout(() => item.remove(), 6000);
}

/** Show a failed load in the page's main area instead of leaving a blank screen. */
export function showLoadError(container, error) {
  replace(container, h('div', { class: 'alert alert-error', role: 'alert' },
    h('strong', {}, error.title || 'Không tải được dữ liệu'),
    error.detail ? h('p', {}, error.detail) : null,
    h('p', {}, h('button', { type: 'button', class: 'btn', onclick: () => location.reload() }, 'Tải lại trang'))));
}

/** Run fn at most once per `ms` burst of calls: several events for one save become one refetch. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
