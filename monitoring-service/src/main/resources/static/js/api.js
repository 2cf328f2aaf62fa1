// Talking to the services. Reads go to monitoring-service (this page's origin); commands go to
// plan-service and reports come from reporting-service, whose addresses come from /api/config
// because they differ per installation. Every request carries the signed-in user's access token;
// a 401 sends the user to sign in again, other refusals come back as ApiError with the services'
// Vietnamese problem detail.

import { forgetSession, justSignedIn, requireSignIn, signIn } from './auth.js';
import { config } from './config.js';

export { config };

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
  if (status === 401) return 'Cần đăng nhập';
  if (status === 403) return 'Không có quyền';
  if (status === 404) return 'Không tìm thấy';
  if (status >= 500) return 'Máy chủ gặp lỗi';
  return 'Yêu cầu không thành công';
}

async function problemOf(response) {
  const text = await response.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    // An HTML error page (e.g. from the servlet container) says nothing useful to a reader.
    return { detail: text.trimStart().startsWith('<') ? '' : text.slice(0, 300) };
  }
}

/**
 * fetch with the access token (unless auth is false). Resolves to the Response when it is 2xx;
 * throws ApiError otherwise. A 401 means the token is gone or refused: sign in again, unless we just
 * did (then the services do not accept this issuer's tokens and saying so beats a redirect loop).
 */
export async function authorizedFetch(url, init = {}, { auth = true } = {}) {
  const headers = new Headers(init.headers || {});
  if (auth) headers.set('Authorization', `Bearer ${await requireSignIn()}`);
  let response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch (e) {
    // fetch rejects only when nothing came back: offline, server down, or CORS refused.
    throw new ApiError(0, { title: 'Không kết nối được máy chủ', detail: 'Kiểm tra mạng rồi thử lại.' });
  }
  if (response.status === 401 && auth) {
    const problem = await problemOf(response);
    if (justSignedIn()) {
      throw new ApiError(401, {
        title: problem.title || 'Cần đăng nhập',
        detail: 'Máy chủ không chấp nhận mã truy cập vừa cấp. Hãy báo quản trị hệ thống kiểm tra cấu hình đăng nhập.',
      });
    }
    forgetSession();
    await signIn();
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

async function json(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

/** GET a JSON resource of this origin; { auth: false } for the public pages. */
export async function getJson(path, params, options) {
  const url = new URL(path, location.href);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return json(await authorizedFetch(url, { headers: { Accept: 'application/json' } }, options));
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

/** Concatenate rather than new URL(path, base): a service may sit behind a proxy under a path prefix. */
function at(base, path) {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/**
 * A command to plan-service. plan-service records the signed-in user (from the token) as the actor;
 * X-Correlation-Id lets the history tie the event to this click.
 */
export async function command(method, path, body) {
  const { planServiceUrl } = await config();
  const response = await authorizedFetch(at(planServiceUrl, path), {
    method,
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json',
      'X-Correlation-Id': uuid(),
    },
    body: JSON.stringify(body),
  });
  return json(response);
}

/**
 * Download a file from reporting-service. A link cannot carry the Authorization header, so the file
 * is fetched, then handed to the browser as a blob with a readable name.
 */
export async function downloadReport(path, fileName) {
  const { reportingServiceUrl } = await config();
  const response = await authorizedFetch(at(reportingServiceUrl, path), { headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
