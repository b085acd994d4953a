import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';

/**
 * Makes `folder` (created if missing) one this process cannot write in: read-only for its owner, or,
 * as root (whom permissions do not stop), a read-only file system mounted on it. Returns how to undo
 * it, or `undefined` when neither can be done here (Windows; root without `mount`).
 */
export function unwritable(folder: string): (() => void) | undefined {
  mkdirSync(folder, { recursive: true });
  if (process.platform === 'win32') return undefined;
  if (process.getuid?.() !== 0) {
    chmodSync(folder, 0o555);
    return () => chmodSync(folder, 0o755);
  }
  if (process.platform !== 'linux' || spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', folder]).status !== 0) return undefined;
  return () => spawnSync('umount', [folder]);
}

/** What {@link unwritable} makes a write in `folder` fail with, as storyfeed says it. */
export function refusalOf(folder: string): RegExp {
  const quoted = folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(permission denied \\(EACCES\\): make ${quoted} writable for you|${quoted} is on a read-only file system \\(EROFS\\))`);
}
