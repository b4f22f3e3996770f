// Device and channel tree with online state, refreshed periodically. Clicking a channel hands it
// to the grid.

import { describeError, gateway } from './api.js';

export class DeviceTree {
  constructor(element, onChannel) {
    this.element = element;
    this.onChannel = onChannel;
  }

  async refresh() {
    let devices;
    try {
      devices = await gateway.devices();
    } catch (error) {
      this.element.replaceChildren(note(`devices could not be listed: ${describeError(error)}`, 'error'));
      throw error;
    }
    if (devices.length === 0) {
      this.element.replaceChildren(note('no device has registered yet'));
      return;
    }
    const channelLists = await Promise.all(devices.map((device) =>
      gateway.channels(device.deviceId).catch((error) => error)));
    const list = document.createElement('ul');
    devices.forEach((device, i) => list.append(this.deviceItem(device, channelLists[i])));
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
    if (channels instanceof Error) {
      list.append(note(`channels could not be listed: ${describeError(channels)}`, 'error'));
    } else if (channels.length === 0) {
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
