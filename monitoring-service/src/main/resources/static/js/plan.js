// plan.html?id=<planId>: one school's plan with its progress, as the monitoring team and the
// council work on it. Re-read whenever monitoring-service says this plan changed. The buttons shown
// are those the signed-in user may use (from the plan's "permissions"); plan-service decides again.

import { $, debounce, h, replace, showLoadError, toast } from './dom.js';
import { downloadReport, getJson } from './api.js';
import { date, money, number, planStatusLabel, rate, schoolHref, STATUSES } from './format.js';
import { card, progressBar, reportChips, statusBadge, unitBreadcrumb } from './components.js';
import { itemsTable } from './plan-table.js';
import { openProgressForm } from './progress-form.js';
import { openItemForm } from './item-form.js';
import { startLive } from './live.js';
import { actorLabel, mayOpenUnit, signedInUser } from './user.js';

const planId = new URLSearchParams(location.search).get('id');
const main = $('#main');
let current = null;
let me = null;

async function load() {
  if (!planId) {
    showLoadError(main, { title: 'Thiếu mã kế hoạch', detail: 'Mở trang từ danh sách kế hoạch ở trang chủ.' });
    return;
  }
  try {
    me = me || await signedInUser();
    current = await getJson(`/api/plans/${encodeURIComponent(planId)}/progress`);
    render(current);
  } catch (error) {
    // Keep what is on screen if a refresh fails; only an empty page shows the error.
    if (!current) showLoadError(main, error);
  }
}

function render(plan) {
  const s = plan.summary || {};
  const granted = plan.permissions || { actions: [], progressItems: [] };
  const mayEdit = granted.actions.includes('EDIT_ITEMS') && (plan.status === 'DRAFT' || plan.status === 'APPROVED');
  const recordable = new Set(plan.status === 'APPROVED' ? granted.progressItems : []);
  document.title = `${plan.schoolName} · Kế hoạch cải tiến ${plan.schoolYear}`;
  if (!main.dataset.ready) buildSkeleton();
  replace($('#plan-header'), header(plan, s));
  replace($('#plan-summary'), ...summaryCards(plan, s));
  replace($('#plan-actions-extra'), mayEdit
    ? h('button', {
      type: 'button', class: 'btn', 'data-action': 'add-item', onclick: () => openItemForm(plan, null),
    }, 'Thêm nội dung cải tiến')
    : null);
  // Keep the reader's place (horizontal scroll, keyboard focus on a row's button) across live refreshes.
  const scrollLeft = $('.plan-table-wrap')?.scrollLeft || 0;
  const focused = document.activeElement?.closest?.('tr[data-item-id]') && document.activeElement.dataset.action
    ? [document.activeElement.closest('tr').dataset.itemId, document.activeElement.dataset.action] : null;
  replace($('#plan-items'), itemsTable(plan.items || [], {
    canRecord: (item) => recordable.has(item.itemId),
    canEdit: mayEdit,
    onRecord: (item) => openProgressForm(plan, item, actorLabel(me)),
    onEdit: (item) => openItemForm(plan, item),
  }));
  $('.plan-table-wrap').scrollLeft = scrollLeft;
  if (focused) $(`tr[data-item-id="${CSS.escape(focused[0])}"] button[data-action="${focused[1]}"]`)?.focus();
  replace($('#plan-note'), plan.status === 'DRAFT'
    ? h('p', { class: 'alert alert-info' }, 'Kế hoạch còn là dự thảo: tổ giám sát ghi nhận tiến độ sau khi hiệu trưởng ban hành.')
    : null);
  replace($('#plan-reports'), reportDownloads(plan));
  main.setAttribute('aria-busy', 'false');
  main.dataset.loadedAt = String(Date.now());
}

function buildSkeleton() {
  replace(main,
    h('section', { id: 'plan-header', class: 'page-header' }),
    h('section', { id: 'plan-summary', class: 'cards', 'aria-label': 'Tóm tắt tiến độ' }),
    h('section', { class: 'toolbar', 'aria-label': 'Thao tác' },
      h('p', { class: 'muted', 'data-testid': 'signed-in-as' }, `Bạn đang làm việc với tư cách: ${actorLabel(me)}`),
      h('div', { id: 'plan-actions-extra', class: 'toolbar-actions' })),
    h('div', { id: 'plan-note' }),
    h('section', { id: 'plan-items', 'aria-label': 'Nội dung cải tiến' }),
    h('section', { id: 'plan-reports', class: 'panel', 'aria-label': 'Báo cáo giám sát' }));
  main.dataset.ready = 'true';
}

function header(plan, s) {
  const unit = s.managingUnit || [];
  const publicLink = plan.status === 'APPROVED' && s.schoolCode
    ? meta('Công khai', h('a', { href: `cong-khai.html?school=${encodeURIComponent(s.schoolCode)}` }, 'Trang công khai'), 'public-link')
    : null;
  return [
    unitBreadcrumb(unit, s.schoolKey ? [{ text: plan.schoolName, href: schoolHref(s.schoolKey), forceLink: true }] : [],
      (path) => mayOpenUnit(me, path)),
    h('h1', {}, plan.schoolName),
    h('p', { class: 'subtitle' }, 'Kế hoạch cải tiến chất lượng giáo dục năm học ', plan.schoolYear),
    h('dl', { class: 'meta' },
      meta('Số', s.documentNumber || '—', 'document-number'),
      meta('Năm học', plan.schoolYear, 'school-year'),
      meta('Bộ tiêu chuẩn', plan.frameworkId, 'framework'),
      meta('Trạng thái', h('span', { class: `badge plan-${plan.status}` }, planStatusLabel(plan.status)), 'plan-status'),
      meta('Số liệu tính đến', date(plan.asOf), 'as-of'),
      publicLink),
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

/**
 * The monitoring reports of each period (a draft until submitted) from reporting-service, as Word or
 * PDF. Downloaded with fetch so the request carries the access token.
 */
function reportDownloads(plan) {
  const reports = plan.reports || [];
  if (!reports.length) return [];
  const fileName = (report, ext) => `Bao-cao-giam-sat-${report.period}-${plan.schoolYear}.${ext}`;
  const button = (report, format, label) => h('button', {
    type: 'button', class: 'btn btn-small', 'data-action': `download-${format}`, 'data-period': report.period,
    onclick: async (event) => {
      const btn = event.currentTarget;
      btn.disabled = true;
      try {
        await downloadReport(`/api/plans/${encodeURIComponent(plan.planId)}/reports/${report.period}?format=${format}`,
          fileName(report, format));
      } catch (error) {
        toast(`${error.title}${error.detail ? `: ${error.detail}` : ''}`, 'error');
      } finally {
        btn.disabled = false;
      }
    },
  }, label);
  return [
    h('h2', {}, 'Báo cáo giám sát'),
    h('ul', { class: 'report-downloads', 'data-testid': 'report-downloads' }, reports.map((r) => h('li', {},
      h('span', { class: 'report-name' }, r.label || r.period,
        h('span', { class: 'muted' }, r.latestRevision ? ` · đã nộp, bản ${r.latestRevision}` : ' · bản nháp')),
      h('span', { class: 'report-actions' }, button(r, 'docx', 'Tải Word'), button(r, 'pdf', 'Tải PDF'))))),
  ];
}

// Refetch once per burst of events; saving one progress record can touch several projections.
const refresh = debounce(load, 300);
load().then(() => {
  if (!current) return;
  startLive((changedPlanId) => {
    if (changedPlanId === null || changedPlanId === planId) refresh();
  });
});
