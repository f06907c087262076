// The tray icon, tooltip and context menu, rebuilt from the core's menu model whenever the snapshot changes.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { AppSnapshot } from '../ipc/contract.ts';
import { buildTrayMenu, trayIconState, trayTooltip, type TrayCommand, type TrayIconState, type TrayMenuItem, type TrayMenuOptions } from '../core/tray/menu-model.ts';
import { trayIconPng } from './tray-icons.ts';

export interface TrayDeps {
  createTray(icon: NativeImage): Tray;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  /** nativeImage.createFromBuffer */
  imageFromPng(png: Buffer, options: { scaleFactor: number }): NativeImage;
  platform: NodeJS.Platform;
  onCommand(command: TrayCommand): void;
  /** Left click: Windows and Linux desktops that report it; macOS opens the menu instead. */
  onClick(): void;
}

export interface TrayView {
  icon: TrayIconState;
  tooltip: string;
  menu: TrayMenuItem[];
}

export interface TrayController {
  update(snapshot: AppSnapshot, options: TrayMenuOptions): void;
  view(): TrayView;
  /** Runs the command of the menu item with this id, as a click on it would (e2e hook). */
  click(id: string): boolean;
  destroy(): void;
}

const STATES: TrayIconState[] = ['signed-in', 'expired', 'reconnecting', 'signed-out'];

// Windows and Linux menus read "&" as a mnemonic marker; doubling it shows the character.
function escapeLabel(label: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? label : label.replaceAll('&', '&&');
}

export function toMenuTemplate(items: TrayMenuItem[], platform: NodeJS.Platform, run: (command: TrayCommand) => void): MenuItemConstructorOptions[] {
  return items.map((item) => ({
    id: item.id,
    label: escapeLabel(item.label, platform),
    enabled: item.enabled,
    type: item.type ?? 'normal',
    ...(item.checked === undefined ? {} : { checked: item.checked }),
    ...(item.submenu ? { submenu: toMenuTemplate(item.submenu, platform, run) } : {}),
    ...(item.command.kind === 'none' ? {} : { click: () => run(item.command) }),
  }));
}

function find(items: TrayMenuItem[], id: string): TrayMenuItem | null {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? find(item.submenu, id) : null;
    if (inner) return inner;
  }
  return null;
}

export function createTrayController(deps: TrayDeps): TrayController {
  // 32 px drawn, shown as 16 pt at 2x: sharp on HiDPI, right-sized elsewhere.
  const icons = Object.fromEntries(
    STATES.map((state) => [state, deps.imageFromPng(trayIconPng(state, 32), { scaleFactor: 2 })]),
  ) as Record<TrayIconState, NativeImage>;
  const tray = deps.createTray(icons['signed-out']);
  let current: TrayView = { icon: 'signed-out', tooltip: '', menu: [] };
  if (deps.platform !== 'darwin') tray.on('click', () => deps.onClick());

  return {
    update(snapshot, options) {
      const next: TrayView = { icon: trayIconState(snapshot.session), tooltip: trayTooltip(snapshot.session), menu: buildTrayMenu(snapshot, options) };
      if (next.icon !== current.icon) tray.setImage(icons[next.icon]);
      if (next.tooltip !== current.tooltip) tray.setToolTip(next.tooltip);
      tray.setContextMenu(deps.buildMenu(toMenuTemplate(next.menu, deps.platform, deps.onCommand)));
      current = next;
    },
    view: () => structuredClone(current),
    click(id) {
      const item = find(current.menu, id);
      if (!item || !item.enabled || item.command.kind === 'none') return false;
      deps.onCommand(item.command);
      return true;
    },
    destroy: () => tray.destroy(),
  };
}
