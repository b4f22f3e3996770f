// Device and channel tree with online state, refreshed periodically. Channels come from the server-side
// channel list in pages of PAGE (one request per PAGE channels, not one per device); the search box narrows
// it on the server to channels whose name, ID or address contains the text. Clicking a channel hands it to
// the grid.

import { describeError, gateway } from './api.js';

const PAGE = 1000;

export class DeviceTree {
  constructor(element, onChannel) {
    this.element = element;
    this.onChannel = onChannel;
    this.filter = '';
  }

  /** Shows only the channels matching {@code text} (and their devices); empty shows everything. */
  search(text) {
    this.filter = text.trim();
    return this.refresh();
  }

  async refresh() {
    const filter = this.filter;
    let devices;
    let channels;
    try {
      [devices, channels] = await Promise.all([gateway.devices(), allChannels(filter)]);
    } catch (error) {
      this.element.replaceChildren(note(`devices could not be listed: ${describeError(error)}`, 'error'));
      throw error;
    }
    if (filter !== this.filter) {
      return; // a newer search is under way
    }
    const byDevice = new Map();
    for (const channel of channels) {
      if (!byDevice.has(channel.deviceId)) {
        byDevice.set(channel.deviceId, []);
      }
      byDevice.get(channel.deviceId).push(channel);
    }
    const shown = filter ? devices.filter((device) => byDevice.has(device.deviceId)) : devices;
    if (shown.length === 0) {
      this.element.replaceChildren(note(filter ? `no camera matches "${filter}"` : 'no device has registered yet'));
      return;
    }
    const list = document.createElement('ul');
    shown.forEach((device) => list.append(this.deviceItem(device, byDevice.get(device.deviceId) || [])));
    this.element.replaceChildren(list);
  }

  deviceItem(device, channels) {
    const item = document.createElement('li');
    item.className = 'device';
    item.dataset.deviceId = device.deviceId;
    item.dataset.online = String(device.online);
    item.append(line(device.name || device.deviceId, device.deviceId, device.online,
      `${device.transport || ''} ${device.remoteHost || ''}${device.remotePort ? ':' + device.remotePort : ''}`));
    const list = document.createElement('ul');
    if (channels.length === 0) {
      list.append(note('no channels in its catalog'));
    } else {
      for (const channel of channels) {
        const entry = document.createElement('li');
        entry.className = 'channel';
        entry.dataset.channelId = channel.channelId;
        entry.dataset.online = String(channel.online);
        entry.tabIndex = 0;
        entry.append(line(channel.name || channel.channelId, channel.channelId, channel.online, channel.status || ''));
        const play = () => this.onChannel({ channelId: channel.channelId, deviceId: device.deviceId, name: channel.name });
        entry.addEventListener('click', play);
        entry.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') {
            play();
          }
        });
        list.append(entry);
      }
    }
    item.append(list);
    return item;
  }
}

/** Every channel (matching {@code filter}), page by page. */
async function allChannels(filter) {
  const channels = [];
  let after = '';
  do {
    const params = { limit: PAGE };
    if (filter) {
      params.q = filter;
    }
    if (after) {
      params.after = after;
    }
    const page = await gateway.channelPage(params);
    channels.push(...page.channels);
    after = page.next || '';
  } while (after);
  return channels;
}

function line(name, id, online, detail) {
  const row = document.createElement('div');
  row.className = 'row';
  const state = document.createElement('span');
  state.className = `state ${online ? 'online' : 'offline'}`;
  state.textContent = online ? 'online' : 'offline';
  const title = document.createElement('span');
  title.className = 'name';
  title.textContent = name;
  title.title = `${id} ${detail}`.trim();
  const code = document.createElement('span');
  code.className = 'id';
  code.textContent = id;
  row.append(state, title, code);
  return row;
}

function note(text, kind = 'note') {
  const element = document.createElement('p');
  element.className = kind;
  element.textContent = text;
  return element;
}
