"""The plan loader on the shipped plan and on broken plans (file, line and key named)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from dx_plan.catalog import Catalog
from dx_plan.errors import InputError, PlanError
from dx_plan.loader import load_catalog, load_plan

from .conftest import SEED

DISTRICTS = ["tp-tan-an", "tx-kien-tuong", "h-tan-hung", "h-vinh-hung", "h-moc-hoa",
             "h-tan-thanh", "h-thanh-hoa", "h-duc-hue", "h-duc-hoa", "h-ben-luc", "h-thu-thua",
             "h-tan-tru", "h-can-duoc", "h-can-giuoc", "h-chau-thanh"]


def test_shipped_plan_has_the_explicit_quotas(catalog: Catalog) -> None:
    rules = {r.id: r for r in catalog.plan.rules}
    expect = {
        "2.2-newspaper-weekly": (["bao-long-an"], ["newspaper"], "week", 1),
        "2.3-tv-weekly": (["dai-ptth-long-an"], ["tv"], "week", 1),
        "2.5-grassroots-radio-weekly": (["districts", "communes"], ["grassroots-radio"],
                                        "week", 1),
        "3.1-provincial-portal-monthly": (["vp-ubnd-tinh"], ["provincial-portal"], "month", 2),
        "3.3-unit-portal-monthly": (["departments", "districts", "ttpvhcc-tinh"],
                                    ["unit-portal"], "month", 1),
        "3.4-led-daily": (["districts", "ttpvhcc-tinh"], ["led-screen"], "day", 1),
        "3.4-led-daily-departments": (["departments"], ["led-screen"], "day", 1),
        "IV.1-quarterly-report": (["departments", "districts"], ["report"], "quarter", 1),
    }
    for rule_id, (who, channels, per, minimum) in expect.items():
        rule = rules[rule_id]
        assert (rule.applies_to, rule.channels, rule.per, rule.min) == (who, channels, per, minimum)
        assert (rule.type, rule.severity, rule.basis) == ("frequency", "error", "explicit")
    contest = rules["2.1-contest-award"]
    # "trước ngày 28/8/2024": on or before 27 August.
    assert (contest.type, contest.due, contest.applies_to, contest.kinds) == (
        "deadline", dt.date(2024, 8, 27), ["so-tttt"], ["award"])
    radio = rules["2.5-grassroots-radio-weekly"]
    assert (radio.rollup, radio.include_children, radio.kinds) == (
        True, False, ["bulletin", "story", "news", "article"])
    # The kinds the plan names for its explicit quotas.
    assert rules["2.2-newspaper-weekly"].kinds == ["article", "bulletin"]
    assert rules["2.3-tv-weekly"].kinds == ["bulletin", "story"]


def test_every_interpreted_rule_is_a_warning_and_every_task_has_a_rule(catalog: Catalog) -> None:
    for rule in catalog.plan.rules:
        assert (rule.basis == "interpreted") == (rule.severity == "warning"), rule.id
    tasks_with_rules = {r.task for r in catalog.plan.rules}
    work_rows = {t.id for t in catalog.plan.tasks if not t.heading}
    assert work_rows - tasks_with_rules == set()


@pytest.mark.skipif(not SEED.exists(), reason="the plan text (shared/seed) is not beside the repo")
def test_every_rule_source_is_a_sentence_of_the_plan(catalog: Catalog) -> None:
    seed = re.sub(r"\s+", " ", re.sub(r"</?[pu]>", " ", SEED.read_text(encoding="utf-8")))
    for rule in catalog.plan.rules:
        text = re.sub(r"\s+", " ", rule.source.text)
        assert text in seed, rule.id
    for task in catalog.plan.tasks:
        for value in (task.lead_text, task.timeframe, task.notes):
            assert re.sub(r"\s+", " ", value) in seed, task.id


def test_units_groups_and_documents(catalog: Catalog) -> None:
    assert catalog.members["districts"] == DISTRICTS
    assert len(catalog.members["communes"]) == 188
    kinds = [catalog.units.by_id[u].kind for u in catalog.members["communes"]]
    assert (kinds.count("xa"), kinds.count("thi-tran"), kinds.count("phuong")) == (161, 15, 12)
    for commune in catalog.members["communes"]:
        assert catalog.units.by_id[commune].parent in DISTRICTS
    docs = catalog.plan.documents
    assert len(docs) == 43
    assert sum(d.level == "trung-uong" for d in docs) == 19
    assert [d.id for d in docs if d.row == "II.12"] == [
        "NQ-06-2023-HDND", "QD-27-2023-UBND", "QD-6366-UBND-2023"]
    assert catalog.documents.lookup("749/QĐ-TTg").item.id == "QD-749-TTg-2020"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "name",
    ["h-ben-luc", "UBND huyện Bến Lức", "H. Bến Lức", "Ben Luc", "ben  luc", "BẾN LỨC",
     "TTVH-TT&TT Bến Lức", "Bến Lức".encode().decode()],
)
def test_unit_lookup_is_case_accent_and_form_insensitive(catalog: Catalog, name: str) -> None:
    import unicodedata

    for form in ("NFC", "NFD"):
        match = catalog.units.lookup(unicodedata.normalize(form, name))
        assert match.item is not None and match.item.id == "h-ben-luc"


def test_unknown_and_ambiguous_names(catalog: Catalog) -> None:
    assert catalog.units.lookup("Ben Lucc").suggestions[0] == "h-ben-luc"
    assert catalog.units.lookup("Phường 1").ambiguous == ("p-1--tp-tan-an", "p-1--tx-kien-tuong")
    assert catalog.channels.lookup("truyền thanh").item.id == "grassroots-radio"  # type: ignore[union-attr]
    assert catalog.channels.lookup("tivi").item is None


# --------------------------------------------------------------------------- broken plans

MINI = """\
schema: dxplan.plan/1
plan:
  id: mini
  number: "1/KH"
  title: Mini
  issuer: Test
  province: Test
  period_start: 2024-02-01
  period_end: 2024-12-31
