"""Units: normalisation, group placeholders, 省-prefix aliases, and resolving what a clerk types."""

from __future__ import annotations

import pytest

from taskctl.errors import AmbiguousError, NotFoundError
from taskctl.store.lookup import resolve_unit
from taskctl.store.models import Unit, UnitAlias
from taskctl.store.units import get_or_create_unit, normalize_unit_name, unit_kind


def test_normalize_unit_name_removes_spaces_fullwidth_and_trailing_etc() -> None:
    assert normalize_unit_name(" 中国人民银 行成都分行 ") == "中国人民银行成都分行"
    assert normalize_unit_name("财政部等") == "财政部"
    assert normalize_unit_name("ＡＢＣ处") == "ABC处"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("有关处室", "group"),
        ("各有关处室", "group"),
        ("各市、县科技局", "group"),
        ("厅机关各处室", "group"),
        ("高新处", "department"),
        ("省发展改革委", "department"),
        ("中国人民银行成都分行", "department"),
    ],
)
def test_unit_kind(name: str, kind: str) -> None:
    assert unit_kind(name) == kind


def test_prefix_variant_becomes_alias_of_one_unit(store) -> None:  # type: ignore[no-untyped-def]
    with store.writing() as session:
        a = get_or_create_unit(session, "科技厅")
        b = get_or_create_unit(session, "省科技厅")
        assert a.id == b.id
    with store.reading() as session:
        assert session.query(Unit).count() == 1
        assert [x.alias for x in session.query(UnitAlias)] == ["省科技厅"]


def test_resolve_unit_exact_prefix_substring_and_ambiguity(store) -> None:  # type: ignore[no-untyped-def]
    with store.writing() as session:
        for name in ("高新处", "农村处", "社发处", "省发展改革委", "省经济和信息化委"):
            get_or_create_unit(session, name)
    with store.reading() as session:
        assert resolve_unit(session, "高新处").name == "高新处"
        assert resolve_unit(session, "高新").name == "高新处"
        assert resolve_unit(session, "发展改革").name == "省发展改革委"
        with pytest.raises(AmbiguousError) as exc:
            resolve_unit(session, "处")
        assert "高新处" in str(exc.value) and "农村处" in str(exc.value)
        with pytest.raises(NotFoundError):
            resolve_unit(session, "财政厅")


def test_resolve_unit_with_or_without_the_optional_prefix(store) -> None:  # type: ignore[no-untyped-def]
    with store.writing() as session:
        get_or_create_unit(session, "科技厅")
        get_or_create_unit(session, "省财政厅")
    with store.reading() as session:
        assert resolve_unit(session, "省科技厅").name == "科技厅"
        assert resolve_unit(session, "财政厅").name == "省财政厅"
