// The items table laid out like the school's own plan: a level row ("MỨC 1, 2, 3") whenever the
// level group changes, a standard row ("Tiêu chuẩn 1: …") whenever the standard changes within it,
// then the items, in the plan's order, with the monitoring columns added on the right.

import { h } from './dom.js';
import { dateTime, date, money, month, percent } from './format.js';
import { overdueMarker, progressBar, statusBadge } from './components.js';

const COLUMNS = [
  'TT', 'Tiêu chuẩn, tiêu chí', 'Kết quả cần đạt', 'Công việc/giải pháp', 'Chủ trì và phối hợp',
  'Thời gian', 'Dự kiến kinh phí', 'Điều kiện hỗ trợ khác', 'Ghi chú', 'Tiến độ thực hiện',
];

/**
 * actions: { canRecord(item), canEdit, onRecord(item), onEdit(item) }
 */
export function itemsTable(items, actions) {
  const body = h('tbody');
  let level = null;
  let standard = null;
  let running = 0;
  for (const item of items) {
    if (item.levelGroup !== level) {
      level = item.levelGroup;
      standard = null;
      body.append(h('tr', { class: 'group-level' }, h('th', { colspan: String(COLUMNS.length), scope: 'rowgroup' },
        level || 'Chưa xếp nhóm mức')));
    }
    if (item.standardNo && item.standardNo !== standard) {
      standard = item.standardNo;
      body.append(h('tr', { class: 'group-standard' }, h('th', { colspan: String(COLUMNS.length), scope: 'rowgroup' },
        `Tiêu chuẩn ${item.standardNo}: ${item.standardName || ''}`)));
    }
    running += 1;
    body.append(itemRow(item, running, actions));
  }
  if (!items.length) {
    body.append(h('tr', { class: 'empty' }, h('td', { colspan: String(COLUMNS.length) },
      'Kế hoạch chưa có nội dung cải tiến nào.')));
  }
  return h('div', { class: 'table-wrap plan-table-wrap' },
    h('table', { class: 'plan-table', id: 'items-table', 'data-testid': 'items-table' },
      h('caption', { class: 'visually-hidden' }, 'Nội dung kế hoạch cải tiến chất lượng và tiến độ thực hiện'),
      h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
      body));
}

function itemRow(item, running, actions) {
  const d = item.details || {};
  // data-label feeds the card layout on phones, where header cells are hidden.
  const cell = (label, ...content) => h('td', { 'data-label': label },
    content.some((c) => c !== null && c !== undefined && c !== '') ? h('div', { class: 'cell' }, ...content) : null);
  return h('tr', {
    class: `item ${item.overdue ? 'is-overdue' : ''}`, 'data-item-id': item.itemId, 'data-status': item.status,
  },
  cell('TT', h('span', { class: 'tt' }, String(running))),
  cell('Tiêu chí', h('strong', {}, `Tiêu chí ${item.criterionCode}`),
    item.criterionName ? h('div', { class: 'muted' }, item.criterionName) : null),
  cell('Kết quả cần đạt', d.targetResult || '—', indicatorList(d.indicators, item.indicatorValues)),
  cell('Công việc/giải pháp', taskList(d.tasks)),
  cell('Chủ trì và phối hợp', leadAndCoordinators(d)),
  cell('Thời gian', timeText(item)),
  cell('Dự kiến kinh phí', budgetText(item)),
  cell('Điều kiện hỗ trợ khác', d.supportConditions || '—'),
  cell('Ghi chú', d.notes || null),
  // Progress, its evidence and the buttons share one column so the table fits a laptop screen.
  cell('Tiến độ', progressCell(item), updateCell(item), actionsCell(item, actions)));
}

function indicatorList(indicators, values) {
  if (!indicators || !indicators.length) return null;
  return h('ul', { class: 'indicators' }, indicators.map((ind) => {
    const current = values ? values[ind.name] : undefined;
    const unit = ind.unit ? ` ${ind.unit}` : '';
    return h('li', {}, `${ind.name}: mục tiêu ${ind.target}${unit}`,
      current !== undefined ? h('span', { class: 'muted' }, ` · hiện tại ${current}${unit}`) : null);
  }));
}

function taskList(tasks) {
  if (!tasks || !tasks.length) return '—';
  return h('ul', { class: 'tasks' }, tasks.map((t) => h('li', {}, t)));
}

function leadAndCoordinators(d) {
  const coordinators = (d.coordinators || []).filter(Boolean);
  if (!d.lead && !coordinators.length) return '—';
  return [
    d.lead ? h('div', {}, h('span', { class: 'muted' }, 'Chủ trì: '), d.lead) : null,
    coordinators.length ? h('div', {}, h('span', { class: 'muted' }, 'Phối hợp: '), coordinators.join(', ')) : null,
  ];
}

/** The plan's own wording ("Năm học 2023-2024") when it has one, else the months. */
export function timeText(item) {
  const schedule = (item.details || {}).schedule || {};
  if (schedule.text) return schedule.text;
  const start = month(item.start || schedule.start);
  const end = month(item.end || schedule.end);
  if (start && end) return `${start} – ${end}`;
  return start || end || '—';
}

function budgetText(item) {
  const budget = (item.details || {}).budget || {};
  const planned = budget.text || (item.budgetPlanned !== undefined ? money(item.budgetPlanned) : '—');
  return [
    h('div', {}, planned),
    budget.fundingSource && budget.fundingSource !== budget.text
      ? h('div', { class: 'muted' }, `Nguồn: ${budget.fundingSource}`) : null,
    item.amountSpent !== undefined && item.amountSpent !== null
      ? h('div', { class: 'spent', 'data-testid': 'item-spent' }, `đã chi ${money(item.amountSpent)}`) : null,
  ];
}

function progressCell(item) {
  return h('div', { class: 'progress-cell' },
    statusBadge(item.status, item.statusLabel, 'item-status'),
    h('div', { class: 'progress-line' },
      progressBar(item.percent, { label: `Tiến độ tiêu chí ${item.criterionCode}`, kind: item.status }),
      h('span', { class: 'pct', 'data-testid': 'item-percent' }, percent(item.percent))),
    item.overdue ? overdueMarker(item.daysLate) : null);
}

function updateCell(item) {
  return h('div', { class: 'update-info' },
    h('div', {}, 'Minh chứng: ', h('strong', { 'data-testid': 'item-evidence' }, String(item.evidenceCount || 0))),
    item.lastEffectiveDate ? h('div', { class: 'muted' }, `Ngày ghi nhận: ${date(item.lastEffectiveDate)}`) : null,
    item.lastUpdatedAt
      ? h('div', { class: 'muted', 'data-testid': 'item-updated' }, `Cập nhật ${dateTime(item.lastUpdatedAt)}`,
        item.lastUpdatedBy ? ` bởi ${item.lastUpdatedBy}` : '')
      : h('div', { class: 'muted' }, 'Chưa có cập nhật'));
}

function actionsCell(item, actions) {
  const label = `tiêu chí ${item.criterionCode}`;
  return h('div', { class: 'row-actions' },
    actions.canRecord(item)
      ? h('button', {
        type: 'button', class: 'btn btn-primary btn-small', 'data-action': 'record',
        'aria-label': `Ghi nhận tiến độ ${label}`, onclick: () => actions.onRecord(item),
      }, 'Ghi nhận tiến độ')
      : null,
    actions.canEdit
      ? h('button', {
        type: 'button', class: 'btn btn-small', 'data-action': 'edit',
        'aria-label': `Sửa nội dung ${label}`, onclick: () => actions.onEdit(item),
      }, 'Sửa')
      : null);
}
