/** Why a file system call failed, in words for a message: "permission denied", "the disk is full", else the system's own message. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENAMETOOLONG') return 'its name is too long for the file system';
  if (code === 'ELOOP') return 'it is a symbolic link that leads back to itself (a loop of links)';
  return (error as Error).message;
}
