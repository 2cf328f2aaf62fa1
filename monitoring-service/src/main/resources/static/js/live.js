// Live updates: monitoring-service pushes "plan-changed" over server-sent events once a change is in
// its read model. When the stream is down (proxy, restart, flaky network) the page polls every 5 s
// so it never shows stale numbers for long, and stops polling as soon as the stream is back.
// EventSource cannot send an Authorization header, so the access token goes as ?access_token= (the
// only path where monitoring-service accepts it there); the server ends the stream when the token
// expires and the page reconnects with a fresh one, or signs in again.

import { h, replace } from './dom.js';
import { accessToken, forgetSession, signIn } from './auth.js';

const POLL_MS = 5000;
const RECREATE_MS = 5000;

/**
 * onChange(planId) is called for each change; onChange(null) means "something may have changed"
 * (a poll tick, or the stream came back after missing events).
 */
export function startLive(onChange) {
  const indicator = liveIndicator();
  let source = null;
  let pollTimer = null;
  let hadError = false;

  function setState(state) {
    indicator.dataset.state = state;
    replace(indicator, h('span', { class: 'live-dot', 'aria-hidden': 'true' }),
      state === 'live' ? 'Trực tiếp' : state === 'lost' ? 'Mất kết nối, đang thử lại' : 'Đang kết nối…');
  }

  function startPolling() {
    if (!pollTimer) pollTimer = setInterval(() => onChange(null), POLL_MS);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = null;
  }

  function connect() {
    const token = accessToken();
    if (!token) {
      // Expired while the page was open: sign in again and come back here.
      forgetSession();
      signIn();
      return;
    }
    source = new EventSource(`/api/stream?access_token=${encodeURIComponent(token)}`);
    source.addEventListener('open', () => {
      setState('live');
      stopPolling();
      // Events sent while we were away are lost; re-read once instead.
      if (hadError) onChange(null);
      hadError = false;
    });
    source.addEventListener('plan-changed', (event) => {
      let planId = null;
      try {
        planId = JSON.parse(event.data).planId || null;
      } catch {
        // A malformed event still means something changed.
      }
      onChange(planId);
    });
    source.addEventListener('error', () => {
      hadError = true;
      setState('lost');
      startPolling();
      // The browser retries by itself with the same address unless the server answered with an
      // error status (401 for an expired token, 503 when too many pages watch); then the source is
      // CLOSED and we open a new one later, with the current token. A stream the server ended at the
      // token's expiry is retried by the browser and refused the same way.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, RECREATE_MS);
      }
    });
  }

  setState('connecting');
  if ('EventSource' in window) connect();
  else {
    setState('lost');
    startPolling();
  }
  window.addEventListener('pagehide', () => source && source.close());
}

function liveIndicator() {
  let el = document.getElementById('live-status');
  if (!el) {
    el = h('span', { id: 'live-status', class: 'live', role: 'status', 'data-testid': 'live-status' });
    (document.querySelector('.topbar') || document.body).append(el);
  }
  return el;
}
