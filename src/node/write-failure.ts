import { statSync } from 'node:fs';
import path from 'node:path';
import { errorText } from '../errors.js';
import { ioReason } from './read-bounded.js';

/** System calls that only look (the rest of those met when publishing write). */
const READS = new Set(['scandir', 'read', 'stat', 'lstat', 'realpath', 'readlink', 'access']);

/** A failed file-system call as Node reports it: `dest` for links and renames, `address` for sockets. */
type FileSystemError = NodeJS.ErrnoException & { dest?: string; address?: string };

/**
 * Why a write to the file system failed and what to do, in words that name the path: what could not be
 * done ("cannot create the folder /srv/.public.storyfeed"), why (permission denied, a read-only file
 * system, a file where a folder is needed, …), and the fix: the folder to make writable, or `instead`
 * (what the caller's user can do instead, such as "choose another output folder"). `shown` names the
 * file written in place of the one in the error (the target of a temporary file; a folder that cannot be
 * created is named as it is). An error that is not a file system's gives its own message.
 */
export function writeFailure(cause: unknown, instead?: string, shown?: string): string {
  const error = cause as FileSystemError | undefined;
  const code = error?.code;
  const given = error?.dest ?? error?.path ?? error?.address;
  if (typeof code !== 'string' || typeof given !== 'string') return errorText(cause);
  if (error?.syscall === 'listen' || error?.syscall === 'connect') return `cannot take the publishing lock: ${errorText(cause)}`;
  // A look that failed on the way (a folder listed, a file read) is said as a read.
  if (READS.has(error?.syscall ?? '')) return `${given} ${ioReason(cause)}`;
  const target = error?.syscall === 'mkdir' ? given : (shown ?? given);
  const folder = path.dirname(path.resolve(given));
  const what =
    error?.syscall === 'mkdir'
      ? `cannot create the folder ${target}`
      : error?.syscall === 'unlink' || error?.syscall === 'rmdir'
        ? `cannot remove ${target}`
        : `cannot write ${target}`;
  const or = instead === undefined ? '' : `, or ${instead}`;
  const then = instead === undefined ? '' : `: ${instead}`;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `${what}: ${code === 'EACCES' ? 'permission denied' : 'not permitted'} (${code}): make ${folder} writable for you${or}`;
    case 'EROFS':
      return `${what}: ${folder} is on a read-only file system (EROFS)${then}`;
    case 'ENOTDIR': {
      const file = fileOnTheWay(folder);
      return `${what}: ${file === undefined ? 'a part of its path is not a folder' : `${file} is a file, not a folder`} (ENOTDIR)${then}`;
    }
    case 'ENAMETOOLONG':
      return `${what}: the path is too long (ENAMETOOLONG)${then}`;
    default:
      // makeFolder makes the folders above first: a folder still refused so is one the file system lets nobody create (/proc).
      if (code === 'ENOENT' && error?.syscall === 'mkdir') return `${what}: the file system there takes no new folders (ENOENT)${then}`;
      return `${what}: ${errorText(cause)}`;
  }
}

/** The nearest path at or above `folder` that exists and is not a folder (a file where a folder is needed), if any. */
function fileOnTheWay(folder: string): string | undefined {
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      const info = statSync(at, { throwIfNoEntry: false });
      if (info && !info.isDirectory()) return at;
    } catch {
      // ENOTDIR from a file further up: keep climbing to it.
    }
    if (path.dirname(at) === at) return undefined;
  }
}
