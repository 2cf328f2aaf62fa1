// cong-khai.html?school=<code>: what a school publishes (công khai) — its approved improvement plans,
// each row's target, solutions, who leads, time, budget and how far it has come, and the state of its
// periodic reports. Anyone may read it: no sign-in, no token sent, no personal data in the answer.

import { $, h, replace, showLoadError } from './dom.js';
import { getJson } from './api.js';
import { date, money, month, percent, rate, schoolTypeLabel } from './format.js';
import { card, overdueMarker, progressBar, reportChips, statusBadge } from './components.js';

const COLUMNS = ['TT', 'Tiêu chuẩn, tiêu chí', 'Kết quả cần đạt', 'Công việc/giải pháp', 'Chủ trì và phối hợp',
  'Thời gian', 'Dự kiến kinh phí', 'Tiến độ thực hiện'];

const main = $('#main');
const code = (new URLSearchParams(location.search).get('school') || '').trim();

async function load() {
  if (!code) {
    showLoadError(main, { title: 'Thiếu mã trường', detail: 'Địa chỉ trang cần có ?school=<mã trường>.' });
    return;
  }
  try {
    render(await getJson(`/api/public/schools/${encodeURIComponent(code)}`, {}, { auth: false }));
  } catch (error) {
    showLoadError(main, error);
  }
}

function render(school) {
  document.title = `Công khai · ${school.schoolName}`;
  const printButton = $('[data-action=print]');
  printButton.hidden = false;
  printButton.onclick = () => window.print();
  replace(main,
    h('section', { class: 'page-header' },
      h('p', { class: 'public-kicker' }, 'Công khai kế hoạch cải tiến chất lượng giáo dục'),
      h('h1', { 'data-testid': 'public-school' }, school.schoolName),
      h('p', { class: 'subtitle' }, [schoolTypeLabel(school.schoolType), (school.managingUnit || []).join(' › '),
        `Mã trường ${school.schoolCode}`].filter(Boolean).join(' · ')),
      h('p', { class: 'muted', 'data-testid': 'public-updated' }, `Số liệu cập nhật đến ngày ${date(school.lastUpdated)}`)),
    school.plans.map(planSection),
    h('footer', { class: 'public-footer muted' },
      'Trang công khai chỉ gồm kế hoạch đã được hiệu trưởng ban hành và tiến độ thực hiện; ',
      'không hiển thị thông tin cá nhân, diễn giải hay minh chứng.'));
  main.setAttribute('aria-busy', 'false');
}

function planSection(plan) {
  return h('section', { class: 'public-plan', 'data-school-year': plan.schoolYear, 'data-testid': 'public-plan' },
    h('h2', {}, `Kế hoạch cải tiến năm học ${plan.schoolYear}`),
    h('dl', { class: 'meta' },
      meta('Số', plan.documentNumber || '—'),
      meta('Bộ tiêu chuẩn', plan.frameworkId),
      meta('Cập nhật', date(plan.lastUpdated))),
    h('div', { class: 'cards' },
      card('Tỉ lệ hoàn thành', rate(plan.completionRate), {
        testid: 'public-completion-rate',
        sub: [progressBar(plan.completionRate * 100, { label: 'Tỉ lệ hoàn thành' }),
          `${plan.completedCount}/${plan.itemCount} nội dung hoàn thành`],
      }),
      card('Quá hạn', String(plan.overdueCount), { kind: plan.overdueCount ? 'danger' : null, sub: 'nội dung quá thời hạn' }),
      card('Kinh phí dự kiến', money(plan.budgetPlanned), { kind: 'money', sub: `Đã chi ${money(plan.amountSpent)}` }),
      card('Báo cáo định kỳ', reportChips(plan.reports), { kind: 'wide' })),
    itemsTable(plan.items || []));
}

