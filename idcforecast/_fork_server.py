"""The local engine's fork-server preload: :mod:`idcforecast.batch.preload`, ended quietly by
a Ctrl-C.

A Ctrl-C in a terminal reaches the whole process group, the fork server included, which
spends its first ~1.5 s importing the preload (numpy, pandas, numba's cached kernels, one
tiny forecast). The calling process stops its run; the server, interrupted while loading,
now exits at once without a word, from its own SIGINT handler (was: its traceback, ~40
lines ending in ``KeyboardInterrupt``, after the command's one-line "interrupted" message). Once
loaded, the server ignores SIGINT (multiprocessing does that) and its workers keep Python's
default handler.

This module lives outside :mod:`idcforecast.batch`, whose ``__init__`` imports numpy: the
interrupt must be caught around that import too. Dask workers preload
:mod:`idcforecast.batch.preload` itself and keep their own Ctrl-C handling.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

INTERRUPTED = 130  # the exit code of a process stopped by Ctrl-C (128 + SIGINT)


def _end_quietly(signum: int, frame: object) -> None:
    """The caller was interrupted too: end at once, without a traceback. An exit, not a
    KeyboardInterrupt: an import that catches every exception (a bare ``except:`` in a
    library's optional import) swallowed the interrupt in about a third of the tries, and
    the server went on loading."""
    os._exit(INTERRUPTED)


def _semaphore_gone(kind: type[BaseException], tb: TracebackType | None) -> bool:
    """True for a worker that could not start because the pool it was forked for had shut
    down: the ``FileNotFoundError`` of rebuilding a semaphore its parent already unlinked."""
    if not issubclass(kind, FileNotFoundError):
        return False
    synchronize = os.path.join("multiprocessing", "synchronize.py")
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name == "__setstate__" and code.co_filename.endswith(synchronize):
            return True
        tb = tb.tb_next
    return False


def quiet_late_start(hook: Callable[..., Any]) -> Callable[..., Any]:
    """``sys.excepthook`` for the server's forked workers: silent for a worker forked while
    its pool shut down, ``hook`` otherwise.

    A Ctrl-C that lands while the pool is still forking workers shuts the pool down; a worker
    forked at that moment then failed to rebuild the pool's semaphore and printed a
    traceback (13 lines ending in ``FileNotFoundError``) after the command's one-line
    "interrupted" message. Nothing was lost: the run was over. Any other error is shown.
    """

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if not _semaphore_gone(kind, tb):
            hook(kind, value, tb)

    return excepthook


_previous = signal.signal(signal.SIGINT, _end_quietly)
try:
    import idcforecast.batch.preload  # noqa: F401  (loaded for the workers forked later)
finally:
    signal.signal(signal.SIGINT, _previous)
# forkserver's children call sys.excepthook when their start fails (multiprocessing.forkserver)
sys.excepthook = quiet_late_start(sys.excepthook)
