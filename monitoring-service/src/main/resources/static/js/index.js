// index.html: where to start. Offices see their unit and the units below it; a school's people see
// their school's plans; everyone sees the plans they may read.

import { $, debounce, h, replace, showLoadError } from './dom.js';
import { getJson } from './api.js';
import { planHref, planStatusLabel, schoolHref, schoolTypeLabel, unitHref } from './format.js';
import { emptyRow, rateCell, reportChips } from './components.js';
import { startLive } from './live.js';
import { signedInUser } from './user.js';

const main = $('#main');
let loaded = false;
let me = null;

async function load() {
  try {
    me = me || await signedInUser();
    // Office views only for those who may oversee a unit; the server refuses others (403).
    const [unit, plans] = await Promise.all([
      me.officeUnit ? getJson('/api/units') : Promise.resolve(null),
      getJson('/api/plans', { size: 100 }),
    ]);
    render(unit, plans);
    loaded = true;
  } catch (error) {
    if (!loaded) showLoadError(main, error);
  }
}

function unitPanel(unit) {
  if (!unit) return null;
  const name = unit.path.length ? unit.name : 'Toàn quốc';
  return h('section', { class: 'panel' },
    h('h2', {}, 'Đơn vị quản lý'),
    h('ul', { class: 'unit-list', 'data-testid': 'units' },
      h('li', {}, h('a', { href: unitHref(unit.path) }, name),
        h('span', { class: 'muted' }, ` · ${unit.totals.schools} trường, ${unit.totals.plans} kế hoạch`)),
      unit.children.map((c) => h('li', {}, h('a', { href: unitHref(c.path) }, c.name),
        h('span', { class: 'muted' }, ` · ${c.schools} trường, ${c.plans} kế hoạch`)))));
}

function schoolPanel() {
  if (!me.schoolCode) return null;
  return h('section', { class: 'panel' },
    h('h2', {}, 'Trường của tôi'),
    h('p', {}, h('a', { href: schoolHref(me.schoolCode), 'data-testid': 'my-school' }, 'Các kế hoạch của trường qua các năm'),
      ' · ', h('a', { href: `cong-khai.html?school=${encodeURIComponent(me.schoolCode)}` }, 'Trang công khai')));
}

function render(unit, plans) {
  replace(main,
    h('section', { class: 'page-header' },
      h('h1', {}, 'Theo dõi kế hoạch cải tiến chất lượng giáo dục'),
      h('p', { class: 'subtitle' }, 'Tiến độ thực hiện kế hoạch của các trường, cập nhật trực tiếp từ tổ giám sát.')),
    unitPanel(unit),
    schoolPanel(),
    h('section', {},
      h('h2', {}, `Kế hoạch (${plans.totalElements})`),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', 'data-testid': 'plans-table' },
        h('caption', { class: 'visually-hidden' }, 'Các kế hoạch bạn được xem'),
        h('thead', {}, h('tr', {}, ['Trường', 'Năm học', 'Trạng thái', 'Tỉ lệ hoàn thành', 'Quá hạn', 'Báo cáo định kỳ']
          .map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, plans.content.length ? plans.content.map((p) => h('tr', { 'data-plan-id': p.planId },
          h('th', { scope: 'row' }, h('a', { href: planHref(p.planId) }, p.schoolName),
            h('div', { class: 'muted' }, [schoolTypeLabel(p.schoolType), (p.managingUnit || []).join(' › ')].join(' · '))),
          h('td', {}, p.schoolYear),
          h('td', {}, h('span', { class: `badge plan-${p.status}` }, planStatusLabel(p.status))),
          h('td', {}, rateCell(p.completionRate)),
          h('td', { class: `num ${p.overdueCount ? 'text-danger' : ''}` }, String(p.overdueCount)),
          h('td', {}, reportChips(p.reports))))
          : emptyRow(6, me.schoolCode || me.officeUnit ? 'Chưa có kế hoạch nào.'
            : 'Tài khoản chưa được giao trường hoặc đơn vị nào; hãy liên hệ quản trị hệ thống.')))),
      plans.totalElements > plans.content.length
        ? h('p', { class: 'muted' }, `Đang hiện ${plans.content.length} kế hoạch đầu tiên; xem theo đơn vị để lọc.`) : null));
  main.setAttribute('aria-busy', 'false');
}

const refresh = debounce(load, 300);
load().then(() => { if (loaded) startLive(() => refresh()); });
