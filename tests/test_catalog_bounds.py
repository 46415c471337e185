"""Name lookups stay cheap on hostile input: "did you mean" is searched a bounded number."""

from __future__ import annotations

import pytest

from dx_plan import catalog as catalog_module
from dx_plan.catalog import Catalog
from dx_plan.loader import load_plan


def test_only_the_first_unknown_spellings_get_suggestions(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = catalog_module.suggest

    def counting(word: str, candidates: list[str], n: int = 3) -> list[str]:
        calls.append(word)
        return real(word, candidates, n)

    monkeypatch.setattr(catalog_module, "suggest", counting)
    monkeypatch.setattr(catalog_module, "SUGGESTIONS", 2)
    units = catalog_module.Catalog(load_plan()).units
    first = units.lookup("Huyen Ben Lucc")
    assert first.item is None and "h-ben-luc" in first.suggestions
    units.lookup("Huyen Duc Hoaa")
    third = units.lookup("Huyen Ben Luccc")  # past the budget: no search, no suggestion
    assert third.item is None and third.suggestions == ()
    for i in range(1000):
        units.lookup(f"nowhere {i}")
    assert calls == ["Huyen Ben Lucc", "Huyen Duc Hoaa"]
    # Known names are still found, whatever the budget.
    assert units.lookup("huyen ben luc").item is not None


def test_a_suggestion_keeps_the_first_letter_of_each_word(catalog: Catalog) -> None:
    # 'tiểu phẩm' (a sketch) shares letters with 'tờ gấp' (a leaflet), not meaning.
    assert catalog.kinds.lookup("tieu pham").suggestions == ()
    assert catalog.kinds.lookup("tọa đàm").item is not None  # a talk show, by its own name
    assert catalog.units.lookup("Ben Lucc").suggestions == ("h-ben-luc",)
    assert catalog.channels.lookup("tivi").suggestions == ("tv",)
