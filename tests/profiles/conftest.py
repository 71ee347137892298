"""Site profiles for the tests: the demo profiles, and copies of them with one mistake made on purpose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
MisMade = Callable[..., Path]


@pytest.fixture
def mismade(tmp_path: Path) -> MisMade:
    """`mismade("demo_hotel", {"old line": "new line"})`: a copy of a demo profile with lines changed."""

    def make(name: str, changes: dict[str, str], file: str = "shop.toml") -> Path:
        text = (PROFILES / f"{name}.toml").read_text(encoding="utf-8")
        for old, new in changes.items():
            assert old in text, f"{old!r} is not in profiles/{name}.toml"
            text = text.replace(old, new)
        path = tmp_path / file
        path.write_text(text, encoding="utf-8")
        return path

    return make
