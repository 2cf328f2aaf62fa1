// callback.html: where the identity server sends the browser back. With ?code=…&state=… it finishes
// the sign-in (code + PKCE verifier → access token) and returns to the page the user started from;
// without a code it is where signing out ends.

import { $, h, replace } from './dom.js';
import { completeSignIn, signIn } from './auth.js';

const main = $('#main');
const params = new URLSearchParams(location.search);

function signInButton(text) {
  return h('button', {
    type: 'button', class: 'btn btn-primary', 'data-action': 'sign-in',
    onclick: () => signIn('/index.html').catch(showError),
  }, text);
}

function showError(error) {
  replace(main, h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': 'signin-error' },
    h('strong', {}, error.title || 'Đăng nhập không thành công'),
    error.detail ? h('p', {}, error.detail) : null,
    h('p', {}, signInButton('Đăng nhập lại'))));
  main.setAttribute('aria-busy', 'false');
}

async function run() {
  if (!params.has('code') && !params.has('error')) {
    document.title = 'Đã đăng xuất · Cải tiến';
    replace(main, h('section', { class: 'panel', 'data-testid': 'signed-out' },
      h('h1', {}, 'Bạn đã đăng xuất'),
      h('p', {}, 'Phiên làm việc trên trình duyệt này đã kết thúc.'),
      h('p', {}, signInButton('Đăng nhập'))));
    main.setAttribute('aria-busy', 'false');
    return;
  }
  try {
    const returnTo = await completeSignIn(location.search);
    // Replace, so "Back" does not land on a used code.
    location.replace(returnTo);
  } catch (error) {
    history.replaceState(null, '', location.pathname);
    showError(error);
  }
}

run();
