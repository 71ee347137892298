"""The customer clock: real time plus an offset the harness moves, so a 60-second dwell costs no wall time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def utc_now() -> datetime:
    """The real time, timezone-aware."""
    return datetime.now(UTC)


class CustomerClock:
    """Thread-safe clock whose reading is the real time shifted by every advance so far."""

    def __init__(self, real_time: Callable[[], datetime] = utc_now) -> None:
        self._real_time = real_time
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._real_time() + self._offset

    def advance(self, seconds: float) -> datetime:
        """Move the customer's time forward (or back, for negative seconds) and return the new reading."""
        with self._lock:
            self._offset += timedelta(seconds=seconds)
            return self._real_time() + self._offset


def stamp(moment: datetime) -> str:
    """ISO text with a fixed precision, so stored stamps compare correctly as strings."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")
