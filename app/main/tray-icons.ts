// Tray and application icons drawn in code: one colour and shape per session state, so the state reads at a
// glance and also without colour (filled, ring, half, hollow). Plain Node; the shell wraps them in nativeImage.
import type { TrayIconState } from '../core/tray/menu-model.ts';
import { encodePng } from './png.ts';

type Rgb = [number, number, number];

const LOOK: Record<TrayIconState, { colour: Rgb; shape: 'filled' | 'ring' | 'half' | 'hollow' }> = {
  'signed-in': { colour: [46, 125, 50], shape: 'filled' },
  expired: { colour: [230, 145, 0], shape: 'half' },
  reconnecting: { colour: [21, 101, 192], shape: 'ring' },
  'signed-out': { colour: [117, 117, 117], shape: 'hollow' },
};

function draw(size: number, alphaAt: (x: number, y: number) => number, colour: Rgb): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // 4×4 supersampling gives smooth edges at 16 px.
      let cover = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) cover += alphaAt(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
      const at = (y * size + x) * 4;
      rgba.set([...colour, Math.round((cover / 16) * 255)], at);
    }
  }
  return encodePng(size, size, rgba);
}

export function trayIconPng(state: TrayIconState, size = 32): Buffer {
  const { colour, shape } = LOOK[state];
  const c = size / 2;
  const outer = size * 0.44;
  const inner = size * 0.3;
  return draw(
    size,
    (x, y) => {
      const d = Math.hypot(x - c, y - c);
      if (d > outer) return 0;
      if (shape === 'filled') return 1;
      if (shape === 'half') return d > inner || x < c ? 1 : 0;
      const ring = shape === 'ring' ? size * 0.16 : size * 0.09;
      return d > outer - ring ? 1 : 0;
    },
    colour,
  );
}

/** The packaged application's icon: a rounded square with a "button" dot. */
export function appIconPng(size = 512): Buffer {
  const r = size * 0.18;
  const c = size / 2;
  return draw(
    size,
    (x, y) => {
      const dx = Math.max(Math.abs(x - c) - (c - r - size * 0.04), 0);
      const dy = Math.max(Math.abs(y - c) - (c - r - size * 0.04), 0);
      if (Math.hypot(dx, dy) > r) return 0;
      return Math.hypot(x - c, y - c) < size * 0.2 ? 0.35 : 1;
    },
    [21, 101, 192],
  );
}
