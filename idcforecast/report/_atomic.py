"""Write files atomically: a temporary file in the same folder, then ``os.replace`` (private).

A failure at any point leaves no partial file: either the old file (if any) or the complete
new one is at ``path``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from idcforecast.errors import ReportError


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _why(err: OSError) -> str:
    """What an OS error creating a file or folder means, in words that are true of it: the
    folder of ``/proc/x.pdf`` exists, so "No such file or directory" alone misled."""
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.EROFS:
        return "a read-only file system"
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return f"the file system does not allow it: {err.strerror or err}"


def _nearest_existing(folder: Path) -> Path:
    """``folder`` or its nearest ancestor that exists (as a file or a folder)."""
    while True:
        try:
            if folder.exists() or folder == folder.parent:
                return folder
        except OSError:  # (a folder we may not look into: checked by the write test)
            return folder
        folder = folder.parent


def check_writable(
    path: str | os.PathLike[str], *, what: str, example: str = "report.pdf", create: bool = False
) -> Path:
    """Resolve ``path`` and make sure a file can be written there.

    Missing folders are checked (the nearest existing one must be a folder that takes new
    entries) but created only with ``create=True``, when the file is written
    (:func:`write_atomic`): a command that then fails on its input leaves no empty folders
    behind (was: ``forecast-many --out a/b/c.csv`` created ``a/b`` before reading FILE).

    Raises ReportError naming the path, the reason and the fix (``example``: a file name
    to suggest when ``path`` is a folder). Called before any heavy work so a bad ``--out``
    fails in a second, not after the charts are drawn or the series forecast.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise ReportError(
            f"{what} {str(target)!r} is a directory; expected a file path such as "
            f"{str(target / example)!r}",
            path=str(target),
        )
    parent = target.parent
    existing = _nearest_existing(parent)
    try:
        a_file = existing.exists() and not existing.is_dir()
    except OSError:  # (not ours to look into: the write test below names it)
        a_file = False
    if a_file:  # was: "(File exists)" or "(Not a directory)"
        raise ReportError(
            f"{what} {str(target)!r}: cannot create the folder {str(parent)!r}: "
            f"{str(existing)!r} is a file, not a folder; choose a path in a folder",
            path=str(target),
        )
    if create:
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ReportError(
                f"{what} {str(target)!r}: cannot create the folder {str(parent)!r} "
                f"({_why(err)}); choose a path in a writable folder",
                path=str(target),
            ) from err
        existing = parent
    try:
        if existing == parent:
            with tempfile.NamedTemporaryFile(dir=parent, prefix=f".{target.name}.", delete=True):
                pass
        else:  # the folders to create: one can be made where the first of them would go
            os.rmdir(tempfile.mkdtemp(dir=existing, prefix=f".{target.name}."))
    except OSError as err:
        made = "a file in" if existing == parent else "folders in"
        raise ReportError(
            f"{what} {str(target)!r}: cannot create {made} the folder {str(existing)!r} "
            f"({_why(err)}); choose a path in a writable folder",
            path=str(target),
        ) from err
    return target


def _same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file: the same resolved path, or (both existing)
    the same inode, which also catches hard links and case-insensitive file systems."""
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:  # unreadable: not provably the same; reading or writing names it
        return False


def check_not_input(
    out: str | os.PathLike[str],
    inputs: Mapping[str, object],
    *,
    what: str,
    suffix: str,
    tag: str,
) -> None:
    """Refuse an output path that is one of the inputs (writing would replace the input).

    ``what`` is the output's label as the message shows it before its path (``"report:
    out="``); ``inputs`` maps each input's label (``"data="``, ``"FILE "``) to its value,
    and values that are not paths (None, a DataFrame) are skipped. The fix suggested is
    the output's name with ``suffix``, or ``NAME-tag`` + ``suffix`` when that is the input
    too. Called before any work: nothing is read, run or written.

    Raises
    ------
    ReportError
        ``out`` is one of the inputs: the same resolved path, or the same file under
        another name (a hard link, another case on a case-insensitive file system).

    Examples
    --------
    >>> check_not_input("r.pdf", {"data=": "r.csv", "scenarios=": None},
    ...                 what="report: out=", suffix=".pdf", tag="report")
    >>> check_not_input("./r.csv", {"data=": "r.csv"}, what="report: out=", suffix=".pdf",
    ...                 tag="report")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    idcforecast.errors.ReportError: report: out='r.csv' is the same file as the input ...
    """
    target = Path(out).expanduser()
    for label, value in inputs.items():
        if not isinstance(value, str | os.PathLike):
            continue
        source = Path(value).expanduser()
        if not _same_file(target, source):
            continue
        suggestion = target.with_suffix(suffix)
        if _same_file(suggestion, source):
            suggestion = target.with_name(f"{target.stem}-{tag}{suffix}")
        raise ReportError(
            f"{what}{str(target)!r} is the same file as the input {label}{str(source)!r}; "
            "writing there would replace the input, so nothing was run or written; choose "
            f"another output path, e.g. {str(suggestion)!r}",
            path=str(target),
            input=str(source),
        )


def write_atomic(
    path: str | os.PathLike[str],
    write: Callable[[Path], object],
    *,
    what: str,
    example: str = "report.pdf",
) -> Path:
    """Call ``write(tmp_path)`` then move the finished file to ``path``.

    ``write`` must create the file at the path it is given. Anything it raises propagates
    after the temporary file is removed; OS errors become ReportError. The file gets the
    permissions of a normal file (not the temporary file's private 0600).
    """
    existed = _nearest_existing(Path(path).expanduser().parent)
    target = check_writable(path, what=what, example=example, create=True)
    temporary: list[Path] = []

    def undo() -> None:
        """Remove the temporary file and the folders made for it: a failed write leaves
        the disk as it was (was: the new, empty folders stayed)."""
        for tmp in temporary:
            with contextlib.suppress(OSError):
                tmp.unlink()
        folder = target.parent
        while folder != existed and existed in folder.parents:
            with contextlib.suppress(OSError):
                folder.rmdir()  # (only if empty: another process may have used it)
            folder = folder.parent

    try:
        # (inside: a full disk here was a bare OSError, not a ReportError)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        tmp = Path(tmp_name)
        temporary.append(tmp)
        write(tmp)
        # mkstemp makes the file private (0600); give it the permissions of a normal file
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as err:
        undo()
        if isinstance(err, ReportError):
            raise
        raise ReportError(
            f"{what} {str(target)!r}: writing failed ({err.strerror or err}); "
            f"nothing was written; check the disk space and permissions",
            path=str(target),
        ) from err
    except BaseException:
        undo()
        raise
    return target
