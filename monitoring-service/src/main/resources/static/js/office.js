// office.html?unit=A/B&schoolYear=&frameworkId=&schoolType=: an education office's view of its
// schools. Filters live in the URL so a link shows the same view to a colleague. Without ?unit= the
// page opens on the signed-in officer's own unit; units outside their scope are refused (403).

import { $, debounce, h, replace, showLoadError } from './dom.js';
import { getJson } from './api.js';
import { money, planHref, rate, schoolTypeLabel } from './format.js';
import { card, progressBar, unitBreadcrumb } from './components.js';
import { horizontalBars, reportLegend, stackedReportBars } from './charts.js';
import { atRiskList, childrenTable, schoolsTable } from './office-tables.js';
import { startLive } from './live.js';
import { mayOpenUnit, signedInUser } from './user.js';

const FILTERS = [
  { key: 'schoolYear', label: 'Năm học', source: 'schoolYears', text: (v) => v },
  { key: 'frameworkId', label: 'Bộ tiêu chuẩn', source: 'frameworkIds', text: (v) => v },
  { key: 'schoolType', label: 'Loại hình trường', source: 'schoolTypes', text: schoolTypeLabel },
];
// Above this many plans a bar per plan is unreadable; show one bar per unit below instead.
const MAX_PLAN_BARS = 15;

const main = $('#main');
const params = new URLSearchParams(location.search);
const unit = (params.get('unit') || '').split('/').map((s) => s.trim()).filter(Boolean).join('/');
let sort = parseSort(params.get('sort'));
let current = null;
let me = null;
let filterValues = { schoolYears: [], frameworkIds: [], schoolTypes: [] };

function parseSort(text) {
  const [key, dir] = (text || 'completionRate,asc').split(',');
  return { key, dir: dir === 'desc' ? 'desc' : 'asc' };
}

function setParam(key, value) {
  if (value) params.set(key, value);
  else params.delete(key);
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

async function load() {
  try {
    me = me || await signedInUser();
    const effective = unit || (me.officeUnit || []).join('/');
    const [rollup, filters] = await Promise.all([
      getJson('/api/units', {
        path: effective, schoolYear: params.get('schoolYear'), frameworkId: params.get('frameworkId'),
        schoolType: params.get('schoolType'),
      }),
      getJson('/api/filters', { unit: effective }).catch(() => filterValues),
    ]);
    current = rollup;
    filterValues = filters;
    render();
  } catch (error) {
    if (!current) showLoadError(main, error);
  }
}

function render() {
  const r = current;
  document.title = `${r.name} · Theo dõi kế hoạch cải tiến`;
  if (!main.dataset.ready) buildSkeleton();
  replace($('#office-header'), unitBreadcrumb(r.path, null, (path) => mayOpenUnit(me, path)), h('h1', {}, r.name),
    h('p', { class: 'subtitle' }, 'Tiến độ thực hiện kế hoạch cải tiến chất lượng giáo dục của các trường'));
  replace($('#office-filters'), filtersForm());
  replace($('#office-totals'), ...totalCards(r.totals));
  replace($('#office-children'), r.children.length
    ? [h('h2', {}, 'Đơn vị trực thuộc'), childrenTable(r.children)] : []);
  drawCharts();
  replace($('#office-at-risk'), h('h2', {}, 'Trường cần chú ý'), atRiskList(r.atRisk || []));
  renderSchools();
  main.setAttribute('aria-busy', 'false');
  main.dataset.loadedAt = String(Date.now());
}

function renderSchools() {
  replace($('#office-schools'), h('h2', {}, `Kế hoạch của các trường (${current.plans.length})`),
    schoolsTable(current.plans, sort, (next) => {
      sort = next;
      setParam('sort', `${sort.key},${sort.dir}`);
      renderSchools();
      // Keep keyboard focus on the header just used; the table was rebuilt.
      $(`#office-schools button[data-sort="${sort.key}"]`)?.focus();
    }));
}

function buildSkeleton() {
  replace(main,
    h('section', { id: 'office-header', class: 'page-header' }),
    h('section', { id: 'office-filters', 'aria-label': 'Bộ lọc' }),
    h('section', { id: 'office-totals', class: 'cards', 'aria-label': 'Tổng hợp' }),
    h('section', { id: 'office-children' }),
    h('div', { class: 'chart-grid' },
      h('section', { id: 'office-chart-completion', class: 'panel' }),
      h('section', { id: 'office-chart-reports', class: 'panel' })),
    h('section', { id: 'office-at-risk', class: 'panel' }),
    h('section', { id: 'office-schools' }));
  main.dataset.ready = 'true';
}

function filtersForm() {
  return h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() }, FILTERS.map((f) => {
    const id = `filter-${f.key}`;
    const selected = params.get(f.key) || '';
    const values = [...(filterValues[f.source] || [])];
    if (selected && !values.includes(selected)) values.push(selected);
    const select = h('select', { id, name: f.key, 'data-testid': id, onchange: (e) => {
      setParam(f.key, e.target.value);
      load();
    } }, h('option', { value: '' }, 'Tất cả'),
    values.map((v) => h('option', { value: v, selected: v === selected }, f.text(v))));
    return h('div', { class: 'field field-inline' }, h('label', { for: id }, f.label), select);
  }));
}

function totalCards(t) {
  return [
    card('Số trường', String(t.schools), { testid: 'unit-schools', sub: `${t.plans} kế hoạch` }),
    card('Tỉ lệ hoàn thành', rate(t.completionRate), {
      testid: 'unit-completion-rate',
      sub: [progressBar(t.completionRate * 100, { label: 'Tỉ lệ hoàn thành' }), `${t.completed}/${t.items} nội dung`],
    }),
    card('Quá hạn', String(t.overdue), { testid: 'unit-overdue', kind: t.overdue ? 'danger' : null, sub: 'nội dung quá hạn' }),
    card('Kinh phí dự kiến', money(t.budgetPlanned), {
      testid: 'unit-budget-planned', kind: 'money',
      sub: h('span', {}, 'Đã chi ', h('span', { 'data-testid': 'unit-budget-spent' }, money(t.amountSpent))),
    }),
  ];
}

/** Charts are drawn for their panel's current width, so they are redrawn when the window resizes. */
function drawCharts() {
  if (!current) return;
  const completion = $('#office-chart-completion');
  const reports = $('#office-chart-reports');
  const width = (el) => Math.max(280, Math.floor(el.clientWidth - 32));
  const byPlan = current.plans.length <= MAX_PLAN_BARS || !current.children.length;
  const rows = byPlan
    ? current.plans.map((p) => ({ label: `${p.schoolName} (${p.schoolYear})`, value: p.completionRate, href: planHref(p.planId) }))
    : current.children.map((c) => ({ label: c.name, value: c.completionRate, href: `office.html?unit=${encodeURIComponent(c.path.join('/'))}` }));
  const title = byPlan ? 'Tỉ lệ hoàn thành theo kế hoạch' : 'Tỉ lệ hoàn thành theo đơn vị';
  replace(completion, h('h2', {}, title), rows.length
    ? horizontalBars(rows, { title, format: rate, width: width(completion) })
    : h('p', { class: 'muted' }, 'Chưa có kế hoạch.'));
  const reportTitle = 'Báo cáo định kỳ theo kỳ';
  replace(reports, h('h2', {}, reportTitle),
    stackedReportBars(current.reportsByPeriod || [], { title: reportTitle, width: width(reports) }), reportLegend());
}

window.addEventListener('resize', debounce(drawCharts, 200));
const refresh = debounce(load, 300);
load().then(() => { if (current) startLive(() => refresh()); });
