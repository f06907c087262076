// Small line icons drawn with SVG DOM calls (no markup strings, no image requests). All decorative: the text
// beside them, or a screen-reader-only label, carries the meaning.
import type { InteractionType } from '../../../app/ipc/contract.ts';
import { svg } from '../dom.ts';

type Shape = { tag: 'path'; d: string } | { tag: 'rect'; x: number; y: number; w: number; h: number; r: number } | {
  tag: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill?: boolean;
};

const HANDSET = 'M4 2.5h2l1 2.7-1.3 1a7.6 7.6 0 0 0 4.1 4.1l1-1.3 2.7 1v2a1 1 0 0 1-1 1A11 11 0 0 1 3 3.5a1 1 0 0 1 1-1z';
const BUBBLE = 'M2.5 3.5h11v7H8l-3.5 2.5v-2.5h-2z';

type ExtraIcon = 'muted' | 'held' | 'inbound' | 'outbound' | 'check' | 'alert' | 'clock' | 'log' | 'settings';

const SHAPES: Record<InteractionType | ExtraIcon, Shape[]> =
  {
    call: [{ tag: 'path', d: HANDSET }],
    callback: [{ tag: 'path', d: HANDSET }, { tag: 'path', d: 'M10 2.5h3.5V6M13.5 2.5 9.8 6.2' }],
    chat: [{ tag: 'path', d: BUBBLE }],
    email: [
      { tag: 'rect', x: 2, y: 3.5, w: 12, h: 9, r: 1.2 },
      { tag: 'path', d: 'M2.5 4.5 8 9l5.5-4.5' },
    ],
    generic: [
      { tag: 'rect', x: 2.5, y: 2.5, w: 11, h: 11, r: 2 },
      { tag: 'circle', cx: 8, cy: 8, r: 1.6, fill: true },
    ],
    workitem: [
      { tag: 'rect', x: 3.5, y: 3, w: 9, h: 11, r: 1.2 },
      { tag: 'path', d: 'M6 3V1.8h4V3M6 7h4M6 10h4' },
    ],
    directmessage: [{ tag: 'path', d: BUBBLE }, { tag: 'path', d: 'M5 6h6M5 8h3.5' }],
    social: [{ tag: 'path', d: 'M6.5 2.5 5 13.5M11 2.5l-1.5 11M2.5 6h11M2 10h11' }],
    unknown: [
      { tag: 'circle', cx: 8, cy: 8, r: 5.8 },
      { tag: 'path', d: 'M6.4 6.4a1.7 1.7 0 1 1 2.4 1.5c-.5.3-.8.6-.8 1.2v.3' },
      { tag: 'circle', cx: 8, cy: 11.3, r: 0.7, fill: true },
    ],
    muted: [
      { tag: 'path', d: 'M8 2.5a2 2 0 0 0-2 2v3.5a2 2 0 0 0 4 0V4.5a2 2 0 0 0-2-2zM4 7.5a4 4 0 0 0 8 0M8 11.5v2' },
      { tag: 'path', d: 'M2.5 2.5l11 11' },
    ],
    held: [{ tag: 'path', d: 'M5.5 3.5v9M10.5 3.5v9' }],
    inbound: [{ tag: 'path', d: 'M12 4 4.5 11.5M4.5 6.5v5h5' }],
    outbound: [{ tag: 'path', d: 'M4 12l7.5-7.5M6.5 4.5h5v5' }],
    check: [{ tag: 'path', d: 'M3 8.5 6.5 12 13 4.5' }],
    alert: [
      { tag: 'circle', cx: 8, cy: 8, r: 5.8 },
      { tag: 'path', d: 'M8 4.8v3.8' },
      { tag: 'circle', cx: 8, cy: 11, r: 0.7, fill: true },
    ],
    clock: [
      { tag: 'circle', cx: 8, cy: 8, r: 5.8 },
      { tag: 'path', d: 'M8 4.8V8l2.2 1.6' },
    ],
    log: [{ tag: 'path', d: 'M5.5 4.5h8M5.5 8h8M5.5 11.5h8M2.5 4.5h.5M2.5 8h.5M2.5 11.5h.5' }],
    // Two sliders: "settings" without a gear's fiddly outline.
    settings: [
      { tag: 'path', d: 'M2.5 5h4.5M10.5 5h3M2.5 11h2M8 11h5.5' },
      { tag: 'circle', cx: 8.75, cy: 5, r: 1.75 },
      { tag: 'circle', cx: 6.25, cy: 11, r: 1.75 },
    ],
  };

export type IconName = keyof typeof SHAPES;

export function icon(name: IconName, className = 'icon'): SVGSVGElement {
  const root = svg('svg', {
    viewBox: '0 0 16 16',
    width: 16,
    height: 16,
    class: className,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  for (const shape of SHAPES[name]) root.append(drawShape(shape));
  return root;
}

function drawShape(shape: Shape): SVGElement {
  switch (shape.tag) {
    case 'path':
      return svg('path', { d: shape.d });
    case 'rect':
      return svg('rect', { x: shape.x, y: shape.y, width: shape.w, height: shape.h, rx: shape.r });
    case 'circle':
      return svg('circle', { cx: shape.cx, cy: shape.cy, r: shape.r, class: shape.fill ? 'icon-fill' : '' });
  }
}
