// The 1/4/9/16 tile grid. Each tile owns a Player; one tile is selected (the stats panel and
// the snapshot button follow it, and a channel clicked in the tree plays there).

import { Player } from './player.js';

export const GRID_SIZES = [1, 4, 9, 16];

export class Grid {
  constructor(element, onSelect) {
    this.element = element;
    this.onSelect = onSelect;
    this.players = [];
    this.selected = 0;
    this.resize(4);
  }

  get size() {
    return this.players.length;
  }

  get selectedPlayer() {
    return this.players[this.selected];
  }

  /** Shows {@code size} tiles; tiles that go away stop their players, the others keep playing. */
  resize(size) {
    if (!GRID_SIZES.includes(size)) {
      throw new Error(`grid size must be one of ${GRID_SIZES.join(', ')}`);
    }
    while (this.players.length > size) {
      const player = this.players.pop();
      player.stop();
      player.element.remove();
    }
    while (this.players.length < size) {
      this.players.push(new Player(this.tile(this.players.length)));
    }
    this.element.style.setProperty('--columns', String(Math.sqrt(size)));
    this.element.dataset.size = String(size);
    this.select(Math.min(this.selected, size - 1));
  }

  tile(index) {
    const tile = document.createElement('div');
    tile.className = 'tile';
    tile.dataset.index = String(index);
    tile.innerHTML = '<video muted autoplay playsinline></video>'
      + '<div class="tile-label"></div><pre class="tile-message"></pre>'
      + '<button class="tile-stop" title="stop this tile">✕</button>';
    tile.addEventListener('click', () => this.select(index));
    tile.querySelector('.tile-stop').addEventListener('click', (event) => {
      event.stopPropagation();
      this.players[index].stop();
    });
    this.element.append(tile);
    return tile;
  }

  select(index) {
    this.selected = index;
    this.players.forEach((player, i) => player.element.classList.toggle('selected', i === index));
    this.onSelect(this.players[index]);
  }

  /** Plays in the selected tile, then moves the selection to the next idle tile, if any. */
  play(channel, mode) {
    const player = this.selectedPlayer;
    const played = player.play(channel, mode);
    const next = this.players.findIndex((p, i) => i > this.selected && !p.busy);
    if (next >= 0) {
      this.select(next);
    }
    return played;
  }

  stopAll() {
    return Promise.all(this.players.map((player) => player.stop()));
  }
}
