"""Engines: serial, local processes (threads pinned), Dask; and their errors."""

from __future__ import annotations

import functools
import multiprocessing
import operator
import os
import re
import sys

import pytest

from idcforecast.batch.engines import (
    THREAD_ENV_VARS,
    resolve_client,
    run_engine,
    worker_thread_report,
)
from idcforecast.errors import EngineError, MissingDependencyError


def test_serial_engine_runs_in_order() -> None:
    out: list[int] = []
    run_engine(range(5), operator.neg, out.append, engine="serial", n_jobs=1)
    assert out == [0, -1, -2, -3, -4]


def test_local_engine_pins_math_threads_and_restores_the_parent_environment() -> None:
    before = {name: os.environ.get(name) for name in THREAD_ENV_VARS}
    reports: list[dict] = []
    run_engine(range(4), worker_thread_report, reports.append, engine="local", n_jobs=2)
    assert len(reports) == 4
    assert {r["pid"] for r in reports} - {os.getpid()}, "ran in worker processes"
    for report in reports:
        assert set(report["env"].values()) == {"1"}
        assert report["libraries"], "threadpoolctl sees numpy's BLAS"
        assert set(report["libraries"].values()) == {1}
    assert {name: os.environ.get(name) for name in THREAD_ENV_VARS} == before


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="spawn-only OS"
)
def test_local_workers_fork_from_a_server_with_the_package_loaded() -> None:
    reports: list[dict] = []
    run_engine(range(2), worker_thread_report, reports.append, engine="local", n_jobs=2)
    assert [r["preloaded"] for r in reports] == [True, True]
    # and warm: the fork server ran the worker path once, so pandas and the forecast code
    # were imported before any task (was: ~0.3 s of imports in every worker of every call)
    assert [r["warm"] for r in reports] == [True, True]


_INTERRUPTED_SERVER = """
import os, signal, time
from multiprocessing import forkserver

from idcforecast.batch.engines import local_context

context = local_context()  # the local engine's: its fork server and what it preloads
forkserver.ensure_running()
pid = forkserver._forkserver._forkserver_pid
# wait until the server is inside the preload (numpy mapped: `import idcforecast` alone
# does not load it), then Ctrl-C it, as a terminal does to the whole process group
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    with open(f"/proc/{pid}/maps") as maps:
        if "numpy" in maps.read():
            break
    time.sleep(0.005)
os.kill(pid, signal.SIGINT)
deadline = time.monotonic() + 30  # never wait for ever: a server that goes on is a failure
while time.monotonic() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)  # the server is this process's child
    if done:
        print("server exit code", os.waitstatus_to_exitcode(status))
        break
    time.sleep(0.02)
else:
    os.kill(pid, signal.SIGKILL)
    print("server still running 30 s after the interrupt")
"""


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods() or sys.platform != "linux",
    reason="the test reads /proc",
)
def test_a_ctrl_c_while_the_fork_server_loads_prints_no_traceback() -> None:
    # batch25: a Ctrl-C in the first ~1.5 s of a local run reached the fork server (same
    # process group) while it imported the preload: ~40 lines of its traceback after the
    # command's one-line "interrupted" message
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_SERVER],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    # the server ends at once, as the interrupted caller does, with Ctrl-C's exit code
    assert (done.stdout.strip(), done.stderr) == ("server exit code 130", "")


def test_local_engine_returns_every_result() -> None:
    out: list[int] = []
    run_engine(range(20), operator.neg, out.append, engine="local", n_jobs=2)
    assert sorted(out) == sorted(-i for i in range(20))


def test_unknown_engine() -> None:
    # was an UnknownMethodError (a KeyError), the error of an unknown model alias
    msg = (
        "forecast_many: engine 'gpu' is not one of 'serial', 'local', 'dask'; pass "
        "engine='local' (worker processes on this machine, the default), 'serial' (this "
        "process) or 'dask' (a dask.distributed cluster)"
    )
    with pytest.raises(EngineError, match=re.escape(msg) + "$"):
        run_engine([], abs, print, engine="gpu", n_jobs=1)


def test_dask_without_a_client_says_how_to_start_one() -> None:
    pytest.importorskip("distributed")
    msg = (
        "engine 'dask': no Dask client is running and none was passed; start one with "
        "`from dask.distributed import Client, LocalCluster; client = Client(LocalCluster())` "
        "or pass client='tcp://HOST:8786'"
    )
    with pytest.raises(EngineError, match=re.escape(msg)):
        resolve_client(None)
    with pytest.raises(EngineError, match=r"client must be a dask\.distributed\.Client"):
        resolve_client(42)


