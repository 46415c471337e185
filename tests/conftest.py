"""Shared fixtures: the shipped plan, its catalog, fixed-width deterministic output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dx_plan.catalog import Catalog
from dx_plan.loader import load_plan

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT.parent / "shared" / "seed" / "000_caf928c9374c524b.txt"


@pytest.fixture(autouse=True)
def _fixed_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
               ) -> None:
    """Deterministic output: fixed width, no colour, Vietnamese, shipped plan, own cache."""
    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "plan-cache"))
    monkeypatch.delenv("DXPLAN_NO_CACHE", raising=False)
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("DXPLAN_LANG", raising=False)
    monkeypatch.delenv("DXPLAN_PLAN", raising=False)
    os.environ.pop("FORCE_COLOR", None)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped plan, loaded once."""
    return Catalog(load_plan())
