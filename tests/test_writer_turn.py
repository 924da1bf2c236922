"""`storyledger build` and the app's writer take turns on a ledger file (storyledger/writer_turn.py)."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from storyledger import cli
from storyledger.store import StoreError
from storyledger.writer_turn import take_turn, writer_turn
from test_web import STORY


def test_a_build_holds_the_turn(tmp_path):
    db = str(tmp_path / "l.db")

    def run():
        assert take_turn(db, block=False) is None      # nobody else may write meanwhile
        return "built"
    assert cli._taking_turns(db, run, print) == "built"
    again = take_turn(db, block=False)
    assert again is not None                         # given back at the end
    again.close()


def test_a_build_waits_for_the_writer_that_has_the_turn(tmp_path):
    db = str(tmp_path / "l.db")
    notes, done = [], []
    with writer_turn(db):
        t = threading.Thread(target=lambda: done.append(cli._taking_turns(db, lambda: time.monotonic(), notes.append)))
        t.start()
        end = time.monotonic() + 30
        while not notes and time.monotonic() < end:     # (a loaded machine starts threads late)
            time.sleep(0.05)
        time.sleep(0.2)
        assert not done and notes == ["the app's writer is writing this ledger: waiting for its turn"]
        released = time.monotonic()
    t.join(10)
    assert done and done[0] >= released


def test_a_busy_ledger_is_tried_again_then_named(tmp_path, monkeypatch):
    db = str(tmp_path / "l.db")
    monkeypatch.setattr(cli, "BUSY_RETRIES", (0, 0))
    tries, notes = [], []

    def flaky():
        tries.append(1)
        if len(tries) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "built"
    assert cli._taking_turns(db, flaky, notes.append) == "built"
    assert len(tries) == 3 and notes == ["the ledger is busy (another program is writing it); trying again in 0 s"] * 2

    def locked():
        raise sqlite3.OperationalError("database is locked")
    with pytest.raises(StoreError, match="the ledger stayed busy"):
        cli._taking_turns(db, locked, notes.append)

    def other():
        raise ValueError("not a lock")
    with pytest.raises(ValueError):
        cli._taking_turns(db, other, notes.append)


def test_app_jobs_wait_while_a_build_has_the_turn(tmp_path):
    """A job posted while the CLI builds waits (named), then lands when the build ends."""
    from fastapi.testclient import TestClient

    from storyledger.web import create_app
    db = tmp_path / "ledger.db"
    app = create_app(str(db), data_dir=str(tmp_path / "data"), writer="thread")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        with writer_turn(str(db)):
            r = client.post("/api/articles", json={"text": STORY})
            assert r.status_code == 202
            url = r.json()["status_url"]
            end = time.monotonic() + 30
            while client.get(url).json()["state"] != "waiting":
                assert time.monotonic() < end
                time.sleep(0.05)
            assert "another program is writing the ledger" in client.get(url).json()["error"]
        end = time.monotonic() + 120
        while client.get(url).json()["state"] != "done":
            assert time.monotonic() < end and client.get(url).json()["state"] != "failed"
            time.sleep(0.1)
        res = client.get(url).json()["result"]
        assert res["new"] == 1, res
