// index.html: where to start. Offices pick their province; schools find their plan.

import { $, debounce, h, replace, showLoadError } from './dom.js';
import { getJson } from './api.js';
import { planHref, planStatusLabel, schoolTypeLabel, unitHref } from './format.js';
import { emptyRow, rateCell, reportChips } from './components.js';
import { startLive } from './live.js';

const main = $('#main');
let loaded = false;

async function load() {
  try {
    const [country, plans] = await Promise.all([getJson('/api/units'), getJson('/api/plans', { size: 100 })]);
    render(country, plans);
    loaded = true;
  } catch (error) {
    if (!loaded) showLoadError(main, error);
  }
}

function render(country, plans) {
  replace(main,
    h('section', { class: 'page-header' },
      h('h1', {}, 'Theo dõi kế hoạch cải tiến chất lượng giáo dục'),
      h('p', { class: 'subtitle' }, 'Tiến độ thực hiện kế hoạch của các trường, cập nhật trực tiếp từ tổ giám sát.')),
    h('section', { class: 'panel' },
      h('h2', {}, 'Đơn vị quản lý'),
      h('ul', { class: 'unit-list', 'data-testid': 'units' },
        h('li', {}, h('a', { href: unitHref([]) }, 'Toàn quốc'),
          h('span', { class: 'muted' }, ` · ${country.totals.schools} trường, ${country.totals.plans} kế hoạch`)),
        country.children.map((c) => h('li', {}, h('a', { href: unitHref(c.path) }, c.name),
          h('span', { class: 'muted' }, ` · ${c.schools} trường, ${c.plans} kế hoạch`))))),
    h('section', {},
      h('h2', {}, `Kế hoạch (${plans.totalElements})`),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', 'data-testid': 'plans-table' },
        h('caption', { class: 'visually-hidden' }, 'Tất cả kế hoạch'),
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
          : emptyRow(6, 'Chưa có kế hoạch nào.')))),
      plans.totalElements > plans.content.length
        ? h('p', { class: 'muted' }, `Đang hiện ${plans.content.length} kế hoạch đầu tiên; xem theo đơn vị để lọc.`) : null));
  main.setAttribute('aria-busy', 'false');
}

const refresh = debounce(load, 300);
startLive(() => refresh());
load();
