// Tables of the office page: the units below the current one, the schools' plans (sortable), and
// the plans that need attention.

import { h } from './dom.js';
import { planHref, schoolHref, schoolTypeLabel, unitHref } from './format.js';
import { emptyRow, rateCell, reportChips } from './components.js';

export function childrenTable(children) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', 'data-testid': 'units-table' },
    h('caption', { class: 'visually-hidden' }, 'Các đơn vị trực thuộc'),
    h('thead', {}, h('tr', {}, ['Đơn vị', 'Số trường', 'Kế hoạch', 'Nội dung', 'Hoàn thành', 'Tỉ lệ hoàn thành', 'Quá hạn']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, children.length ? children.map((c) => h('tr', { 'data-unit': c.path.join('/') },
      h('th', { scope: 'row' }, h('a', { href: unitHref(c.path) }, c.name)),
      h('td', { class: 'num' }, String(c.schools)),
      h('td', { class: 'num' }, String(c.plans)),
      h('td', { class: 'num' }, String(c.items)),
      h('td', { class: 'num' }, String(c.completed)),
      h('td', {}, rateCell(c.completionRate)),
      h('td', { class: `num ${c.overdue ? 'text-danger' : ''}` }, String(c.overdue))))
      : emptyRow(7, 'Không có đơn vị trực thuộc.'))));
}

const SORTS = {
  schoolName: (a, b) => a.schoolName.localeCompare(b.schoolName, 'vi'),
  completionRate: (a, b) => a.completionRate - b.completionRate,
  overdueCount: (a, b) => a.overdueCount - b.overdueCount,
};

/** sort = {key, dir: 'asc'|'desc'}; onSort(newSort) is called when a header is clicked. */
export function schoolsTable(plans, sort, onSort) {
  const sorted = [...plans].sort((a, b) => {
    const order = SORTS[sort.key] ? SORTS[sort.key](a, b) : 0;
    return (sort.dir === 'desc' ? -order : order) || SORTS.schoolName(a, b);
  });
  const header = (key, label) => {
    const active = sort.key === key;
    const next = active && sort.dir === 'desc' ? 'asc' : active ? 'desc' : key === 'schoolName' ? 'asc' : 'desc';
    return h('th', {
      scope: 'col', 'aria-sort': active ? (sort.dir === 'desc' ? 'descending' : 'ascending') : 'none',
    }, h('button', {
      type: 'button', class: 'sort', 'data-sort': key, onclick: () => onSort({ key, dir: next }),
    }, label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (sort.dir === 'desc' ? ' ▼' : ' ▲') : ' ↕')));
  };
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table schools-table', 'data-testid': 'schools-table' },
    h('caption', { class: 'visually-hidden' }, 'Kế hoạch của các trường; bấm tiêu đề cột để sắp xếp'),
    h('thead', {}, h('tr', {},
      header('schoolName', 'Trường'),
      h('th', { scope: 'col' }, 'Đơn vị quản lý'),
      h('th', { scope: 'col' }, 'Năm học'),
      header('completionRate', 'Tỉ lệ hoàn thành'),
      header('overdueCount', 'Quá hạn'),
      h('th', { scope: 'col' }, 'Báo cáo định kỳ'))),
    h('tbody', {}, sorted.length ? sorted.map((p) => h('tr', {
      'data-plan-id': p.planId, class: p.overdueCount ? 'is-overdue' : '',
    },
    h('th', { scope: 'row', 'data-label': 'Trường' },
      h('a', { href: planHref(p.planId), 'data-testid': 'school-name' }, p.schoolName),
      h('div', { class: 'muted' }, [schoolTypeLabel(p.schoolType), p.frameworkId, p.documentNumber].filter(Boolean).join(' · '),
        ' · ', h('a', { href: schoolHref(p.schoolKey) }, 'các năm'))),
    h('td', { 'data-label': 'Đơn vị quản lý' }, (p.managingUnit || []).join(' › ') || '—'),
    h('td', { 'data-label': 'Năm học' }, p.schoolYear),
    h('td', { 'data-label': 'Tỉ lệ hoàn thành' }, rateCell(p.completionRate, 'plan-completion-rate'),
      h('div', { class: 'muted' }, `${p.completedCount}/${p.itemCount} nội dung`)),
    h('td', { 'data-label': 'Quá hạn', class: `num ${p.overdueCount ? 'text-danger' : ''}`, 'data-testid': 'plan-overdue' },
      String(p.overdueCount)),
    h('td', { 'data-label': 'Báo cáo định kỳ' }, reportChips(p.reports))))
      : emptyRow(6, 'Không có kế hoạch nào phù hợp bộ lọc.'))));
}

/** Why a plan needs attention, in words: overdue items first, then missing reports. */
function reasons(plan) {
  const out = [];
  if (plan.overdueCount) out.push(`${plan.overdueCount} nội dung quá hạn`);
  // Lower-case only the first letter: "Cuối học kỳ I" keeps its Roman numeral.
  const missing = (plan.reports || []).filter((r) => r.state === 'MISSING')
    .map((r) => r.label || r.period).map((label) => label.charAt(0).toLowerCase() + label.slice(1));
  if (missing.length) out.push(`chưa nộp báo cáo ${missing.join(', ')}`);
  return out.join('; ');
}

export function atRiskList(plans) {
  if (!plans.length) {
    return h('p', { class: 'muted', 'data-testid': 'at-risk-empty' }, 'Không có trường nào quá hạn hoặc thiếu báo cáo.');
  }
  return h('ul', { class: 'at-risk', 'data-testid': 'at-risk' }, plans.map((p) => h('li', { 'data-plan-id': p.planId },
    h('a', { href: planHref(p.planId) }, p.schoolName), ` (${p.schoolYear})`,
    h('div', { class: 'text-danger' }, reasons(p)))));
}
