// Small pieces shared by the pages: badges, bars, report chips, cards, breadcrumbs.

import { h } from './dom.js';
import { date, rate, reportStateLabel, statusLabel, unitHref } from './format.js';

export function statusBadge(code, label, testid) {
  return h('span', { class: `badge status-${code || 'NONE'}`, 'data-testid': testid, 'data-status': code },
    statusLabel(code, label));
}

/** A bar 0..100; the number itself is shown next to it, the bar only helps the eye. */
export function progressBar(value, { label, kind } = {}) {
  const pct = Math.max(0, Math.min(100, Number(value) || 0));
  return h('span', {
    class: `bar ${kind ? `bar-${kind}` : ''}`, role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
    'aria-valuenow': String(Math.round(pct)), 'aria-label': label || 'Tiến độ',
  }, h('span', { class: 'bar-fill', style: `width:${pct}%` }));
}

/** Completion rate 0..1 with its bar, e.g. in tables of plans and units. */
export function rateCell(value, testid) {
  return h('span', { class: 'rate' }, progressBar((value || 0) * 100, { label: 'Tỉ lệ hoàn thành' }),
    h('span', { class: 'rate-text', 'data-testid': testid }, rate(value)));
}

export function overdueMarker(daysLate) {
  return h('span', { class: 'overdue-marker', 'data-testid': 'overdue-marker' },
    `Quá hạn ${daysLate || 0} ngày`);
}

/** One chip per periodic report: "Đầu năm học · Nộp trễ", with due/submitted dates as a tooltip. */
export function reportChip(report) {
  const state = reportStateLabel(report.state, report.stateLabel);
  const details = [`Hạn nộp: ${date(report.dueDate)}`];
  if (report.submittedOn) details.push(`Nộp ngày ${date(report.submittedOn)}`);
  if (report.submittedBy) details.push(`bởi ${report.submittedBy}`);
  if (report.latestRevision > 1) details.push(`bản ${report.latestRevision}`);
  return h('span', {
    class: `chip report-${report.state}`, 'data-testid': `report-${report.period}`, 'data-state': report.state,
    title: details.join(' · '),
  }, h('span', { class: 'chip-label' }, report.label || report.period), h('span', { class: 'chip-state' }, state));
}

export function reportChips(reports) {
  return h('span', { class: 'chips' }, (reports || []).map(reportChip));
}

export function card(label, value, { testid, sub, kind } = {}) {
  return h('div', { class: `card ${kind ? `card-${kind}` : ''}` },
    h('div', { class: 'card-label' }, label),
    h('div', { class: 'card-value', 'data-testid': testid }, value),
    sub ? h('div', { class: 'card-sub' }, sub) : null);
}

/**
 * Breadcrumb from the whole country down a managing-unit path; the last entry is the current page
 * unless `tail` adds one more (e.g. the school). `linkable(path)` says which units the reader may
 * open (others show as plain text); by default all.
 */
export function unitBreadcrumb(path, tail, linkable = () => true) {
  const crumbs = [{ text: 'Toàn quốc', href: linkable([]) ? unitHref([]) : null }];
  (path || []).forEach((name, i) => crumbs.push({
    text: name, href: linkable(path.slice(0, i + 1)) ? unitHref(path.slice(0, i + 1)) : null,
  }));
  if (tail) crumbs.push(...[].concat(tail));
  const last = crumbs.length - 1;
  return h('nav', { class: 'breadcrumb', 'aria-label': 'Đường dẫn' },
    h('ol', {}, crumbs.map((c, i) => h('li', {},
      i === last && !c.forceLink ? h('span', { 'aria-current': 'page' }, c.text)
        : c.href ? h('a', { href: c.href }, c.text) : h('span', {}, c.text)))));
}

export function emptyRow(columns, text) {
  return h('tr', { class: 'empty' }, h('td', { colspan: String(columns) }, text));
}
