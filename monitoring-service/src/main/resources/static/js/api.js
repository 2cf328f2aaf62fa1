// Talking to the services. Reads go to monitoring-service (this page's origin); commands go to
// plan-service, whose address comes from /api/config because it differs per installation.

/** A refused or failed request, carrying the problem+json body so forms can show field messages. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || titleFor(status);
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

function titleFor(status) {
  if (status === 0) return 'Không kết nối được máy chủ';
  if (status === 404) return 'Không tìm thấy';
  if (status >= 500) return 'Máy chủ gặp lỗi';
  return 'Yêu cầu không thành công';
}

async function parse(response) {
  const text = await response.text();
  let body = {};
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      // An HTML error page (e.g. from the servlet container) says nothing useful to a reader.
      body = { detail: text.trimStart().startsWith('<') ? '' : text.slice(0, 300) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    // fetch rejects only when nothing came back: offline, server down, or CORS refused.
    throw new ApiError(0, { title: 'Không kết nối được máy chủ', detail: 'Kiểm tra mạng rồi thử lại.' });
  }
  return parse(response);
}

export function getJson(path, params) {
  const url = new URL(path, location.href);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return send(url, { headers: { Accept: 'application/json' } });
}

let configPromise = null;

export function config() {
  if (!configPromise) configPromise = getJson('/api/config');
  return configPromise;
}

/** crypto.randomUUID exists only on https or localhost; offices may open the page over plain http. */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A command to plan-service. X-User is percent-encoded because HTTP headers carry only Latin-1 and
 * the recorder's name is Vietnamese; X-Correlation-Id lets the history tie the event to this click.
 */
export async function command(method, path, body, user) {
  const { planServiceUrl } = await config();
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json, application/problem+json',
    'X-Correlation-Id': uuid(),
  };
  if (user && user.trim()) headers['X-User'] = encodeURIComponent(user.trim());
  // Concatenate rather than new URL(path, base): plan-service may sit behind a proxy under a path prefix.
  return send(`${planServiceUrl.replace(/\/+$/, '')}${path}`, { method, headers, body: JSON.stringify(body) });
}

const RECORDER_KEY = 'caitien.recorder';

export function recorderName() {
  try {
    return localStorage.getItem(RECORDER_KEY) || '';
  } catch {
    return '';
  }
}

export function rememberRecorder(name) {
  try {
    localStorage.setItem(RECORDER_KEY, name.trim());
  } catch {
    // Private browsing may refuse storage; the name still goes with this page's commands.
  }
}
