"""Normalisation: each step that screening relies on, one small case at a time."""

from __future__ import annotations

import pytest

from oversight.screening.normalise import is_generic, normalise


def steps(name: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for kind, text in normalise(name).steps:
        found.setdefault(kind, []).append(text)
    return found


@pytest.mark.parametrize("name", [
    "Hikvision Co., Ltd.", "Hikvision Co Ltd", "Hikvision Co.,Ltd", "Hikvision Limited",
    "Hikvision LLC", "Hikvision, Inc.", "Hikvision Corp.", "Hikvision Corporation",
    "Hikvision GmbH", "Hikvision S.A.", "Hikvision SAS", "Hikvision S.A. de C.V.",
    "Hikvision Sp. z o.o.", "Hikvision Pte. Ltd.", "Hikvision Sdn. Bhd.", "Hikvision (Pty) Ltd",
    "Hikvision B.V.", "Hikvision Ltda", "Hikvision FZE", "PT Hikvision", "OOO Hikvision",
    "Hikvision Company Limited", "Hikvision Co Limted",
])
def test_legal_forms_are_removed_in_many_languages(name: str) -> None:
    assert normalise(name).full == "hikvision"


@pytest.mark.parametrize("name", ["海康威视有限公司", "海康威视股份有限公司", "海康威视有限责任公司",
                                  "海康威视公司"])
def test_chinese_legal_forms_are_removed(name: str) -> None:
    assert normalise(name).full == "haikangweishi"


def test_the_removed_legal_suffix_is_quoted_as_written() -> None:
    assert steps("Hangzhou Hikvision Digital Technology Co., Ltd.")["legal suffix"] == ["Co., Ltd."]


@pytest.mark.parametrize("name", ["Hangzhou Hikvision", "Zhejiang Hangzhou Hikvision",
                                  "杭州海康威视", "浙江省杭州市海康威视", "SZ Hikvision"])
def test_chinese_city_and_province_prefixes_are_removed(name: str) -> None:
    name_ = normalise(name)
    assert name_.core in {"hikvision", "haikangweishi"}
    assert "city prefix" in steps(name)


def test_a_city_prefix_stays_when_nothing_distinctive_would_be_left() -> None:
    name = normalise("Shanghai Electric")
    assert name.full == "shanghaielectric"
    assert "city prefix" not in steps("Shanghai Electric")


def test_a_country_in_parentheses_is_removed_and_recorded() -> None:
    name = normalise("Huawei Technologies (Kenya) Co. Limited")
    assert name.core == "huawei"
    assert ("place", "(Kenya)") in name.steps
    assert name.alternates == ()


def test_a_trailing_country_or_branch_is_removed() -> None:
    assert normalise("Huawei Technologies Co Ltd Kenya Branch").core == "huawei"
    assert normalise("Dahua Technology USA Inc.").core == "dahua"
    assert normalise("ZTE do Brasil Ltda").core == "zte"


def test_words_after_a_mid_name_legal_form_are_a_branch() -> None:
    name = normalise("Huawei Technologies Co. Ltd. Beijing Research Center")
    assert name.full == "huaweitechnologies"
    assert ("branch", "Beijing Research Center") in name.steps


def test_other_parentheses_are_set_aside_as_alternative_names() -> None:
    name = normalise("Beijing Kuangshi Technology Co., Ltd. (Megvii)")
    assert name.core == "kuangshi"
    assert name.alternates == ("Megvii",)


def test_a_leading_country_word_is_part_of_the_name() -> None:
    assert normalise("China Mobile").core == "chinamobile"
    assert normalise("China").weak


@pytest.mark.parametrize("name", ["HIKVISION", "hikvision", "Hik-Vision", "Hik Vision",
                                  "ＨＩＫＶＩＳＩＯＮ", "  Hikvision.  ", "HikVision"])
def test_case_spacing_punctuation_and_width_do_not_matter(name: str) -> None:
    assert normalise(name).full == "hikvision"


def test_full_width_and_accents_are_recorded() -> None:
    assert "folded" in steps("ＨＩＫＶＩＳＩＯＮ")
    assert normalise("Idémia").full == "idemia"
    assert "accents" in steps("Idémia")


@pytest.mark.parametrize(("name", "folded"), [("Z.T.E.", "zte"), ("N.E.C. Corp", "nec"),
                                              ("IS'Vision", "isvision"), ("IS’VISION", "isvision"),
                                              ("Face++", "faceplusplus")])
def test_initials_apostrophes_and_plus_signs(name: str, folded: str) -> None:
    assert normalise(name).full == folded


def test_chinese_script_is_written_in_pinyin_and_keeps_its_characters() -> None:
    name = normalise("杭州海康威视数字技术股份有限公司")
    assert name.core == "haikangweishi"
    assert name.han == "海康威视"
    assert name.generic_words == ("shuzi", "jishu")
    assert normalise("Haikang Weishi").core == name.core
    assert normalise("Hai Kang Wei Shi").core == name.core


def test_traditional_characters_read_as_simplified() -> None:
    assert normalise("華為技術有限公司").han == "华为"
    assert "simplified" in steps("華為")


def test_pinyin_legal_forms_and_generic_words() -> None:
    name = normalise("Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi")
    assert (name.core, name.full) == ("haikangweishi", "haikangweishishuzijishu")


@pytest.mark.parametrize("word", ["technology", "technologies", "digital", "vision", "security",
                                  "electronics", "group", "international", "holdings", "systems",
                                  "science", "keji", "jishu", "technolgy", "electroncs"])
def test_generic_words(word: str) -> None:
    assert is_generic(word)


@pytest.mark.parametrize("word", ["hikvision", "dahua", "huawei", "sensetime", "megvii", "uniview",
                                  "intellifusion", "dawning", "zhongxing"])
def test_distinctive_words_are_not_generic(word: str) -> None:
    assert not is_generic(word)


def test_generic_words_alone_are_weak() -> None:
    assert normalise("Vision Technology Co., Ltd.").weak
    assert normalise("Digital Security Systems International").weak
    assert not normalise("Hikvision Digital Technology").weak


def test_prefix_keys_keep_brands_that_contain_a_generic_word() -> None:
    name = normalise("Hik Vision Digital Technology")
    assert name.core == "hik"
    assert "hikvision" in name.prefix_keys


def test_prefix_keys_never_reduce_to_a_place() -> None:
    assert "china" not in normalise("China Electronics Technology Group").lookup_keys


def test_nothing_is_cut_to_empty() -> None:
    assert normalise("Limited").full == "limited"
    assert normalise("Kenya").full == "kenya"
    assert normalise("").full == ""
    assert normalise("&&&").full == ""
