// Sign-in with the installation's OIDC issuer: authorization code flow with PKCE (S256), as a public
// client (no secret in the page). The access token lives in sessionStorage, so it is per tab and
// gone when the tab closes; nothing else about the user is stored. Standard protocol only: the
// browser's crypto.subtle makes the code challenge, the issuer does everything else.

import { config } from './config.js';

const SESSION_KEY = 'caitien.session';
const PENDING_KEY = 'caitien.signin';
const DISCOVERY_KEY = 'caitien.oidc';
// Stop using a token a little before it expires, so a request never arrives with a dead one.
const EXPIRY_MARGIN_MS = 30_000;
// A 401 this soon after signing in means the services refuse the issuer's tokens: do not loop.
const FRESH_MS = 15_000;

function read(storage, key) {
  try {
    const text = storage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused (private mode quota): the user signs in again on the next page.
  }
}

function base64url(bytes) {
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(length) {
  return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

function callbackUrl() {
  return `${location.origin}/callback.html`;
}

/** A failure of the sign-in itself, shown on the callback page in Vietnamese. */
export class SignInError extends Error {
  constructor(title, detail) {
    super(detail || title);
    this.title = title;
    this.detail = detail || '';
  }
}

/** The issuer's endpoints from its discovery document (cached for the tab). */
async function discovery() {
  const cached = read(sessionStorage, DISCOVERY_KEY);
  const { issuerUri, clientId } = await config();
  if (cached && cached.issuer === issuerUri) return { ...cached, clientId };
  const base = issuerUri.replace(/\/+$/, '');
  let meta;
  try {
    const response = await fetch(`${base}/.well-known/openid-configuration`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    meta = await response.json();
  } catch (e) {
    throw new SignInError('Không kết nối được máy chủ đăng nhập',
      `Không đọc được cấu hình của ${base} (${e.message}). Kiểm tra mạng hoặc báo quản trị hệ thống.`);
  }
  const endpoints = {
    issuer: issuerUri,
    authorization: meta.authorization_endpoint,
    token: meta.token_endpoint,
    endSession: meta.end_session_endpoint || null,
  };
  write(sessionStorage, DISCOVERY_KEY, endpoints);
  return { ...endpoints, clientId };
}

/** The stored session {accessToken, idToken, expiresAt, obtainedAt}, or null. */
export function session() {
  return read(sessionStorage, SESSION_KEY);
}

/** A usable access token, or null when there is none or it is about to expire. */
export function accessToken() {
  const s = session();
  return s && s.accessToken && s.expiresAt - EXPIRY_MARGIN_MS > Date.now() ? s.accessToken : null;
}

export function justSignedIn() {
  const s = session();
  return Boolean(s && Date.now() - s.obtainedAt < FRESH_MS);
}

export function forgetSession() {
  write(sessionStorage, SESSION_KEY, null);
}

/**
 * Go to the issuer's sign-in page; come back to `returnTo` (this page by default). The returned
 * promise never settles: the page is being left.
 */
export async function signIn(returnTo = location.href) {
  if (!window.crypto || !crypto.subtle) {
    throw new SignInError('Cần kết nối an toàn để đăng nhập',
      'Trình duyệt chỉ cho đăng nhập an toàn qua HTTPS (hoặc localhost). Hãy mở trang bằng địa chỉ https://…');
  }
  const endpoints = await discovery();
  const verifier = randomText(32);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = randomText(16);
  write(sessionStorage, PENDING_KEY, { state, verifier, returnTo: sameOrigin(returnTo), startedAt: Date.now() });
  const url = new URL(endpoints.authorization);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: endpoints.clientId,
    redirect_uri: callbackUrl(),
    scope: 'openid profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
  return new Promise(() => {});
}

/** A token now, or off to sign in. */
export async function requireSignIn() {
  const token = accessToken();
  if (token) return token;
  forgetSession();
  return signIn();
}

/**
 * On callback.html: check the state, exchange the code (with the PKCE verifier) at the token
 * endpoint, keep the tokens, and return where the user started.
 */
export async function completeSignIn(search = location.search) {
  const params = new URLSearchParams(search);
  const pending = read(sessionStorage, PENDING_KEY);
  write(sessionStorage, PENDING_KEY, null);
  if (params.get('error')) {
    throw new SignInError('Đăng nhập không thành công',
      params.get('error_description') || `Máy chủ đăng nhập trả lời: ${params.get('error')}`);
  }
  const code = params.get('code');
  if (!code || !pending || pending.state !== params.get('state')) {
    throw new SignInError('Phiên đăng nhập không hợp lệ',
      'Liên kết đăng nhập đã cũ hoặc được mở ở thẻ khác. Hãy đăng nhập lại.');
  }
  const endpoints = await discovery();
  let response;
  try {
    response = await fetch(endpoints.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code, redirect_uri: callbackUrl(), client_id: endpoints.clientId,
        code_verifier: pending.verifier,
      }),
    });
  } catch {
    throw new SignInError('Không kết nối được máy chủ đăng nhập', 'Kiểm tra mạng rồi đăng nhập lại.');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new SignInError('Không nhận được mã truy cập',
      body.error_description || body.error || `Máy chủ đăng nhập trả lời HTTP ${response.status}.`);
  }
  const now = Date.now();
  write(sessionStorage, SESSION_KEY, {
    accessToken: body.access_token,
    idToken: body.id_token || null,
    expiresAt: now + 1000 * (Number(body.expires_in) || 300),
    obtainedAt: now,
  });
  return pending.returnTo || '/index.html';
}

/**
 * Forget the tokens here and end the session at the issuer (OIDC RP-initiated logout), which sends
 * the user back to the dashboard's root, registered as the client's post-logout redirect URI; the
 * first page then asks to sign in again. Without an end-session endpoint, callback.html says
 * "signed out".
 */
export async function signOut() {
  const s = session();
  forgetSession();
  let endpoints = null;
  try {
    endpoints = await discovery();
  } catch {
    // The issuer is unreachable: at least this tab is signed out.
  }
  if (endpoints && endpoints.endSession) {
    const url = new URL(endpoints.endSession);
    const params = new URLSearchParams({ client_id: endpoints.clientId, post_logout_redirect_uri: `${location.origin}/` });
    if (s && s.idToken) params.set('id_token_hint', s.idToken);
    url.search = params.toString();
    location.assign(url.toString());
  } else {
    location.assign('/callback.html');
  }
}

/** Only come back to a page of this dashboard, never to another site. */
function sameOrigin(url) {
  try {
    const target = new URL(url, location.href);
    return target.origin === location.origin && !target.pathname.endsWith('/callback.html')
      ? target.pathname + target.search + target.hash : '/index.html';
  } catch {
    return '/index.html';
  }
}
