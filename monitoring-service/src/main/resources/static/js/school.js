// school.html?key=<schoolKey>: one school's plans over the years, newest first. A school's people
// open their own school; offices the schools under their unit.

import { $, debounce, h, replace, showLoadError } from './dom.js';
import { getJson } from './api.js';
import { planHref, planStatusLabel, schoolTypeLabel } from './format.js';
import { emptyRow, rateCell, reportChips, unitBreadcrumb } from './components.js';
import { startLive } from './live.js';
import { mayOpenUnit, signedInUser } from './user.js';

const params = new URLSearchParams(location.search);
const main = $('#main');
let key = params.get('key');
let loaded = false;
let me = null;

async function load() {
  try {
    me = me || await signedInUser();
    // Without a key a school's people land on their own school.
    key = key || me.schoolCode;
    if (!key) {
      showLoadError(main, { title: 'Thiếu mã trường', detail: 'Mở trang từ trang kế hoạch hoặc trang phòng/sở.' });
      return;
    }
    render(await fetchSchool());
    loaded = true;
  } catch (error) {
    if (!loaded) showLoadError(main, error);
  }
}

/** The key may hold "/" (unit path + name), so it travels as a query parameter. */
function fetchSchool() {
  return getJson('/api/school', { key });
}

function render(school) {
  document.title = `${school.schoolName} · Kế hoạch cải tiến qua các năm`;
  replace(main,
    h('section', { class: 'page-header' },
      unitBreadcrumb(school.managingUnit, [{ text: school.schoolName }], (path) => mayOpenUnit(me, path)),
      h('h1', {}, school.schoolName),
      h('p', { class: 'subtitle' }, [schoolTypeLabel(school.schoolType), (school.managingUnit || []).join(' › ')]
        .filter(Boolean).join(' · ')),
      school.schoolCode
        ? h('p', {}, h('a', {
          href: `cong-khai.html?school=${encodeURIComponent(school.schoolCode)}`, 'data-testid': 'public-page-link',
        }, 'Trang công khai kế hoạch cải tiến của trường'),
        h('span', { class: 'muted' }, ' (ai cũng xem được, không cần đăng nhập)'))
        : null),
    h('h2', {}, 'Kế hoạch cải tiến theo năm học'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', 'data-testid': 'school-plans' },
      h('caption', { class: 'visually-hidden' }, 'Các kế hoạch của trường'),
      h('thead', {}, h('tr', {}, ['Năm học', 'Số văn bản', 'Bộ tiêu chuẩn', 'Trạng thái', 'Tỉ lệ hoàn thành', 'Quá hạn',
        'Báo cáo định kỳ'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, school.plans.length ? school.plans.map((p) => h('tr', {
        'data-plan-id': p.planId, class: p.overdueCount ? 'is-overdue' : '',
      },
      h('th', { scope: 'row' }, h('a', { href: planHref(p.planId) }, `Năm học ${p.schoolYear}`)),
      h('td', {}, p.documentNumber || '—'),
      h('td', {}, p.frameworkId),
      h('td', {}, h('span', { class: `badge plan-${p.status}` }, planStatusLabel(p.status))),
      h('td', {}, rateCell(p.completionRate), h('div', { class: 'muted' }, `${p.completedCount}/${p.itemCount} nội dung`)),
      h('td', { class: `num ${p.overdueCount ? 'text-danger' : ''}` }, String(p.overdueCount)),
      h('td', {}, reportChips(p.reports))))
        : emptyRow(7, 'Trường chưa có kế hoạch nào.')))));
  main.setAttribute('aria-busy', 'false');
}

const refresh = debounce(load, 300);
load().then(() => { if (loaded) startLive(() => refresh()); });
