"""Where chunks run: in this process, in local worker processes, or on a Dask cluster.

Every engine takes an iterator of chunks and a picklable ``task(chunk) -> result`` and
calls ``on_result(result)`` in this process as results arrive (in any order; results carry
their own position). At most a few chunks per worker are in flight at once, so memory stays
bounded however many series there are.

Math libraries (OpenBLAS, MKL, OpenMP) start one thread per core by default; with one
worker process per core that oversubscribes the machine. Local workers therefore start
with ``*_NUM_THREADS=1`` in their environment (set while the fork server, or on Windows each
worker, starts: see :func:`local_context`) and, when :mod:`threadpoolctl` is installed, are
also limited to one thread in the worker initializer (which also covers a fork server that
something else started earlier). Dask's nanny sets the same
variables for the workers it spawns (``distributed.nanny.pre-spawn-environ``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from idcforecast.errors import EngineError, IdcForecastError, MissingDependencyError

__all__ = [
    "ENGINES",
    "THREAD_ENV_VARS",
    "available_cores",
    "check_engine",
    "pin_worker_threads",
    "resolve_client",
    "run_engine",
    "worker_thread_report",
]

ENGINES = ("serial", "local", "dask")
THREAD_ENV_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
IN_FLIGHT_PER_WORKER = 2
PRELOAD_MODULE = "idcforecast.batch.preload"
# what the fork server imports: PRELOAD_MODULE, ended without a traceback by a Ctrl-C
FORK_SERVER_PRELOAD = "idcforecast._fork_server"

Task = Callable[[Any], Any]

# Kept alive for the life of a worker process: threadpoolctl restores limits on release.
_thread_limiter: Any = None


def available_cores() -> int:
    """Cores this process may use (CPU affinity where the OS reports it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def pin_worker_threads() -> None:
    """Worker initializer: one math-library thread per worker process."""
    global _thread_limiter
    for name in THREAD_ENV_VARS:
        os.environ[name] = "1"
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # the environment variables set before spawning still apply
        return
    _thread_limiter = threadpool_limits(limits=1)


def worker_thread_report(_: Any = None) -> dict[str, Any]:
    """Thread settings seen by the calling process (run it as a task to inspect workers).

    Returns the ``*_NUM_THREADS`` environment variables, when threadpoolctl is installed the
    thread count of each loaded math library (``{"openblas": 1, ...}``), and ``preloaded``:
    whether :mod:`idcforecast.batch.preload` ran in this process before the task (a worker
    forked from the local engine's warm fork server), and ``warm``: whether pandas and the
    forecast code were imported before it (the preload forecasts one tiny chunk).

    Examples
    --------
    >>> sorted(worker_thread_report())
    ['env', 'libraries', 'pid', 'preloaded', 'warm']
    """
    libraries: dict[str, int] = {}
    try:
        import numpy  # noqa: F401  (load BLAS so that it is reported)
        from threadpoolctl import threadpool_info

        for info in threadpool_info():
            libraries[info["internal_api"]] = int(info["num_threads"])
    except ImportError:
        pass
    env = {name: os.environ.get(name) for name in THREAD_ENV_VARS}
    preloaded = PRELOAD_MODULE in sys.modules
    # the worker path ran once before the fork (pandas and the forecast code imported):
    # a later call's workers do not pay those imports (~0.3 s each)
    warm = all(name in sys.modules for name in ("pandas", "idcforecast.forecasting"))
    return {
        "pid": os.getpid(),
        "env": env,
        "libraries": libraries,
        "preloaded": preloaded,
        "warm": warm,
    }


@contextmanager
def _thread_env_for_children() -> Iterator[None]:
    """Set ``*_NUM_THREADS=1`` while workers (or their fork server) start, then restore."""
    saved = {name: os.environ.get(name) for name in THREAD_ENV_VARS}
    os.environ.update(dict.fromkeys(THREAD_ENV_VARS, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _main_not_rerun() -> Iterator[None]:
    """Workers started in this block do not re-run the caller's script.

    With "forkserver" and "spawn", multiprocessing prepares each worker by running the
    parent's ``__main__`` script again (as ``__mp_main__``) so that objects defined there can
    be unpickled. The local engine's tasks and chunks come from this package and hold plain
    data, so that re-run only costs time, repeats the script's side effects, and kills every
    worker of a script that calls ``forecast_many`` without an ``if __name__ ==
    "__main__":`` guard. multiprocessing skips the re-run when ``__main__`` was started as a
    ``__main__`` module (``spawn._fixup_main_from_name``: a package's ``__main__.py`` is never
    re-run); while workers start, ``__main__.__spec__`` says so, and is restored after.
    """
    import importlib.machinery

    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = getattr(main, "__spec__", None)
    main.__spec__ = importlib.machinery.ModuleSpec("__main__", None)
    try:
        yield
    finally:
        main.__spec__ = saved


def _run_serial(chunks: Iterable[Any], task: Task, on_result: Callable[[Any], None]) -> None:
    for chunk in chunks:
        on_result(task(chunk))


def local_context() -> multiprocessing.context.BaseContext:
    """How the local engine starts workers: "forkserver" where the OS has it, else "spawn".

    Both are safe with threads in the parent (Dask, tqdm, Jupyter), unlike "fork". A fork
    server is started once per Python session with :mod:`idcforecast.batch.preload` imported
    (the package and numba's compiled kernels loaded, ~1.3 s here; through
    :mod:`idcforecast._fork_server`, quiet on a Ctrl-C meanwhile), and every worker of
    every later call is a fork of it, so workers start in milliseconds instead of each loading
    everything again. Windows has only "spawn". The preload list is multiprocessing's global
    fork-server setting: our module is added to it, keeping what is there (by default
    ``__main__``); it has no effect when the server is already running (started by an earlier
    call, or by another library, whose workers then import what they need themselves).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    # multiprocessing has a setter but no getter for the list; read it where CPython keeps it
    current = list(getattr(forkserver._forkserver, "_preload_modules", ["__main__"]))
    context = multiprocessing.get_context("forkserver")
    if FORK_SERVER_PRELOAD not in current:
        context.set_forkserver_preload([*current, FORK_SERVER_PRELOAD])
    return context


def _terminate_workers(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` without waiting for the chunks its workers are running.

    A Ctrl-C that reaches this process only (Jupyter's "interrupt kernel", ``kill -INT``)
    used to wait in ``shutdown`` until every running chunk was done: seconds with large
    ``chunk_size`` values (8.7 s for two chunks of 10,000 series). What Python 3.14's
    ``ProcessPoolExecutor.terminate_workers`` does: the workers it had are terminated
    after a shutdown that cancels what has not started.
    """
    processes = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        with contextlib.suppress(Exception):  # already gone
            if process.is_alive():
                process.terminate()


def _run_local(
    chunks: Iterable[Any], task: Task, on_result: Callable[[Any], None], *, n_jobs: int
) -> None:
    context = local_context()
    limit = IN_FLIGHT_PER_WORKER * n_jobs
    with _thread_env_for_children(), _main_not_rerun():
        pool = ProcessPoolExecutor(
            max_workers=n_jobs, mp_context=context, initializer=pin_worker_threads
        )
        pending: set[Future[Any]] = set()
        try:
            for chunk in chunks:
                pending.add(pool.submit(task, chunk))
                while len(pending) >= limit:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        on_result(future.result())
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    on_result(future.result())
        except BrokenProcessPool as err:
            raise EngineError(
                f"engine 'local': a worker process died ({err}); this is usually the operating "
                "system killing it for lack of memory: use fewer n_jobs or a smaller chunk_size",
                engine="local",
            ) from None
        except BaseException:  # Ctrl-C (or an error here): the run is over, stop now
            _terminate_workers(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def resolve_client(client: Any) -> tuple[Any, bool]:
    """The Dask client to use and whether this call owns it (and must close it).

    ``client`` is a ``distributed.Client``, a scheduler address such as
    ``"tcp://10.0.0.5:8786"``, or None for the current client.

    Raises
    ------
    MissingDependencyError
        If dask.distributed is not installed.
    EngineError
        If there is no current client, the address cannot be reached, or ``client`` has
        another type.
    """
    try:
        import distributed
    except ImportError:
        raise MissingDependencyError(
            "engine 'dask' needs dask.distributed, which is not installed; install it with "
            'pip install "idcforecast[dask]" (or use engine="local")',
            package="distributed",
            extra="dask",
        ) from None
    if client is None:
        try:
            return distributed.get_client(), False
        except ValueError:
            raise EngineError(
                "engine 'dask': no Dask client is running and none was passed; start one "
                "with `from dask.distributed import Client, LocalCluster; "
                "client = Client(LocalCluster())` or pass client='tcp://HOST:8786' "
                "(the scheduler address of a running cluster)",
                engine="dask",
            ) from None
    if isinstance(client, str):
        _probe_scheduler(client)
        try:
            return distributed.Client(client), True
        except (OSError, TimeoutError) as err:
            raise EngineError(
                f"engine 'dask': cannot connect to the scheduler at {client!r} ({err}); check "
                "the address (tcp://HOST:8786) and that the scheduler is running",
                engine="dask",
                address=client,
            ) from None
    if isinstance(client, distributed.Client):
        return client, False
    raise EngineError(
        f"engine 'dask': client must be a dask.distributed.Client, a scheduler address "
        f"string or None; got {type(client).__name__}",
        engine="dask",
    )


_PROBED_SCHEMES = ("tcp", "tls")
_DASK_PORT = 8786
_PROBE_SECONDS = 5.0


def _probe_scheduler(address: str) -> None:
    """Fail at once when nothing listens at a TCP scheduler address.

    Dask retries a refused connection until its connect timeout (30 s by default) runs
    out, so a mistyped port or a scheduler that is not running cost half a minute before
    the error. One plain TCP connection tells: refused, or a host name that does not
    resolve, is an :class:`~idcforecast.errors.EngineError` now; a slow or filtered
    network (no answer within 5 s) is left to Dask's own timeout. Other schemes (ucx,
    inproc) are not probed. The scheduler logs the probe at info level as a connection
    "closed before handshake completed".

    Raises
    ------
    EngineError
        If the connection is refused or the host name does not resolve.
    """
    import socket

    scheme, sep, location = address.partition("://")
    if not sep:
        scheme, location = "tcp", address
    if scheme not in _PROBED_SCHEMES:
        return
    host, colon, port_text = location.rpartition(":")
    if not colon or not port_text.isdigit():
        host, port = location, _DASK_PORT
    else:
        port = int(port_text)
    host = host.strip("[]")  # an IPv6 address in brackets
    fix = "check the address (tcp://HOST:8786) and that the scheduler is running"
    try:
        with socket.create_connection((host, port), timeout=_PROBE_SECONDS):
            return
    except ConnectionRefusedError:
        reason = f"nothing is listening on port {port} of {host}"
    except socket.gaierror:
        reason = f"the host name {host!r} is not known"
    except OSError:  # a timeout or an unreachable network: Dask's own timeout decides
        return
    raise EngineError(
        f"engine 'dask': cannot connect to the scheduler at {address!r} ({reason}); {fix}",
        engine="dask",
        address=address,
    )


def _chunk_name(chunk: Any) -> str:
    """A chunk as a message names it: the series it holds, by position and first id.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> _chunk_name(SimpleNamespace(start=256, ids=("de", "fr")))
    "the chunk of series 257-258 (from 'de')"
    """
    ids = tuple(getattr(chunk, "ids", ()))
    start = int(getattr(chunk, "start", 0))
    first = f" (from {str(ids[0])!r})" if ids else ""
    return f"the chunk of series {start + 1}-{start + max(1, len(ids))}{first}"


def _task_error(chunk: Any, err: BaseException) -> EngineError:
    """The error of a chunk that failed on a Dask worker as a whole (was: the worker's raw
    exception, e.g. ``ModuleNotFoundError: No module named 'idcforecast'`` from a worker
    without the package). A series' problem never gets here (the worker records it in that
    series' note), so what does is the worker's environment or a bug: the message names the
    chunk, the error, and the version every worker needs."""
    from idcforecast import __version__

    return EngineError(
        f"engine 'dask': {_chunk_name(chunk)} failed on the cluster "
        f"({type(err).__name__}: {err}); every worker needs idcforecast {__version__}, the "
        f"version here: install it where it is missing or of another version (pip install "
        f'"idcforecast=={__version__}") and restart the workers; else see the worker\'s log',
        engine="dask",
        error=type(err).__name__,
    )


def _warn_if_no_workers(dask_client: Any) -> None:
    """An :class:`~idcforecast.errors.EngineWarning` when the cluster has no worker yet.

    The batch then waits for workers (an adaptive cluster starts them on demand), and a
    scheduler whose workers never connected would wait for ever without a word (was: a
    progress bar at 0, or nothing at all, until the user gave up).
    """
    if dask_client.nthreads():
        return
    import warnings

    from idcforecast.errors import EngineWarning

    address = getattr(dask_client.scheduler, "address", None) or "the scheduler"
    warnings.warn(
        f"engine 'dask': the cluster at {address} has no workers yet; the batch waits for "
        f"them (start some with `dask worker {address} --nthreads 1 --preload "
        f"{PRELOAD_MODULE}`, or stop with Ctrl-C)",
        EngineWarning,
        stacklevel=2,
    )


def _run_dask(
    chunks: Iterable[Any], task: Task, on_result: Callable[[Any], None], *, client: Any
) -> None:
    """Run the chunks on a Dask cluster, a few per worker thread in flight at a time.

    A chunk whose workers all died (``KilledWorker``, usually memory) is an
    :class:`~idcforecast.errors.EngineError`, as a dead local worker is. On any error or
    interrupt the chunks still in flight are cancelled, so that the cluster neither goes on
    computing them nor keeps their results in memory for a traceback that holds them.
    """
    from distributed import KilledWorker, as_completed

    dask_client, owned = resolve_client(client)
    in_flight: dict[Any, Any] = {}  # future -> its chunk

    def submit(chunk: Any) -> Any:
        future = dask_client.submit(task, chunk, key=f"idcforecast-{token}-{chunk.start}")
        in_flight[future] = chunk
        return future

    try:
        _warn_if_no_workers(dask_client)
        n_threads = max(1, sum(dask_client.nthreads().values()))
        limit = IN_FLIGHT_PER_WORKER * n_threads
        token = uuid.uuid4().hex
        iterator = iter(chunks)
        futures = []
        for chunk in iterator:
            futures.append(submit(chunk))
            if len(futures) >= limit:
                break
        running = as_completed(futures)
        for future in running:
            try:
                result = future.result()
            except KilledWorker as err:
                raise EngineError(
                    f"engine 'dask': every worker that ran {_chunk_name(in_flight[future])} "
                    f"died ({err}); this is usually a worker killed for lack of memory: give "
                    "the workers more memory, or pass a smaller chunk_size",
                    engine="dask",
                ) from None
            except (IdcForecastError, OSError):  # ours, or the connection to the cluster
                raise
            except Exception as err:  # not a series' problem: those are recorded per series
                raise _task_error(in_flight[future], err) from err
            del in_flight[future]
            future.release()
            nxt = next(iterator, None)
            if nxt is not None:
                running.add(submit(nxt))
            on_result(result)
    except BaseException:
        if in_flight:
            with contextlib.suppress(Exception):  # the error (or interrupt) matters more
                dask_client.cancel(list(in_flight))
        raise
    finally:
        if owned:
            dask_client.close()


def check_engine(engine: Any) -> None:
    """An EngineError naming the valid engines when ``engine`` is not one of :data:`ENGINES`.

    Examples
    --------
    >>> check_engine("local")
    >>> check_engine("spark")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    idcforecast.errors.EngineError: forecast_many: engine 'spark' is not one of 'serial', ...
    """
    if engine not in ENGINES:
        raise EngineError(
            f"forecast_many: engine {engine!r} is not one of {', '.join(map(repr, ENGINES))}; "
            "pass engine='local' (worker processes on this machine, the default), 'serial' "
            "(this process) or 'dask' (a dask.distributed cluster)",
            engine=engine,
            valid=ENGINES,
        )


def run_engine(
    chunks: Iterable[Any],
    task: Task,
    on_result: Callable[[Any], None],
    *,
    engine: str,
    n_jobs: int,
    client: Any = None,
) -> None:
    """Run ``task`` on every chunk with ``engine`` and hand each result to ``on_result``.

    Raises
    ------
    EngineError
        If ``engine`` is not one of :data:`ENGINES` (:func:`check_engine`); see also
        :func:`resolve_client`; also when a local worker process dies, or every Dask worker
        that ran a chunk died.
    MissingDependencyError
        See :func:`resolve_client`.

    Examples
    --------
    >>> out = []
    >>> run_engine([1, 2, 3], abs, out.append, engine="serial", n_jobs=1)
    >>> out
    [1, 2, 3]
    """
    if engine == "serial":
        _run_serial(chunks, task, on_result)
    elif engine == "local":
        _run_local(chunks, task, on_result, n_jobs=n_jobs)
    elif engine == "dask":
        _run_dask(chunks, task, on_result, client=client)
    else:
        check_engine(engine)
