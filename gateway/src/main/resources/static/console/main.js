// Console entry point: sign-in with the API token, then the device tree, the tile grid, the
// stats panel and the snapshot button.

import { describeError, gateway, session } from './api.js';
import { Grid } from './grid.js';
import { StatsPanel } from './stats.js';
import { DeviceTree } from './tree.js';

const TREE_REFRESH_MS = 10000;
const $ = (id) => document.getElementById(id);

const stats = new StatsPanel($('stats'));
const grid = new Grid($('grid'), (player) => stats.follow(player));
const tree = new DeviceTree($('tree'), (channel) => grid.play(channel, $('mode').value));
let treeTimer = null;

async function enter() {
  try {
    await tree.refresh();
  } catch (error) {
    if (error.status === 401) {
      session.signOut();
      showLogin(`the gateway refused this token: ${describeError(error)}`);
      return;
    }
  }
  $('login').hidden = true;
  $('app').hidden = false;
  $('logout').hidden = false;
  $('status').textContent = 'signed in';
  stats.start();
  clearInterval(treeTimer);
  treeTimer = setInterval(() => tree.refresh().catch(() => {}), TREE_REFRESH_MS);
}

function showLogin(message = '') {
  clearInterval(treeTimer);
  stats.stop();
  $('app').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
  $('status').textContent = '';
  $('token').focus();
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  session.signIn($('token').value.trim());
  $('token').value = '';
  enter();
});

$('logout').addEventListener('click', async () => {
  await grid.stopAll();
  session.signOut();
  showLogin();
});

$('refresh').addEventListener('click', () => tree.refresh().catch(() => {}));
let searchTimer;
$('channel-search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => tree.search(event.target.value).catch(() => {}), 250);
});

function markGrid() {
  document.querySelectorAll('[data-grid]').forEach((button) =>
    button.classList.toggle('active', Number(button.dataset.grid) === grid.size));
}
document.querySelectorAll('[data-grid]').forEach((button) => button.addEventListener('click', () => {
  grid.resize(Number(button.dataset.grid));
  markGrid();
}));
markGrid();

$('stop-all').addEventListener('click', () => grid.stopAll());

$('snapshot').addEventListener('click', async () => {
  const panel = $('snapshot-panel');
  const message = $('snapshot-message');
  const link = $('snapshot-link');
  const channel = grid.selectedPlayer.channel;
  if (!channel) {
    panel.dataset.state = 'failed';
    message.className = 'error';
    message.textContent = 'the selected tile plays no channel: select a playing tile first';
    return;
  }
  panel.dataset.state = 'loading';
  message.className = 'note';
  message.textContent = `taking a snapshot of ${channel.channelId}…`;
  try {
    const jpeg = await gateway.snapshot(channel.channelId);
    const image = $('snapshot-image');
    if (link.href) {
      URL.revokeObjectURL(link.href);
    }
    link.href = URL.createObjectURL(jpeg);
    link.download = `${channel.channelId}-${new Date().toISOString().replaceAll(':', '')}.jpg`;
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error('the gateway answered something that is no image'));
      image.src = link.href;
    });
    link.hidden = false;
    message.className = 'note';
    message.textContent = `${channel.channelId}, ${image.naturalWidth}×${image.naturalHeight}, click to save`;
    panel.dataset.state = 'ready';
  } catch (error) {
    link.hidden = true;
    message.className = 'error';
    message.textContent = `snapshot failed: ${describeError(error)}`;
    panel.dataset.state = 'failed';
  }
});

window.addEventListener('pagehide', () => grid.stopAll());

if (session.token()) {
  enter();
} else {
  showLogin();
}
