// The signed-in user: every dashboard page starts with signedInUser(), which signs in when needed,
// asks monitoring-service who the token belongs to (/api/me) and shows it in the header with a
// "Đăng xuất" button.

import { h, replace } from './dom.js';
import { getJson } from './api.js';
import { signOut } from './auth.js';

let mePromise = null;

/** {username, name, title, roles: [{code, label}], schoolCode, unit, leads, officeUnit, administrator} */
export function signedInUser() {
  if (!mePromise) {
    mePromise = getJson('/api/me');
    mePromise.then(showUser, () => { mePromise = null; });
  }
  return mePromise;
}

/** How the user appears as the actor of their commands: "Tổ giám sát - Nguyễn Thị Mai". */
export function actorLabel(me) {
  const who = me.name || me.username;
  return me.title ? `${me.title} - ${who}` : who;
}

/** The page a user starts from: their school, their unit's office view, or the plan list. */
export function homeHref(me) {
  if (me.officeUnit) return me.officeUnit.length ? `office.html?unit=${encodeURIComponent(me.officeUnit.join('/'))}` : 'office.html';
  if (me.schoolCode) return `school.html?key=${encodeURIComponent(me.schoolCode)}`;
  return 'index.html';
}

/**
 * May the user open the office view of this unit path? A display hint only (links vs plain text);
 * monitoring-service decides on each request.
 */
export function mayOpenUnit(me, path) {
  if (!me || !me.officeUnit) return false;
  const unit = me.officeUnit;
  if (path.length < unit.length) return false;
  return unit.every((part, i) => part.localeCompare(path[i], 'vi', { sensitivity: 'accent' }) === 0);
}

function showUser(me) {
  const topbar = document.querySelector('.topbar');
  if (!topbar) return;
  let box = document.getElementById('user-box');
  if (!box) {
    box = h('div', { id: 'user-box', class: 'user-box', 'data-testid': 'user-box' });
    topbar.append(box);
  }
  const where = me.schoolCode ? `mã trường ${me.schoolCode}` : me.unit && me.unit.length ? me.unit[me.unit.length - 1] : '';
  replace(box,
    h('span', { class: 'user-who' },
      h('span', { class: 'user-name', 'data-testid': 'user-name' }, me.name || me.username),
      h('span', { class: 'user-title', 'data-testid': 'user-title' },
        [me.title || (me.roles || []).map((r) => r.label).join(', '), where].filter(Boolean).join(' · '))),
    h('button', {
      type: 'button', class: 'btn btn-small btn-signout', 'data-action': 'sign-out', onclick: () => signOut(),
    }, 'Đăng xuất'));
}
