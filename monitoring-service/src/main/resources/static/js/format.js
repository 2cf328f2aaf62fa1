// Vietnamese formatting and the labels of the API's codes, so every page says the same thing the
// same way (the browser test compares these strings with the API's numbers).

const integer = new Intl.NumberFormat('vi-VN');
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

// The words for the API's codes come from the API (GET /api/labels, public): the read-model kernel
// keeps them in one place for the pages and the reports.
const LABELS = await fetch('/api/labels', { headers: { Accept: 'application/json' } }).then((response) => {
  if (!response.ok) throw new Error(`Không tải được nhãn trạng thái (${response.status})`);
  return response.json();
});

/** [code, label] of every item status, in the order pages list them. */
export const STATUSES = Object.entries(LABELS.progressStatuses);

export function statusLabel(code, fallback) {
  return LABELS.progressStatuses[code] || fallback || code || '—';
}

export function reportStateLabel(code, fallback) {
  return LABELS.reportStates[code] || fallback || code || '—';
}

export function schoolTypeLabel(code) {
  return LABELS.schoolTypes[code] || code || '—';
}

export function planStatusLabel(code) {
  return LABELS.planStatuses[code] || code || '—';
}

/** 158000000 → "158.000.000 đ"; nothing when the amount is unknown (the API omits nulls). */
export function money(amount) {
  if (amount === null || amount === undefined || amount === '') return '—';
  return `${integer.format(Number(amount))} đ`;
}

export function number(value) {
  if (value === null || value === undefined || value === '') return '—';
  return oneDecimal.format(Number(value));
}

/** A rate 0..1 as "72,7%"; whole numbers stay whole ("100%"). */
export function rate(value) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
  return `${oneDecimal.format(Number(value) * 100)}%`;
}

/** An item's percent 0..100 as "55%", or "—" when nobody has recorded one. */
export function percent(value) {
  if (value === null || value === undefined) return '—';
  return `${integer.format(value)}%`;
}

/**
 * "2023-12-15" → "15/12/2023". Parsed by hand: new Date("2023-12-15") is UTC midnight and would
 * show the previous day west of Greenwich.
 */
export function date(iso) {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant ("2026-11-23T18:21:32Z") in the reader's local time, "24/11/2026 01:21". */
export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2023-09" → "09/2023". */
export function month(ym) {
  if (!ym) return '';
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? `${m[2]}/${m[1]}` : ym;
}

/** Today in the reader's time zone as yyyy-mm-dd (what <input type=date> and the API expect). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function unitHref(path) {
  const unit = (path || []).join('/');
  return unit ? `office.html?unit=${encodeURIComponent(unit)}` : 'office.html';
}

export function planHref(planId) {
  return `plan.html?id=${encodeURIComponent(planId)}`;
}

export function schoolHref(schoolKey) {
  return `school.html?key=${encodeURIComponent(schoolKey)}`;
}