function meta(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

function itemsTable(items) {
  const body = h('tbody');
  let level = null;
  let standard = null;
  for (const item of items) {
    if (item.levelGroup !== level) {
      level = item.levelGroup;
      standard = null;
      body.append(h('tr', { class: 'group-level' }, h('th', { colspan: String(COLUMNS.length), scope: 'rowgroup' }, level)));
    }
    if (item.standardNo && item.standardNo !== standard) {
      standard = item.standardNo;
      body.append(h('tr', { class: 'group-standard' }, h('th', { colspan: String(COLUMNS.length), scope: 'rowgroup' },
        `Tiêu chuẩn ${item.standardNo}: ${item.standardName || ''}`)));
    }
    body.append(row(item));
  }
  if (!items.length) {
    body.append(h('tr', { class: 'empty' }, h('td', { colspan: String(COLUMNS.length) }, 'Kế hoạch chưa có nội dung.')));
  }
  return h('div', { class: 'table-wrap plan-table-wrap' },
    h('table', { class: 'plan-table public-table', 'data-testid': 'public-items' },
      h('caption', { class: 'visually-hidden' }, 'Nội dung kế hoạch cải tiến và tiến độ thực hiện'),
      h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
      body));
}

function row(item) {
  const cell = (label, ...content) => h('td', { 'data-label': label },
    content.some((c) => c !== null && c !== undefined && c !== '') ? h('div', { class: 'cell' }, ...content) : null);
  const coordinators = (item.coordinators || []).filter(Boolean);
  return h('tr', { class: `item ${item.overdue ? 'is-overdue' : ''}`, 'data-status': item.status },
    cell('TT', String(item.position)),
    cell('Tiêu chí', h('strong', {}, `Tiêu chí ${item.criterionCode}`),
      item.criterionName ? h('div', { class: 'muted' }, item.criterionName) : null),
    cell('Kết quả cần đạt', item.targetResult || '—', indicators(item.indicators)),
    cell('Công việc/giải pháp', item.tasks && item.tasks.length
      ? h('ul', { class: 'tasks' }, item.tasks.map((t) => h('li', {}, t))) : '—'),
    cell('Chủ trì và phối hợp',
      item.lead ? h('div', {}, h('span', { class: 'muted' }, 'Chủ trì: '), item.lead) : null,
      coordinators.length ? h('div', {}, h('span', { class: 'muted' }, 'Phối hợp: '), coordinators.join(', ')) : null),
    cell('Thời gian', item.scheduleText || [month(item.start), month(item.end)].filter(Boolean).join(' – ') || '—'),
    cell('Dự kiến kinh phí',
      h('div', {}, item.budgetText || (item.budgetPlanned !== undefined ? money(item.budgetPlanned) : '—')),
      item.fundingSource && item.fundingSource !== item.budgetText
        ? h('div', { class: 'muted' }, `Nguồn: ${item.fundingSource}`) : null,
      item.amountSpent !== undefined ? h('div', { class: 'spent' }, `đã chi ${money(item.amountSpent)}`) : null),
    cell('Tiến độ', h('div', { class: 'progress-cell' },
      statusBadge(item.status, item.statusLabel, 'item-status'),
      h('div', { class: 'progress-line' },
        progressBar(item.percent, { label: `Tiến độ tiêu chí ${item.criterionCode}`, kind: item.status }),
        h('span', { class: 'pct', 'data-testid': 'item-percent' }, percent(item.percent))),
      item.overdue ? overdueMarker(item.daysLate) : null,
      item.lastEffectiveDate ? h('div', { class: 'muted' }, `Ghi nhận ngày ${date(item.lastEffectiveDate)}`) : null)));
}

function indicators(list) {
  if (!list || !list.length) return null;
  return h('ul', { class: 'indicators' }, list.map((ind) => {
    const unit = ind.unit ? ` ${ind.unit}` : '';
    return h('li', {}, `${ind.name}: mục tiêu ${ind.target ?? '—'}${unit}`,
      ind.current !== undefined ? h('span', { class: 'muted' }, ` · hiện tại ${ind.current}${unit}`) : null);
  }));
}

load();