groups:
  - {id: districts, name: Huyện, name_en: Districts}
units:
  - {id: h-a, name: Huyện A, kind: huyen, groups: [districts]}
  - {id: h-b, name: Huyện B, kind: huyen, groups: [districts]}
channels:
  - {id: radio, name: Truyền thanh, name_en: Radio}
sections:
  - {id: S1, title: S1, text: S1}
rules:
  - id: r1
    task: S1
    title: t
    title_en: t
    applies_to: [districts]
    channels: [radio]
    type: frequency
    per: week
    min: 1
    severity: error
    basis: explicit
    source: {text: x, where: y}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(PlanError) as info:
        load_plan(path)
    return [str(i) for i in info.value.issues]


def test_minimal_plan_loads(tmp_path: Path) -> None:
    plan = load_plan(_write(tmp_path, MINI))
    assert [u.id for u in plan.units] == ["h-a", "h-b"]


def test_cross_reference_errors_are_all_reported_with_lines(tmp_path: Path) -> None:
    text = MINI.replace("applies_to: [districts]", "applies_to: [distrcts]").replace(
        "channels: [radio]", "channels: [radoi]").replace("task: S1", "task: S9").replace(
        "min: 1", "min: 0")
    path = _write(tmp_path, text)
    assert _errors(path) == [
        f"{path}:24: rules.0.applies_to: unknown unit or group 'distrcts'; did you mean "
        "'districts'?",
        f"{path}:25: rules.0.channels: unknown channel 'radoi'; did you mean 'radio'?",
        f"{path}:21: rules.0.task: unknown task or section 'S9'",
        f"{path}:28: rules.0.min: min must be at least 1, not 0",
    ]


def test_duplicate_keys_and_ids(tmp_path: Path) -> None:
    path = _write(tmp_path, MINI.replace("  period_end: 2024-12-31\n",
                                         "  period_end: 2024-12-31\n  period_end: 2025-12-31\n"))
    assert _errors(path) == [
        f"{path}:10: plan.period_end: duplicate key 'period_end' (first at line 9); keep only one"]
    path = _write(tmp_path, MINI.replace("{id: h-b, name: Huyện B", "{id: h-a, name: Huyện B"))
    assert _errors(path) == [f"{path}:14: units.1.id: duplicate id 'h-a'; ids must be unique"]


