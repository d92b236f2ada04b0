"""Write files atomically: a temporary file in the same folder, then ``os.replace`` (private).

A failure at any point leaves no partial file: either the old file (if any) or the complete
new one is at ``path``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from idcforecast.errors import ReportError


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def check_writable(path: str | os.PathLike[str], *, what: str, example: str = "report.pdf") -> Path:
    """Resolve ``path`` and make sure a file can be written there (creating its folders).

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
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ReportError(
            f"{what} {str(target)!r}: cannot create the folder {str(parent)!r} "
            f"({err.strerror or err}); choose a path in a writable folder",
            path=str(target),
        ) from err
    try:
        with tempfile.NamedTemporaryFile(dir=parent, prefix=f".{target.name}.", delete=True):
            pass
    except OSError as err:
        raise ReportError(
            f"{what} {str(target)!r}: the folder {str(parent)!r} is not writable "
            f"({err.strerror or err}); choose a path in a writable folder",
            path=str(target),
        ) from err
    return target


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
    target = check_writable(path, what=what, example=example)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # mkstemp makes the file private (0600); give it the permissions of a normal file
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, ReportError):
            raise
        raise ReportError(
            f"{what} {str(target)!r}: writing failed ({err.strerror or err}); "
            f"nothing was written; check the disk space and permissions",
            path=str(target),
        ) from err
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target
