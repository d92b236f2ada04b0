"""report/_atomic.py: an output path is checked before any work, and written atomically."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast.errors import ReportError
from idcforecast.report._atomic import check_writable, write_atomic


def test_check_writable_creates_no_folder_until_the_file_is_written(tmp_path: Path) -> None:
    # was: the check made a/b at once, so a command failing on its input left them behind
    target = tmp_path / "a" / "b" / "c.csv"
    assert check_writable(target, what="out") == target
    assert list(tmp_path.iterdir()) == []  # (nor a trace of the test folder it made)
    write_atomic(target, lambda tmp: tmp.write_text("x\n"), what="out")
    assert target.read_text() == "x\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["c.csv"]


def test_a_file_in_the_way_of_the_folders_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep\n")
    target = blocker / "sub" / "c.csv"
    msg = (
        f"out {str(target)!r}: cannot create the folder {str(blocker / 'sub')!r}: "
        f"{str(blocker)!r} is a file, not a folder; choose a path in a folder"
    )
    with pytest.raises(ReportError, match=re.escape(msg) + "$"):
        check_writable(target, what="out")
    with pytest.raises(ReportError, match=re.escape(msg) + "$"):
        write_atomic(target, lambda tmp: tmp.write_text("x"), what="out")
    assert blocker.read_text() == "keep\n"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_folder_that_takes_no_files_is_not_called_missing(tmp_path: Path) -> None:
    # was: "the folder '/proc' is not writable (No such file or directory)": /proc exists,
    # and the reason was the errno's words alone (measured: creating a file there is ENOENT)
    msg = (
        "report '/proc/x.pdf': cannot create a file in the folder '/proc' (the file system "
        "does not allow it: No such file or directory); choose a path in a writable folder"
    )
    with pytest.raises(ReportError, match=re.escape(msg) + "$"):
        check_writable("/proc/x.pdf", what="report")
    # folders to create under it: tested where the first would go, nothing made
    msg = "report '/proc/new/x.pdf': cannot create folders in the folder '/proc' ("
    with pytest.raises(ReportError, match=re.escape(msg)):
        check_writable("/proc/new/x.pdf", what="report")


def test_a_failed_write_leaves_no_new_folder(tmp_path: Path) -> None:
    # was: the folders made for the file stayed, empty, after the write failed
    def fail(tmp: Path) -> None:
        tmp.write_text("half")
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError, match="disk gone"):
        write_atomic(tmp_path / "a" / "b" / "c.csv", fail, what="out")
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "a").mkdir()  # a folder that was there stays, with what it holds
    (tmp_path / "a" / "keep.txt").write_text("x")
    with pytest.raises(RuntimeError, match="disk gone"):
        write_atomic(tmp_path / "a" / "b" / "c.csv", fail, what="out")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["keep.txt"]


def test_no_room_for_the_temporary_file_is_a_report_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # was: mkstemp's OSError escaped as it was (a traceback on the command line)
    import errno
    import os
    import tempfile

    def full(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile, "mkstemp", full)
    target = tmp_path / "new" / "c.csv"
    msg = (
        f"out {str(target)!r}: writing failed (No space left on device); nothing was written; "
        "check the disk space and permissions"
    )
    with pytest.raises(ReportError, match=re.escape(msg)):
        write_atomic(target, lambda tmp: tmp.write_text("x"), what="out")
    assert list(tmp_path.iterdir()) == []
