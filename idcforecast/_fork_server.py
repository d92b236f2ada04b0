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

INTERRUPTED = 130  # the exit code of a process stopped by Ctrl-C (128 + SIGINT)


def _end_quietly(signum: int, frame: object) -> None:
    """The caller was interrupted too: end at once, without a traceback. An exit, not a
    KeyboardInterrupt: an import that catches every exception (a bare ``except:`` in a
    library's optional import) swallowed the interrupt in about a third of the tries, and
    the server went on loading."""
    os._exit(INTERRUPTED)


_previous = signal.signal(signal.SIGINT, _end_quietly)
try:
    import idcforecast.batch.preload  # noqa: F401  (loaded for the workers forked later)
finally:
    signal.signal(signal.SIGINT, _previous)