def test_a_dead_worker_process_is_an_engine_error() -> None:
    # os._exit kills the worker outright, as the OOM killer would
    msg = "engine 'local': a worker process died ("
    with pytest.raises(EngineError, match=re.escape(msg)):
        run_engine([3], os._exit, print, engine="local", n_jobs=1)


def test_dask_missing_is_a_typed_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    msg = (
        "engine 'dask' needs dask.distributed, which is not installed; install it with "
        'pip install "idcforecast[dask]" (or use engine="local")'
    )
    with pytest.raises(MissingDependencyError, match=re.escape(msg)) as err:
        resolve_client(None)
    assert isinstance(err.value, ImportError)
    assert err.value.extra == "dask"


UNGUARDED_SCRIPT = """
import sys
from pathlib import Path

import pandas as pd

from idcforecast.batch import forecast_many

# module-level side effect: workers that re-ran this script would append here too
with open(sys.argv[1], "a", encoding="utf-8") as marker:
    marker.write("ran\\n")
frame = pd.DataFrame(
    {
        "series_id": [s for s in "abcd" for _ in range(8)],
        "year": list(range(2015, 2023)) * 4,
        "value": [100.0 + 10 * i for i in range(8)] * 4,
    }
)
# no `if __name__ == "__main__":` guard, as quick scripts are written
out = forecast_many(frame, 2, engine="local", n_jobs=2, chunk_size=1, method="naive")
print(len(out), sys.modules["__main__"].__spec__)
"""


def test_a_script_without_a_main_guard_runs_once_and_its_workers_succeed(tmp_path) -> None:
    import subprocess

    script, marker = tmp_path / "quick.py", tmp_path / "marker.txt"
    script.write_text(UNGUARDED_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(marker)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # before: each worker re-ran the script as __mp_main__, hit forecast_many while still
    # bootstrapping, and died ("a worker process died"); the marker had extra lines
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["8", "None"]  # 4 series x 2 years; __spec__ restored
    assert marker.read_text(encoding="utf-8") == "ran\n"


def _inproc_cluster(distributed, n_workers: int):  # type: ignore[no-untyped-def]
    return distributed.LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=False,
        dashboard_address="127.0.0.1:0",
        host="127.0.0.1",
        protocol="tcp://",
    )


def _chunks(n_series: int) -> list:  # type: ignore[type-arg]
    import pandas as pd

    from idcforecast.batch.chunks import group_series, iter_chunks

    frame = pd.DataFrame(
        {
            "series_id": [f"s{i}" for i in range(n_series) for _ in range(4)],
            "year": [2020, 2021, 2022, 2023] * n_series,
            "value": [1.0, 2.0, 3.0, 4.0] * n_series,
        }
    )
    return list(iter_chunks(group_series(frame), 1))


def _die_as_killed(chunk):  # type: ignore[no-untyped-def]
    """What the client sees when every worker that ran a task died (KilledWorker)."""
    from types import SimpleNamespace

    from distributed import KilledWorker

    raise KilledWorker(f"chunk-{chunk.start}", SimpleNamespace(address="tcp://127.0.0.1:9"), 3)


def test_dask_chunk_whose_workers_died_is_an_engine_error() -> None:
    # was: distributed's KilledWorker, untyped (a traceback on the command line), where a
    # dead local worker is an EngineError with advice
    distributed = pytest.importorskip("distributed")
    with (
        _inproc_cluster(distributed, 1) as cluster,
        distributed.Client(cluster) as client,
        pytest.raises(EngineError) as err,
    ):
        run_engine(_chunks(2), _die_as_killed, print, engine="dask", n_jobs=1, client=client)
    assert str(err.value).startswith(
        "engine 'dask': every worker that ran the chunk of series 1-1 (from 's0') died ("
    )
    assert str(err.value).endswith(
        "this is usually a worker killed for lack of memory: give the workers more memory, "
        "or pass a smaller chunk_size"
    )


def _no_package_on_the_worker(chunk):  # type: ignore[no-untyped-def]
    """What a worker without idcforecast raises when it unpickles a chunk's task."""
    raise ModuleNotFoundError("No module named 'idcforecast'")


def test_dask_chunk_that_fails_as_a_whole_is_an_engine_error_naming_the_fix() -> None:
    # batch25: a worker without the package (or another version) raised its own error, raw
    # (ModuleNotFoundError under a Dask traceback); series' problems never reach here
    import idcforecast

    distributed = pytest.importorskip("distributed")
    version = idcforecast.__version__
    msg = (
        "engine 'dask': the chunk of series 1-1 (from 's0') failed on the cluster "
        "(ModuleNotFoundError: No module named 'idcforecast'); every worker needs "
        f"idcforecast {version}, the version here: install it where it is missing or of another "
        f'version (pip install "idcforecast=={version}") and restart the workers; else see the '
        "worker's log"
    )
    with (
        _inproc_cluster(distributed, 1) as cluster,
        distributed.Client(cluster) as client,
        pytest.raises(EngineError, match=re.escape(msg) + "$") as err,
    ):
        run_engine(
            _chunks(2), _no_package_on_the_worker, print, engine="dask", n_jobs=1, client=client
        )
    assert isinstance(err.value.__cause__, ModuleNotFoundError)


