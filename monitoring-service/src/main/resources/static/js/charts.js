// Inline SVG charts drawn by hand: no library, works offline, text uses the page's system font so
// Vietnamese diacritics render. Each chart has a <title>/<desc> and the numbers also appear as
// text, so the chart is never the only place a value is shown.

import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function shorten(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Horizontal bars of rates 0..1: rows [{label, value, href?}]. Drawn for the container's width
 * (`width`, in CSS pixels) so text stays readable on a phone instead of being scaled down; labels
 * are cut to fit and shown in full in each bar's tooltip.
 */
export function horizontalBars(rows, { title, format, width = 640 }) {
  // Narrow (phone): each label on its own line above its bar, so names are not cut to a few letters.
  const stacked = width < 480;
  const labelWidth = stacked ? 0 : Math.round(Math.min(240, width * 0.38));
  const labelLine = stacked ? 18 : 0;
  const valueWidth = 64;
  const barHeight = 22;
  const gap = 10;
  const top = 8;
  const rowHeight = labelLine + barHeight + gap;
  const height = top + rows.length * rowHeight + 24;
  const plot = width - labelWidth - valueWidth;
  const maxChars = Math.floor((stacked ? width : labelWidth) / 7.8);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  // Grid at 0, 25, 50, 75, 100% so bars can be compared by eye.
  for (let t = 0; t <= 4; t += 1) {
    const x = labelWidth + (plot * t) / 4;
    svg.append(s('line', { x1: x, x2: x, y1: top - 4, y2: height - 20, class: 'chart-gridline' }));
    svg.append(s('text', { x, y: height - 6, class: 'chart-axis', 'text-anchor': t === 0 && stacked ? 'start' : 'middle' },
      `${t * 25}%`));
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight + labelLine;
    const value = Math.max(0, Math.min(1, Number(row.value) || 0));
    const g = s('g', { class: 'chart-row' });
    g.append(s('title', {}, `${row.label}: ${format(row.value)}`));
    g.append(stacked
      ? s('text', { x: 0, y: y - 5, class: 'chart-label' }, shorten(row.label, maxChars))
      : s('text', { x: labelWidth - 8, y: y + barHeight / 2 + 5, 'text-anchor': 'end', class: 'chart-label' },
        shorten(row.label, maxChars)));
    g.append(s('rect', { x: labelWidth, y, width: plot, height: barHeight, class: 'chart-track', rx: 3 }));
    g.append(s('rect', { x: labelWidth, y, width: Math.max(value * plot, 1), height: barHeight, rx: 3,
      class: value >= 0.999 ? 'chart-bar chart-bar-done' : 'chart-bar' }));
    g.append(s('text', { x: labelWidth + plot + 6, y: y + barHeight / 2 + 5, class: 'chart-value' }, format(row.value)));
    if (row.href) {
      const a = s('a', { href: row.href });
      a.append(g);
      svg.append(a);
    } else svg.append(g);
  });
  return svg;
}

export const REPORT_SERIES = [
  { key: 'onTime', label: 'Đúng hạn', cls: 'seg-ON_TIME' },
  { key: 'late', label: 'Nộp trễ', cls: 'seg-LATE' },
  { key: 'missing', label: 'Chưa nộp', cls: 'seg-MISSING' },
  { key: 'notDue', label: 'Chưa đến hạn', cls: 'seg-NOT_DUE' },
];

/** Stacked bars, one per report period, of how many plans are in each submission state. */
export function stackedReportBars(periods, { title, width = 640 }) {
  const labelWidth = Math.round(Math.min(150, width * 0.32));
  const barHeight = 26;
  const gap = 14;
  const top = 8;
  const height = top + periods.length * (barHeight + gap);
  const plot = width - labelWidth - 20;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  svg.append(s('title', {}, title));
  periods.forEach((p, i) => {
    const y = top + i * (barHeight + gap);
    const total = REPORT_SERIES.reduce((sum, series) => sum + (p[series.key] || 0), 0);
    svg.append(s('text', { x: labelWidth - 8, y: y + barHeight / 2 + 5, 'text-anchor': 'end', class: 'chart-label' },
      shorten(p.label || p.period, Math.floor(labelWidth / 7))));
    svg.append(s('rect', { x: labelWidth, y, width: plot, height: barHeight, class: 'chart-track', rx: 3 }));
    let x = labelWidth;
    for (const series of REPORT_SERIES) {
      const count = p[series.key] || 0;
      if (!count || !total) continue;
      const w = (plot * count) / total;
      const seg = s('rect', { x, y, width: w, height: barHeight, class: `chart-seg ${series.cls}` });
      seg.append(s('title', {}, `${p.label || p.period} · ${series.label}: ${count}`));
      svg.append(seg);
      if (w > 22) {
        svg.append(s('text', { x: x + w / 2, y: y + barHeight / 2 + 5, 'text-anchor': 'middle', class: 'chart-seg-text' },
          String(count)));
      }
      x += w;
    }
  });
  return svg;
}

/** The legend as HTML under the chart: wraps on narrow screens and is read as a list. */
export function reportLegend() {
  return h('ul', { class: 'legend', 'aria-label': 'Chú giải' }, REPORT_SERIES.map((series) => h('li', {},
    h('span', { class: `legend-swatch ${series.cls}`, 'aria-hidden': 'true' }), series.label)));
}