def test_unknown_key_missing_key_and_window_outside_period(tmp_path: Path) -> None:
    path = _write(tmp_path, MINI.replace("    per: week\n", "    per: week\n    colour: red\n"))
    assert _errors(path) == [
        f"{path}:28: rules.0.colour: unknown key; check its spelling against the data model in "
        "the README"]
    path = _write(tmp_path, MINI.replace("    per: week\n",
                                         "    per: week\n    window: {start: 2023-01-01}\n"))
    assert _errors(path) == [
        f"{path}:28: rules.0.window: window 2023-01-01..2024-12-31 is outside the plan period "
        "2024-02-01..2024-12-31"]
    path = _write(tmp_path, MINI.replace("  title: Mini\n", ""))
    assert _errors(path) == [f"{path}:2: plan.title: required key is missing"]
    path = _write(tmp_path, MINI.replace("source: {text: x, where: y}", "source: II.2.d"))
    assert _errors(path) == [
        f"{path}:31: rules.0.source: must be a mapping of keys (key: value lines), not a single "
        "value or a list"]


def test_hostile_yaml_in_a_plan(tmp_path: Path) -> None:
    path = _write(tmp_path, "a: &x [1]\nb: *x\n")
    assert _errors(path) == [f"{path}:2: more than 0 YAML alias uses (an alias bomb?); write "
                             "the values out"]
    path = _write(tmp_path, "a: !!python/object/apply:os.system [ls]\n")
    assert _errors(path) == [
        f"{path}:1: a: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not "
        "allowed; remove it"]
    path = _write(tmp_path, "- 1\n")
    assert _errors(path) == [f"{path}:1: a plan file must be a YAML mapping"]
    with pytest.raises(InputError, match="plan file not found"):
        load_plan(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a directory"):
        load_plan(tmp_path)


def test_a_broken_plan_reads_in_vietnamese_through_the_cli(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import dx_plan.cli

    text = MINI.replace("applies_to: [districts]", "applies_to: [distrcts]").replace(
        "    per: week\n", "    per: week\n    window: {start: 2023-01-01}\n")
    path = _write(tmp_path, text)
    runner = CliRunner()
    result = runner.invoke(dx_plan.cli.app, ["plan", "validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Kế hoạch không hợp lệ (2 lỗi):",
        f"  {path}:24: rules.0.applies_to: đơn vị hoặc nhóm 'distrcts' không có trong kế "
        "hoạch; có phải là 'districts'?",
        f"  {path}:28: rules.0.window: khoảng thời gian áp dụng (window) 01/01/2023 – "
        "31/12/2024 nằm ngoài thời gian của kế hoạch 01/02/2024 – 31/12/2024",
    ]
    result = runner.invoke(dx_plan.cli.app, ["plan", "validate", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "The plan is invalid (2 errors):",
        f"  {path}:24: rules.0.applies_to: unknown unit or group 'distrcts'; did you mean "
        "'districts'?",
        f"  {path}:28: rules.0.window: window 2023-01-01..2024-12-31 is outside the plan period "
        "2024-02-01..2024-12-31",
    ]


def test_validated_plans_are_cached_by_content(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "plan"
    root.mkdir()
    docs = ("documents:\n  - {id: D1, row: I.1, level: tinh, kind: kh, kind_label: KH, "
            "number: '1/KH', date: 2024-01-02, issuer: U, title: t, text: t}\n")
    (root / "docs.yaml").write_text(docs, encoding="utf-8")
    plan_file = root / "plan.yaml"
    plan_file.write_text(MINI + "include: {documents: docs.yaml}\n", encoding="utf-8")
    first = load_plan(plan_file)
    assert [p.name for p in (tmp_path / "cache").iterdir()] != []
    assert load_plan(plan_file) == first
    # Changing an included file invalidates the cached plan …
    (root / "docs.yaml").write_text(docs.replace("title: t", "title: changed"), encoding="utf-8")
    assert load_plan(plan_file).documents[0].title == "changed"
    # … and a corrupt cache file is rebuilt, not trusted.
    for cached in (tmp_path / "cache").iterdir():
        cached.write_bytes(b"not a pickle")
    assert load_plan(plan_file).documents[0].title == "changed"


def test_the_catalog_is_cached_with_the_plan(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(tmp_path / "cache"))
    built = load_catalog()  # a miss: validated, built and stored
    cached = load_catalog()  # a hit: unpickled
    assert cached is not built
    assert cached.plan == built.plan
    # The folded name lookups came through the cache: a spelling without accents.
    assert cached.units.lookup("huyen ben luc").item is not None
    assert cached.units.lookup("huyen ben luc").item.id == "h-ben-luc"


def _plan_classes() -> list[type]:
    import dataclasses

    from dx_plan import models

    return [obj for obj in vars(models).values()
            if isinstance(obj, type) and dataclasses.is_dataclass(obj)
            and obj.__module__ == models.__name__]


def test_every_plan_class_is_frozen_forbids_unknown_keys_and_describes_its_fields() -> None:
    import dataclasses

    from pydantic import TypeAdapter

    from dx_plan.models import PLAN_CLASSES, Plan

    classes = _plan_classes()
    assert len(classes) == 12
    # plan_shape (the cache key) walks PLAN_CLASSES: a class left out of it could change
    # shape without changing the key.
    assert set(PLAN_CLASSES) == set(classes)
    for cls in classes:
        params = cls.__dataclass_params__  # type: ignore[attr-defined]
        assert params.frozen, cls
        assert cls.__pydantic_config__ == {"extra": "forbid"}, cls  # type: ignore[attr-defined]
        for field in dataclasses.fields(cls):
            assert field.metadata.get("description"), (cls.__name__, field.name)
    # pydantic reads the descriptions: they reach the JSON schema.
    schema = TypeAdapter(Plan).json_schema()
    assert schema["$defs"]["Rule"]["properties"]["min"]["description"] == (
        "Items required per period (or by the deadline).")


def test_the_cache_format_is_part_of_the_cache_key(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # A cache pickled by an older build (pydantic models) must never be unpickled into
    # today's dataclasses: another format number is another file.
    import dx_plan.loader as loader

    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(tmp_path / "cache"))
    plan_file = _write(tmp_path, MINI)
    raw = plan_file.read_bytes()
    now = loader._cache_file(plan_file, raw)
    monkeypatch.setattr(loader, "CACHE_FORMAT", loader.CACHE_FORMAT - 1)
    before = loader._cache_file(plan_file, raw)
    assert now is not None and before is not None
    assert now.parent == before.parent == tmp_path / "cache"
    assert now.name != before.name


def test_the_plan_classes_fields_are_part_of_the_cache_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Slotted dataclasses unpickle their fields by position: a field added, dropped or
    # moved must change the key, or an old cache would load into the wrong fields.
    import dx_plan.loader as loader
    from dx_plan.models import plan_shape

    assert plan_shape().startswith("Source:text,where;PlanMeta:id,number,title,title_en,")
    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(tmp_path / "cache"))
    plan_file = _write(tmp_path, MINI)
    now = loader._cache_file(plan_file, b"x")
    monkeypatch.setattr(loader, "plan_shape", lambda: "Source:where,text")
    moved = loader._cache_file(plan_file, b"x")
    assert now is not None and moved is not None and now.name != moved.name


def test_a_plan_path_that_is_not_utf8_is_cached(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(tmp_path / "cache"))
    odd = tmp_path / os.fsdecode(b"k\xe9-ho\xe0ch")  # Latin-1 bytes: surrogate-escaped
    odd.mkdir()
    plan_file = _write(odd, MINI)
    assert [u.id for u in load_plan(plan_file).units] == ["h-a", "h-b"]
    assert len(list((tmp_path / "cache").iterdir())) == 1
    assert [u.id for u in load_plan(plan_file).units] == ["h-a", "h-b"]  # from the cache


def test_a_cache_directory_that_cannot_be_made_does_not_stop_a_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Caching is an optimisation: a read-only or broken $DXPLAN_CACHE_DIR (here below a
    # regular file, which fails even for root) leaves the plan loading as usual.
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(blocker / "cache"))
    plan_file = _write(tmp_path, MINI)
    for _ in range(2):
        assert [u.id for u in load_plan(plan_file).units] == ["h-a", "h-b"]
    assert blocker.read_text(encoding="utf-8") == "x"


def test_a_plan_loaded_again_in_one_process_starts_each_run_afresh(tmp_path: Path) -> None:
    """The second load reuses the first (same bytes) but not its lookups: a run's "did you
    mean" budget and memo are its own; a changed include is read again."""
    from dx_plan import catalog as catalog_module
    from dx_plan import loader

    first = loader.load_catalog()
    for i in range(catalog_module.SUGGESTIONS):
        first.units.lookup(f"Huyện Không Có {i}")  # spends the first run's budget
    second = loader.load_catalog()
    assert second.plan is first.plan and second.units is not first.units
    assert second.units.lookup("Ben Lucc").suggestions == ("h-ben-luc",)
    assert first.units.lookup("Ben Lucd").suggestions == ()  # the first run's budget is spent
