"""Files are written whole or left alone: the one way the atlas writes a file.

`write_bytes(path, data)` writes `data` into a temporary file created
exclusively (unpredictable name, O_EXCL) in the target's folder, flushes and
fsyncs it, checks that the size on disk is the size produced, renames it over
the target (`os.replace`, atomic on one file system) and fsyncs the folder.
On any failure the temporary file is removed, the old file is untouched, and
`FileWriteError` says what went wrong in one line ("the disk is full", "the
file name is too long", ...).

What may be written (`check_target`, also called first by `write_bytes`):

- a new file in an existing, writable folder;
- an existing regular file, only with `replace=True` (the command line's
  `--force`; the window's save dialog has already asked);
- a symbolic link to a regular file, only with `replace=True`: the write goes
  *through* the link (the file it points to is replaced, the link stays a
  link). Without `replace` it counts as an existing file;
- never a folder, a FIFO, a device (`/dev/null`), a socket or any other
  special file, nor a link to one, nor a dangling link, even with `replace`.
"""

from __future__ import annotations

import errno
import os
import stat
from contextlib import suppress
from pathlib import Path


class FileWriteError(Exception):
    """A file was not written and nothing was changed. `str()` is one plain line."""

    def __init__(self, path: str | Path, message: str, errno_: int | None = None) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.errno = errno_


class FileExists(FileWriteError):
    """The target is an existing file and replacing it was not asked for."""


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EFBIG: "the file is larger than this disk or this account allows",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EIO: "the disk reported an input/output error",
    errno.ELOOP: "the path has too many symbolic links",
    errno.EISDIR: "it is a folder",
}


def shown(path: str | Path) -> str:
    """A path as one printable line: control characters and undecodable bytes escaped,
    a very long path cut in the middle."""
    text = os.fspath(path)
    if not text.isprintable():
        text = "".join(
            c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode()
            for c in text
        )
    return text if len(text) <= 120 else f"{text[:60]}…{text[-50:]}"


def reason(exc: OSError) -> str:
    """What an OSError means, in a few plain words."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or str(exc) or type(exc).__name__).rstrip(".").lower()


def _refused(path: Path, exc: OSError) -> FileWriteError:
    why = reason(exc)
    if exc.errno == errno.ENAMETOOLONG:
        longest = max(len(os.fsencode(part)) for part in path.parts)
        why += f" ({longest} bytes; at most {_name_max(path)} here)"
    return FileWriteError(path, f"{shown(path)} cannot be written: {why}", exc.errno)


def _name_max(path: Path) -> int:
    for folder in (path, *path.parents):
        with suppress(OSError, ValueError):
            return os.pathconf(folder, "PC_NAME_MAX")
    return 255


def _failed(path: Path, exc: OSError, existed: bool) -> FileWriteError:
    kept = "; the file already there is unchanged" if existed else ""
    return FileWriteError(path, f"{shown(path)} was not written: {reason(exc)}{kept}", exc.errno)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(path: str | Path, replace: bool = False) -> Path:
    """The file a write to `path` would replace or create, or FileWriteError saying why not.

    Raises FileExists for an existing file (or a link to one) without `replace`.
    For a link to a regular file (with `replace`), returns the file it points to.
    """
    path = Path(path)
    where = shown(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _refused(path, exc) from exc
    target = path
    if info is not None and stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise FileWriteError(
                path,
                f"{where} is a symbolic link to {shown(os.readlink(path))}, which does not exist;"
                " give another name",
                errno.ENOENT,
            ) from None
        except OSError as exc:
            raise _refused(path, exc) from exc
        if stat.S_ISREG(info.st_mode):
            target = Path(os.path.realpath(path))
        else:
            raise FileWriteError(
                path, f"{where} is a symbolic link to {_kind(info.st_mode)}; give a file name"
            )
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            what = _kind(info.st_mode)
            raise FileWriteError(path, f"{where} is {what}, not a file; give a file name")
        if not replace:
            raise FileExists(path, f"{where} already exists", errno.EEXIST)
    folder = target.parent
    try:
        folder_info = os.stat(folder)
    except FileNotFoundError as exc:
        raise FileWriteError(
            path, f"{where} cannot be written: the folder {shown(folder)} does not exist", exc.errno
        ) from exc
    except OSError as exc:
        raise _refused(path, exc) from exc
    if not stat.S_ISDIR(folder_info.st_mode):
        raise FileWriteError(path, f"{where} cannot be written: {shown(folder)} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        problem = "is on a read-only disk" if read_only_disk(folder) else "cannot be written"
        raise FileWriteError(path, f"{where} cannot be written: the folder {problem}")
    return target


def read_only_disk(path: str | Path) -> bool:
    """True when `path` is on a file system mounted read-only."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def write_bytes(
    path: str | Path, data: bytes | bytearray | memoryview, replace: bool = False, mode: int = 0o666
) -> Path:
    """Write `data` to `path` whole, or leave it alone; returns the file written.

    A new file gets `mode` less the umask; a replaced file keeps its own mode.
    Raises FileWriteError (FileExists for an existing file without `replace`).
    """
    path = Path(path)
    target = check_target(path, replace)
    existed = target.exists()
    import tempfile

    try:
        fd, temporary = tempfile.mkstemp(prefix=".atlas-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _failed(path, exc, existed) from exc
    try:
        try:
            view = memoryview(data).cast("B")
            total = len(view)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            size = os.fstat(fd).st_size
            if size != total:
                raise OSError(errno.EIO, f"{size} bytes reached the disk of {total}")
            os.fchmod(fd, os.stat(target).st_mode & 0o7777 if existed else mode & ~_umask())
        finally:
            os.close(fd)
        check_target(path, replace)  # nothing was put in its place meanwhile
        os.replace(temporary, target)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _failed(path, exc, existed) from exc
        raise
    _sync_folder(target.parent)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename durable. Best effort: the file is already in place."""
    with suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