def test_dask_chunks_in_flight_are_cancelled_when_the_run_stops() -> None:
    # was: after an error or Ctrl-C, the chunks submitted ahead stayed on the cluster (their
    # results held in its memory) for as long as the traceback was kept, as IPython keeps it
    import time

    from idcforecast.batch.worker import BatchSpec, run_chunk

    distributed = pytest.importorskip("distributed")
    spec = BatchSpec(horizon=1, methods=("drift",), levels=(80.0,))

    def stop(_: object) -> None:
        raise RuntimeError("stopped")

    with _inproc_cluster(distributed, 2) as cluster, distributed.Client(cluster) as client:
        task = functools.partial(run_chunk, spec=spec)
        with pytest.raises(RuntimeError) as kept:  # (the traceback is kept)
            run_engine(_chunks(8), task, stop, engine="dask", n_jobs=1, client=client)
        deadline = time.monotonic() + 10
        while client.who_has() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert kept.value.__traceback__ is not None
        assert not client.who_has()


def test_dask_cluster_without_workers_warns_and_waits_for_them() -> None:
    # was: the batch waited for ever without a word when no worker had connected
    import threading

    from idcforecast.errors import EngineWarning

    distributed = pytest.importorskip("distributed")
    with _inproc_cluster(distributed, 0) as cluster, distributed.Client(cluster) as client:
        threading.Timer(0.5, cluster.scale, [1]).start()  # as an adaptive cluster would
        address = cluster.scheduler_address
        with pytest.warns(EngineWarning) as caught:
            run_engine(_chunks(2), len, print, engine="dask", n_jobs=1, client=client)
    assert str(caught[0].message) == (
        f"engine 'dask': the cluster at {address} has no workers yet; the batch waits for them "
        f"(start some with `dask worker {address} --nthreads 1 --preload "
        "idcforecast.batch.preload`, or stop with Ctrl-C)"
    )


def test_local_engine_interrupted_stops_without_waiting_for_running_chunks() -> None:
    # was: a Ctrl-C reaching this process only (Jupyter's "interrupt kernel") waited in
    # shutdown until the chunks running were done (here 20 s; with large chunk_size values,
    # the time of a whole chunk)
    import time

    def interrupt(_: object) -> None:
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_engine([0.01, 20.0, 20.0], time.sleep, interrupt, engine="local", n_jobs=2)
    assert time.monotonic() - started < 8
    # the engine still works afterwards (the fork server is kept)
    out: list[int] = []
    run_engine([3, -4], abs, out.append, engine="local", n_jobs=2)
    assert sorted(out) == [3, 4]


def test_a_host_name_that_does_not_resolve_is_named() -> None:
    pytest.importorskip("distributed")
    msg = (
        "engine 'dask': cannot connect to the scheduler at 'tcp://no-such-host.invalid:8786' "
        "(the host name 'no-such-host.invalid' is not known); check the address "
        "(tcp://HOST:8786) and that the scheduler is running"
    )
    with pytest.raises(EngineError, match=re.escape(msg) + "$"):
        resolve_client("tcp://no-such-host.invalid:8786")


def test_a_worker_forked_as_its_pool_shuts_down_prints_no_traceback() -> None:
    # was: a Ctrl-C while the pool was still forking workers left a worker that failed to
    # rebuild the pool's (already unlinked) semaphore: 13 lines of traceback after the
    # command's one-line "interrupted" message (measured: 1 of 4 interrupts at 2.5 s)
    from multiprocessing.synchronize import Lock

    from idcforecast._fork_server import quiet_late_start

    shown: list[type[BaseException]] = []
    hook = quiet_late_start(lambda kind, value, tb: shown.append(kind))
    lock = Lock.__new__(Lock)
    try:  # the worker's own step: rebuild a semaphore by a name that no longer exists
        lock.__setstate__((0, 1, 1, "/mp-idcforecast-test-gone"))
    except FileNotFoundError:
        hook(*sys.exc_info())
    assert shown == []
    try:  # any other error is shown as before
        open("/nonexistent/idcforecast/file")  # noqa: SIM115
    except FileNotFoundError:
        hook(*sys.exc_info())
    assert shown == [FileNotFoundError]
