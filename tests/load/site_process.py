"""The demo site as its own operating-system process (`python -m demo_hotel`), so a test can SIGKILL it."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

STARTUP_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
RUNNING = re.compile(r"Uvicorn running on (http://\S+)")


class SiteProcess:
    """`with SiteProcess(db, faults) as site:` serves the site at `site.url` from a child process.

    Port 0 lets the OS pick a free port; the URL comes from uvicorn's "running on" line, so start-up is
    awaited as a condition. Every line the site writes to stderr is kept in `log` (tracebacks, "database
    is locked"), for the tests to assert on.
    """

    def __init__(self, db_path: Path, faults: Iterable[str] = ()) -> None:
        self.db_path = db_path
        self.faults = sorted(faults)
        self.url = ""
        self.log: list[str] = []
        self._started = threading.Event()
        self._process: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None

    def __enter__(self) -> SiteProcess:
        command = [sys.executable, "-m", "demo_hotel", "--port", "0", "--db", str(self.db_path)]
        if self.faults:
            command += ["--faults", ",".join(self.faults)]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._reader = threading.Thread(target=self._read_log, name="demo-hotel-log", daemon=True)
        self._reader.start()
        if not self._started.wait(STARTUP_TIMEOUT) or not self.url:
            self.kill()
            raise RuntimeError(f"the demo site did not start within {STARTUP_TIMEOUT:.0f} s:\n{self.output}")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def output(self) -> str:
        return "".join(self.log)

    def _read_log(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        for line in self._process.stderr:
            self.log.append(line)
            running = RUNNING.search(line)
            if running and not self.url:
                self.url = running.group(1)
                self._started.set()
        self._started.set()

    def kill(self) -> None:
        """SIGKILL: the site gets no chance to finish a request, flush or close its database."""
        self._end(graceful=False)

    def stop(self) -> None:
        """SIGTERM and wait for uvicorn's graceful shutdown; SIGKILL if it takes too long."""
        self._end(graceful=True)

    def _end(self, graceful: bool) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            if graceful:
                process.terminate()
                try:
                    process.wait(STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    process.kill()
            else:
                process.kill()
            process.wait(STOP_TIMEOUT)
        if self._reader is not None:
            self._reader.join(STOP_TIMEOUT)
