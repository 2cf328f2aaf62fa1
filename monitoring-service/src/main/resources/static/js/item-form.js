// The self-assessment council adds or edits a row of the plan table. Once the plan is approved
// every change is an amendment and plan-service requires "Lý do điều chỉnh".

import { append, h, toast } from './dom.js';
import { command, getJson } from './api.js';
import { busy, field, formDialog, numeric, showProblem, submitButtons, trimmed } from './forms.js';

const frameworks = new Map();

function framework(id) {
  if (!frameworks.has(id)) {
    const loading = getJson(`/api/frameworks/${encodeURIComponent(id)}`);
    loading.catch(() => frameworks.delete(id)); // a failed load may be retried by reopening the form
    frameworks.set(id, loading);
  }
  return frameworks.get(id);
}

/** The level rows a plan of this framework can use: its ordinary levels together, each alone, then 4. */
export function levelGroups(levels) {
  const ordinary = (levels || [1, 2, 3]).filter((l) => l !== 4);
  const groups = [];
  if (ordinary.length > 1) groups.push(`MỨC ${ordinary.join(', ')}`);
  ordinary.forEach((l) => groups.push(`MỨC ${l}`));
  if ((levels || []).includes(4)) groups.push('MỨC 4');
  return groups;
}

function shorten(text, max) {
  return text && text.length > max ? `${text.slice(0, max - 1)}…` : text || '';
}

function criterionSelect(fw, selected) {
  const select = h('select', { 'data-testid': 'item-criterion' },
    h('option', { value: '' }, '— Chọn tiêu chí —'),
    (fw.standards || []).map((s) => h('optgroup', { label: `Tiêu chuẩn ${s.no}: ${s.name}` },
      (s.criteria || []).map((c) => h('option', { value: c.code, selected: c.code === selected }, `${c.code} – ${c.name}`)))),
    (fw.level4Criteria || []).length
      ? h('optgroup', { label: 'Tiêu chí mức 4' }, fw.level4Criteria.map((c) => h('option', {
        value: c.code, selected: c.code === selected, title: c.summary,
      }, `${c.code} – ${shorten(c.summary, 90)}`)))
      : null);
  // A criterion the catalogue no longer has must still show, or saving would silently change it.
  if (selected && select.value !== selected) select.append(h('option', { value: selected, selected: true }, selected));
  return select;
}

function levelSelect(fw, selected) {
  const groups = levelGroups(fw.levels);
  if (selected && !groups.includes(selected)) groups.push(selected);
  return h('select', { 'data-testid': 'item-level' },
    h('option', { value: '' }, 'Theo tiêu chí (mặc định)'),
    groups.map((g) => h('option', { value: g, selected: g === selected }, g)));
}

const lines = (text) => (text || '').split('\n').map((l) => l.replace(/^\s*[-•+]\s*/, '').trim()).filter(Boolean);
const commaList = (text) => (text || '').split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
const nonEmpty = (obj) => (Object.values(obj).some((v) => v !== undefined && v !== false) ? obj : undefined);

