// plan.html?id=<planId>: one school's plan with its progress, as the monitoring team and the
// council work on it. Re-read whenever monitoring-service says this plan changed.

import { $, debounce, h, replace, showLoadError } from './dom.js';
import { getJson, recorderName, rememberRecorder } from './api.js';
import { date, money, number, planStatusLabel, rate, schoolHref, STATUSES } from './format.js';
import { card, progressBar, reportChips, statusBadge, unitBreadcrumb } from './components.js';
import { itemsTable } from './plan-table.js';
import { openProgressForm } from './progress-form.js';
import { openItemForm } from './item-form.js';
import { startLive } from './live.js';

const planId = new URLSearchParams(location.search).get('id');
const main = $('#main');
let current = null;
let recorderInput = null;

function getRecorder() {
  return recorderInput ? recorderInput.value.trim() : recorderName();
}

async function load() {
  if (!planId) {
    showLoadError(main, { title: 'Thiếu mã kế hoạch', detail: 'Mở trang từ danh sách kế hoạch ở trang chủ.' });
    return;
  }
  try {
    current = await getJson(`/api/plans/${encodeURIComponent(planId)}/progress`);
    render(current);
  } catch (error) {
    // Keep what is on screen if a refresh fails; only an empty page shows the error.
    if (!current) showLoadError(main, error);
  }
}

function render(plan) {
  const s = plan.summary || {};
  document.title = `${plan.schoolName} · Kế hoạch cải tiến ${plan.schoolYear}`;
  if (!main.dataset.ready) buildSkeleton();
  replace($('#plan-header'), header(plan, s));
  replace($('#plan-summary'), ...summaryCards(plan, s));
  replace($('#plan-actions-extra'), plan.status === 'DRAFT' || plan.status === 'APPROVED'
    ? h('button', {
      type: 'button', class: 'btn', 'data-action': 'add-item', onclick: () => openItemForm(plan, null, getRecorder),
    }, 'Thêm nội dung cải tiến')
    : null);
  // Keep the reader's place (horizontal scroll, keyboard focus on a row's button) across live refreshes.
  const scrollLeft = $('.plan-table-wrap')?.scrollLeft || 0;
  const focused = document.activeElement?.closest?.('tr[data-item-id]') && document.activeElement.dataset.action
    ? [document.activeElement.closest('tr').dataset.itemId, document.activeElement.dataset.action] : null;
  replace($('#plan-items'), itemsTable(plan.items || [], {
    canRecord: plan.status === 'APPROVED',
    canEdit: plan.status === 'DRAFT' || plan.status === 'APPROVED',
    onRecord: (item) => openProgressForm(plan, item, getRecorder),
    onEdit: (item) => openItemForm(plan, item, getRecorder),
  }));
  $('.plan-table-wrap').scrollLeft = scrollLeft;
  if (focused) $(`tr[data-item-id="${CSS.escape(focused[0])}"] button[data-action="${focused[1]}"]`)?.focus();
  replace($('#plan-note'), plan.status === 'DRAFT'
    ? h('p', { class: 'alert alert-info' }, 'Kế hoạch còn là dự thảo: tổ giám sát ghi nhận tiến độ sau khi hiệu trưởng ban hành.')
    : null);
  main.setAttribute('aria-busy', 'false');
  main.dataset.loadedAt = String(Date.now());
}

function buildSkeleton() {
  recorderInput = h('input', {
    type: 'text', id: 'recorder', autocomplete: 'name', value: recorderName(), 'data-testid': 'recorder',
    placeholder: 'Vd. Tổ giám sát - Nguyễn Thị Mai',
  });
  recorderInput.addEventListener('change', () => rememberRecorder(recorderInput.value));
  replace(main,
    h('section', { id: 'plan-header', class: 'page-header' }),
    h('section', { id: 'plan-summary', class: 'cards', 'aria-label': 'Tóm tắt tiến độ' }),
    h('section', { class: 'toolbar', 'aria-label': 'Người ghi nhận và thao tác' },
      h('div', { class: 'field field-inline' }, h('label', { for: 'recorder' }, 'Người ghi nhận'), recorderInput),
      h('div', { id: 'plan-actions-extra', class: 'toolbar-actions' })),
    h('div', { id: 'plan-note' }),
    h('section', { id: 'plan-items', 'aria-label': 'Nội dung cải tiến' }));
  main.dataset.ready = 'true';
}

function header(plan, s) {
  const unit = s.managingUnit || [];
  return [
    unitBreadcrumb(unit, s.schoolKey ? [{ text: plan.schoolName, href: schoolHref(s.schoolKey), forceLink: true }] : []),
    h('h1', {}, plan.schoolName),
    h('p', { class: 'subtitle' }, 'Kế hoạch cải tiến chất lượng giáo dục năm học ', plan.schoolYear),
    h('dl', { class: 'meta' },
      meta('Số', s.documentNumber || '—', 'document-number'),
      meta('Năm học', plan.schoolYear, 'school-year'),
      meta('Bộ tiêu chuẩn', plan.frameworkId, 'framework'),
      meta('Trạng thái', h('span', { class: `badge plan-${plan.status}` }, planStatusLabel(plan.status)), 'plan-status'),
      meta('Số liệu tính đến', date(plan.asOf), 'as-of')),
  ];
}

function meta(label, value, testid) {
  return h('div', {}, h('dt', {}, label), h('dd', { 'data-testid': testid }, value));
}

function summaryCards(plan, s) {
  const items = s.itemCount ?? (plan.items || []).length;
  const spentShare = s.budgetPlanned ? ` (${number((100 * (s.amountSpent || 0)) / s.budgetPlanned)}%)` : '';
  return [
    card('Tỉ lệ hoàn thành', rate(s.completionRate), {
      testid: 'completion-rate',
      sub: [progressBar((s.completionRate || 0) * 100, { label: 'Tỉ lệ hoàn thành' }),
        h('span', {}, h('span', { 'data-testid': 'completed-count' }, String(s.completedCount ?? 0)), '/',
          h('span', { 'data-testid': 'item-count' }, String(items)), ' nội dung hoàn thành')],
    }),
    card('Quá hạn', String(s.overdueCount ?? 0), {
      testid: 'overdue-count', kind: s.overdueCount ? 'danger' : null, sub: 'nội dung quá thời hạn hoàn thành',
    }),
    card('Kinh phí dự kiến', money(s.budgetPlanned ?? 0), {
      testid: 'budget-planned', kind: 'money',
      sub: h('span', {}, 'Đã chi ', h('span', { 'data-testid': 'budget-spent' }, money(s.amountSpent ?? 0)), spentShare),
    }),
    card('Báo cáo định kỳ', reportChips(plan.reports || s.reports), { kind: 'wide' }),
    card('Theo trạng thái', statusCounts(plan.counts || {}), { kind: 'wide' }),
  ];
}

function statusCounts(counts) {
  return h('ul', { class: 'status-counts' }, STATUSES.map(([code]) => h('li', {},
    statusBadge(code), h('span', { 'data-testid': `count-${code}` }, ` ${counts[code] ?? 0}`))));
}

// Refetch once per burst of events; saving one progress record can touch several projections.
const refresh = debounce(load, 300);
startLive((changedPlanId) => {
  if (changedPlanId === null || changedPlanId === planId) refresh();
});
load();
