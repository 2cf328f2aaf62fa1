// "Ghi nhận tiến độ": the monitoring team records an item's status, percent, indicator values,
// evidence and spending as of a date. plan-service decides; this form only collects and explains.

import { append, h, toast } from './dom.js';
import { command } from './api.js';
import { date, STATUSES, today } from './format.js';
import { busy, field, formDialog, numeric, showProblem, submitButtons, trimmed } from './forms.js';

/** Codes may be typed one per line or separated by commas, semicolons or spaces. */
export function splitEvidence(text) {
  return (text || '').split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

/**
 * Opens the form for one item. `recorder` is how the signed-in user will appear in the history
 * ("Tổ giám sát - Nguyễn Thị Mai"); plan-service takes it from the access token, not from the form.
 */
export function openProgressForm(plan, item, recorder) {
  const details = item.details || {};
  const { dialog, form, body, footer } = formDialog('Ghi nhận tiến độ',
    `Tiêu chí ${item.criterionCode}${item.criterionName ? ` – ${item.criterionName}` : ''}`, 'progress-form');

  const status = h('select', { 'data-testid': 'progress-status' },
    STATUSES.map(([code, label]) => h('option', { value: code, selected: code === item.status }, label)));
  const percent = h('input', {
    type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric', 'data-testid': 'progress-percent',
    value: item.percent ?? '',
  });
  // Status and percent must agree (plan-service refuses "Hoàn thành" at 60%); help the common cases.
  status.addEventListener('change', () => {
    if (status.value === 'HOAN_THANH') percent.value = '100';
    if (status.value === 'CHUA_THUC_HIEN') percent.value = '0';
  });

  const indicators = (details.indicators || []).map((ind, i) => {
    const current = item.indicatorValues ? item.indicatorValues[ind.name] : undefined;
    const input = h('input', {
      type: 'number', step: 'any', inputmode: 'decimal', 'data-indicator': ind.name,
      'data-testid': `progress-indicator-${i}`, value: current ?? '',
    });
    const unit = ind.unit ? ` (${ind.unit})` : '';
    const hint = [`Mục tiêu: ${ind.target}${ind.unit ? ` ${ind.unit}` : ''}`,
      ind.baseline !== undefined && ind.baseline !== null ? `hiện trạng ban đầu: ${ind.baseline}` : null,
      current !== undefined ? `giá trị hiện tại: ${current}` : 'chưa có giá trị'].filter(Boolean).join('; ');
    return { indicator: ind, input, wrapper: field(`indicator-${i}`, `${ind.name}${unit}`, input, { hint }) };
  });

  const narrative = h('textarea', { rows: '3', 'data-testid': 'progress-narrative' });
  const evidence = h('textarea', {
    rows: '2', 'data-testid': 'progress-evidence', spellcheck: 'false', autocapitalize: 'characters',
    placeholder: /^\d+\.\d+$/.test(item.criterionCode || '')
      ? `[H1-${item.criterionCode}-01], MC.${item.criterionCode}.01` : '[H1-1.4-01], MC.1.4.01',
  });
  const spent = h('input', {
    type: 'number', min: '0', step: '1', inputmode: 'numeric', 'data-testid': 'progress-spent',
    value: item.amountSpent ?? '',
  });
  const effective = h('input', { type: 'date', value: today(), max: today(), 'data-testid': 'progress-date' });
  // The date picker shows the browser's locale format (mm/dd/yyyy on an English browser); say the
  // chosen day the Vietnamese way so nobody records 05/12 meaning 12 May.
  const chosen = h('span', { 'data-testid': 'progress-date-text' });
  const showChosen = () => { chosen.textContent = effective.value ? `Ngày đã chọn: ${date(effective.value)}` : ''; };
  effective.addEventListener('input', showChosen);
  effective.addEventListener('change', showChosen);
  showChosen();

  append(body, [
    h('p', { class: 'muted', 'data-testid': 'progress-recorder' }, `Người ghi nhận: ${recorder}`),
    h('div', { class: 'form-grid' },
      field('status', 'Trạng thái', status, { required: true }),
      field('percent', 'Tỉ lệ hoàn thành (%)', percent, { hint: 'Từ 0 đến 100' })),
    indicators.length
      ? h('fieldset', { class: 'fieldset', 'data-field': 'indicatorValues' }, h('legend', {}, 'Chỉ số đo kết quả'),
        indicators.map((x) => x.wrapper), h('p', { class: 'field-error', hidden: true }))
      : null,
    field('narrative', 'Diễn giải kết quả thực hiện', narrative),
    field('evidenceCodes', 'Mã minh chứng', evidence,
      { hint: 'Cách nhau bằng dấu phẩy, khoảng trắng hoặc xuống dòng; dạng [H1-1.4-01] hoặc MC.1.4.01' }),
    h('div', { class: 'form-grid' },
      field('amountSpentToDate', 'Đã chi đến nay (đồng)', spent, { hint: 'Tổng số tiền đã chi, không phải lần này' }),
      field('effectiveDate', 'Ngày ghi nhận', effective, { required: true, hint: chosen }))]);

  const { submit, cancel } = submitButtons(dialog, 'Lưu tiến độ');
  footer.append(cancel, submit);

  // Index i of indicatorValues in the request → the indicator input it came from (empty inputs are
  // not sent, so positions differ from the item's list).
  let sentIndicators = [];

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    sentIndicators = indicators.filter((x) => x.input.value.trim() !== '');
    const request = {
      status: status.value,
      percent: numeric(percent),
      indicatorValues: sentIndicators.length
        ? sentIndicators.map((x) => ({ name: x.indicator.name, value: numeric(x.input) })) : undefined,
      narrative: trimmed(narrative.value),
      evidenceCodes: splitEvidence(evidence.value).length ? splitEvidence(evidence.value) : undefined,
      amountSpentToDate: numeric(spent),
      effectiveDate: trimmed(effective.value),
    };
    try {
      await busy(submit, 'Đang lưu…', () => command('POST',
        `/api/plans/${encodeURIComponent(plan.planId)}/items/${encodeURIComponent(item.itemId)}/progress`,
        request));
      dialog.close();
      toast('Đã ghi nhận, đang cập nhật…', 'success');
    } catch (error) {
      showProblem(form, error, (name) => {
        const m = /^indicatorValues\[(\d+)\]/.exec(name);
        return m && sentIndicators[Number(m[1])] ? sentIndicators[Number(m[1])].wrapper : null;
      });
    }
  });

  dialog.showModal();
  status.focus();
  return dialog;
}