/** item === null adds a new row. */
export async function openItemForm(plan, item) {
  let fw;
  try {
    fw = await framework(plan.frameworkId);
  } catch (error) {
    toast(`Không tải được bộ tiêu chuẩn ${plan.frameworkId}: ${error.title}`, 'error');
    return null;
  }
  const d = (item && item.details) || {};
  const schedule = d.schedule || {};
  const budget = d.budget || {};
  const amending = plan.status === 'APPROVED';
  const { dialog, form, body, footer } = formDialog(item ? 'Sửa nội dung cải tiến' : 'Thêm nội dung cải tiến',
    item ? `Tiêu chí ${item.criterionCode}${item.criterionName ? ` – ${item.criterionName}` : ''}`
      : `${fw.title}${fw.provisional ? ' (tạm thời)' : ''}`, 'item-form');

  const criterion = criterionSelect(fw, d.criterionCode || (item && item.criterionCode));
  const level = levelSelect(fw, d.levelGroup || (item && item.levelGroup));
  const target = h('textarea', { rows: '3', value: d.targetResult || '', 'data-testid': 'item-target' });
  const tasks = h('textarea', { rows: '4', value: (d.tasks || []).join('\n'), 'data-testid': 'item-tasks' });
  const lead = h('input', { type: 'text', value: d.lead || '', autocomplete: 'off' });
  const coordinators = h('input', { type: 'text', value: (d.coordinators || []).join(', '), autocomplete: 'off' });
  const start = h('input', { type: 'month', value: schedule.start || '', placeholder: 'yyyy-mm' });
  const end = h('input', { type: 'month', value: schedule.end || '', placeholder: 'yyyy-mm' });
  const timeText = h('input', { type: 'text', value: schedule.text || '', placeholder: 'Năm học 2023-2024' });
  const amount = h('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', value: budget.amount ?? '' });
  const perYear = h('input', { type: 'checkbox', checked: Boolean(budget.perSchoolYear) });
  const source = h('input', { type: 'text', value: budget.fundingSource || '' });
  const budgetText = h('input', { type: 'text', value: budget.text || '', placeholder: '3 triệu/NH' });
  const support = h('textarea', { rows: '2', value: d.supportConditions || '' });
  const notes = h('textarea', { rows: '2', value: d.notes || '' });
  const reason = h('textarea', { rows: '2', 'data-testid': 'item-reason' });

  append(body, [
    field('criterionCode', 'Tiêu chí', criterion, { required: true }),
    field('levelGroup', 'Nhóm mức', level),
    field('targetResult', 'Kết quả cần đạt (so với hiện trạng)', target, { required: true }),
    field('tasks', 'Công việc/giải pháp cần thực hiện', tasks, { hint: 'Mỗi dòng một công việc' }),
    h('div', { class: 'form-grid' },
      field('lead', 'Chủ trì', lead),
      field('coordinators', 'Phối hợp', coordinators, { hint: 'Cách nhau bằng dấu phẩy' })),
    h('fieldset', { class: 'fieldset', 'data-field': 'schedule' }, h('legend', {}, 'Thời gian thực hiện và hoàn thành'),
      h('div', { class: 'form-grid' }, field('schedule.start', 'Bắt đầu (tháng)', start),
        field('schedule.end', 'Hoàn thành (tháng)', end)),
      field('schedule.text', 'Cách ghi trong kế hoạch', timeText),
      h('p', { class: 'field-error', hidden: true })),
    h('fieldset', { class: 'fieldset', 'data-field': 'budget' }, h('legend', {}, 'Dự kiến kinh phí'),
      h('div', { class: 'form-grid' }, field('budget.amount', 'Số tiền (đồng)', amount),
        field('budget.perSchoolYear', 'Mỗi năm học', perYear)),
      field('budget.fundingSource', 'Nguồn kinh phí', source),
      field('budget.text', 'Cách ghi trong kế hoạch', budgetText),
      h('p', { class: 'field-error', hidden: true })),
    field('supportConditions', 'Điều kiện hỗ trợ khác', support),
    field('notes', 'Ghi chú', notes),
    amending ? field('amendmentReason', 'Lý do điều chỉnh', reason, {
      required: true, hint: 'Kế hoạch đã ban hành: mọi thay đổi là điều chỉnh và cần nêu lý do',
    }) : null]);

  const { submit, cancel } = submitButtons(dialog, item ? 'Lưu thay đổi' : 'Thêm');
  footer.append(cancel, submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = {
      criterionCode: trimmed(criterion.value),
      levelGroup: trimmed(level.value),
      targetResult: trimmed(target.value),
      // Indicators are not edited here; send them back so an edit does not erase them.
      indicators: d.indicators && d.indicators.length ? d.indicators.map(({ name, baseline, target: t, unit }) => (
        { name, baseline, target: t, unit })) : undefined,
      tasks: lines(tasks.value).length ? lines(tasks.value) : undefined,
      lead: trimmed(lead.value),
      coordinators: commaList(coordinators.value).length ? commaList(coordinators.value) : undefined,
      schedule: nonEmpty({ start: trimmed(start.value), end: trimmed(end.value), text: trimmed(timeText.value) }),
      budget: nonEmpty({
        amount: numeric(amount), perSchoolYear: perYear.checked, fundingSource: trimmed(source.value),
        note: trimmed(budget.note), text: trimmed(budgetText.value),
      }),
      supportConditions: trimmed(support.value),
      notes: trimmed(notes.value),
      amendmentReason: amending ? trimmed(reason.value) : undefined,
    };
    const path = `/api/plans/${encodeURIComponent(plan.planId)}/items`;
    try {
      await busy(submit, 'Đang lưu…', () => (item
        ? command('PUT', `${path}/${encodeURIComponent(item.itemId)}`, request)
        : command('POST', path, request)));
      dialog.close();
      toast(item ? 'Đã lưu thay đổi, đang cập nhật…' : 'Đã thêm nội dung, đang cập nhật…', 'success');
    } catch (error) {
      showProblem(form, error);
    }
  });

  dialog.showModal();
  criterion.focus();
  return dialog;
}
