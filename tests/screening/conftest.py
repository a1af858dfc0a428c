"""Screening fixture: ~25 organisations shaped like `queries.screening_entities` output.

Names, aliases and listings follow the bundled registry data (data/listings/us.yaml);
the benchmark (benchmarks/bench_screening.py) loads ENTITIES from this file too.
"""

from __future__ import annotations

from typing import Any

import pytest

from oversight.screening import ScreeningIndex, build_index

FR_2019_22210 = "Federal Register document 2019-22210 (published and effective 2019-10-09)"
FR_2020_06_05 = "Federal Register of 2020-06-05 (85 FR 34495 and 85 FR 34503)"
NDAA = "Pub. L. 115-232, sec. 889 (John S. McCain NDAA for FY2019, enacted 2018-08-13)"
FCC = "FCC Public Safety and Homeland Security Bureau Public Notice DA 21-309, WC Docket No. 18-89"
EO_14032 = "Executive Order 14032, annex (signed 2021-06-03; prohibitions effective 2021-08-02)"


def listing(list_id: str, listed_name: str, listed: str, citation: str,
            aliases: list[str] | None = None, via: str | None = None) -> dict[str, Any]:
    return {"list": list_id, "listed_name": listed_name, "aliases": aliases or [],
            "listed": listed, "citation": citation, "url": None, "via": via}


def entity(name: str, *, legal_name: str | None = None, aliases: list[str] | None = None,
           country: str = "CHN", kind: str = "vendor", parent: str | None = None,
           lists: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"name": name, "legal_name": legal_name, "aliases": aliases or [], "country": country,
            "kind": kind, "parent": parent, "lists": lists or []}


HIKVISION_LISTS = [
    listing("us_entity_list", "Hikvision", "2019-10-09", FR_2019_22210),
    listing("ndaa_889", "Hangzhou Hikvision Digital Technology Company", "2018-08-13", NDAA),
    listing("fcc_covered_list", "Hangzhou Hikvision Digital Technology Company", "2021-03-12",
            FCC),
    listing("ns_cmic_list", "Hangzhou Hikvision Digital Technology Co.", "2021-06-03", EO_14032),
]
NETPOSA_LISTS = [listing("us_entity_list", "NetPosa", "2020-06-05", FR_2020_06_05)]

ENTITIES: list[dict[str, Any]] = [
    entity("Hikvision", legal_name="Hangzhou Hikvision Digital Technology Co., Ltd.",
           aliases=["海康威视", "杭州海康威视数字技术股份有限公司", "HiLook", "HiWatch", "Hik Vision",
                    "Hangzhou Hikvision Digital Technology Company"],
           parent="CETC", lists=HIKVISION_LISTS),
    entity("EZVIZ", legal_name="Hangzhou EZVIZ Network Co., Ltd.", aliases=["萤石", "萤石网络"],
           parent="Hikvision", lists=[dict(e, via="Hikvision") for e in HIKVISION_LISTS]),
    entity("Dahua Technology", legal_name="Zhejiang Dahua Technology Co., Ltd.",
           aliases=["大华", "大华股份", "浙江大华技术股份有限公司", "Dahua", "Imou", "Lechange",
                    "Dahua Technology Company"],
           lists=[listing("us_entity_list", "Dahua Technology", "2019-10-09", FR_2019_22210),
                  listing("ndaa_889", "Dahua Technology Company", "2018-08-13", NDAA),
                  listing("fcc_covered_list", "Dahua Technology Company", "2021-03-12", FCC)]),
    entity("Huawei", legal_name="Huawei Technologies Co., Ltd.",
           aliases=["华为", "华为技术有限公司", "Huawei Technologies Company",
                    "Huawei Investment & Holding"],
           lists=[listing("us_entity_list", "Huawei Technologies Co., Ltd.", "2019-05-16",
                          "84 FR 22961 (published 2019-05-21; effective 2019-05-16)"),
                  listing("ndaa_889", "Huawei Technologies Company", "2018-08-13", NDAA),
                  listing("fcc_covered_list", "Huawei Technologies Company", "2021-03-12", FCC),
                  listing("ns_cmic_list", "Huawei Technologies Co.", "2021-06-03", EO_14032)]),
    entity("ZTE", legal_name="ZTE Corporation",
           aliases=["中兴通讯", "中兴通讯股份有限公司", "Zhongxing Telecommunication Equipment"],
           lists=[listing("ndaa_889", "ZTE Corporation", "2018-08-13", NDAA),
                  listing("fcc_covered_list", "ZTE Corporation", "2021-03-12", FCC)]),
    entity("Hytera", legal_name="Hytera Communications Corporation Limited",
           aliases=["海能达", "海能达通信股份有限公司"],
           lists=[listing("ndaa_889", "Hytera Communications Corporation", "2018-08-13", NDAA),
                  listing("fcc_covered_list", "Hytera Communications Corporation", "2021-03-12",
                          FCC)]),
    entity("SenseTime", legal_name="SenseTime Group Limited",
           aliases=["商汤科技", "商汤", "Beijing SenseTime Technology Development Co., Ltd."],
           lists=[listing("us_entity_list", "Sense Time", "2019-10-09", FR_2019_22210),
                  listing("ns_cmic_list", "SenseTime Group Limited", "2021-12-10",
                          "Treasury OFAC designation of 2021-12-10")]),
    entity("Megvii", legal_name="Beijing Kuangshi Technology Co., Ltd.",
           aliases=["旷视科技", "旷视", "Face++", "Megvii Technology Limited"],
           lists=[listing("us_entity_list", "Megvii Technology", "2019-10-09", FR_2019_22210)]),
    entity("iFlytek", legal_name="iFLYTEK Co., Ltd.", aliases=["科大讯飞", "科大讯飞股份有限公司"],
           lists=[listing("us_entity_list", "IFLYTEK", "2019-10-09", FR_2019_22210)]),
    entity("Yitu Technology", legal_name="Shanghai Yitu Network Technology Co., Ltd.",
           aliases=["依图科技", "依图", "Yitu"],
           lists=[listing("us_entity_list", "Yitu Technologies", "2019-10-09", FR_2019_22210)]),
    entity("CloudWalk Technology", legal_name="CloudWalk Technology Co., Ltd.",
           aliases=["云从科技", "云从科技集团股份有限公司", "Guangzhou CloudWalk Information Technology"],
           lists=[listing("us_entity_list", "CloudWalk Technology", "2020-06-05", FR_2020_06_05)]),
    entity("Sugon", legal_name="Dawning Information Industry Co., Ltd.",
           aliases=["中科曙光", "曙光信息产业股份有限公司"],
           lists=[listing("us_entity_list", "Sugon", "2019-06-24",
                          "84 FR 29371-29375 (Federal Register document 2019-13245)",
                          aliases=["Dawning", "Dawning Information Industry",
                                   "Sugon Information Industry", "Shuguang", "Zhongke Shuguang",
                                   "Tianjin Shuguang Computer Industry"])]),
    entity("NetPosa", legal_name="NetPosa Technologies Ltd.", aliases=["东方网力", "Dongfang Wangli"],
           lists=NETPOSA_LISTS),
    entity("SenseNets", legal_name="Shenzhen SenseNets Technology Co., Ltd.", aliases=["深网视界"],
           parent="NetPosa",
           lists=[listing("us_entity_list", "SenseNets", "2020-06-05", FR_2020_06_05),
                  *[dict(e, via="NetPosa") for e in NETPOSA_LISTS]]),
    entity("Intellifusion", legal_name="Shenzhen Intellifusion Technologies Co., Ltd.",
           aliases=["云天励飞", "深圳云天励飞技术股份有限公司"],
           lists=[listing("us_entity_list", "Intellifusion", "2020-06-05", FR_2020_06_05)]),
    entity("Inspur", legal_name="Inspur Group Co., Ltd.", aliases=["浪潮", "浪潮集团有限公司"],
           lists=[listing("us_entity_list", "Inspur Group Co Ltd", "2023-03-02",
                          "BIS final rule adding 37 entities, 2023-03-02"),
                  listing("ns_cmic_list", "Inspur", "2021-06-03", EO_14032)]),
    entity("DJI", legal_name="SZ DJI Technology Co., Ltd.",
           aliases=["大疆", "大疆创新", "Da-Jiang Innovations", "Shenzhen Dajiang Innovation Technology"],
           lists=[listing("us_entity_list", "DJI", "2020-12-18", "BIS final rule effective 2020-12-18")]),
    entity("IS'Vision", aliases=["IS Vision"],
           lists=[listing("us_entity_list", "IS'Vision", "2020-06-05", FR_2020_06_05)]),
    entity("Leon Technology", legal_name="Leon Technology Co., Ltd.", aliases=["立昂技术"],
           lists=[listing("us_entity_list", "Leon Technology Co., Ltd.", "2021-07-12",
                          "86 FR 36496 (Federal Register of 2021-07-12)")]),
    entity("Meiya Pico", legal_name="Xiamen Meiya Pico Information Co., Ltd.", aliases=["美亚柏科"],
           lists=[listing("us_entity_list", "Xiamen Meiya Pico Information Co. Ltd.", "2019-10-09",
                          FR_2019_22210)]),
    entity("Kedacom", legal_name="苏州科达科技股份有限公司", aliases=["苏州科达", "科达科技"],
           lists=[listing("us_entity_list", "Suzhou Keda Technology Co.", "2021-07-12",
                          "86 FR 36496 (Federal Register of 2021-07-12)")]),
    entity("Uniview", legal_name="Zhejiang Uniview Technologies Co., Ltd.",
           aliases=["宇视科技", "UNV"]),
    entity("Tiandy", legal_name="Tiandy Technologies Co., Ltd.", aliases=["天地伟业"]),
    entity("China Electronics Technology Group Corporation", aliases=["CETC", "中国电子科技集团"],
           kind="state_owner",
           lists=[listing("ns_cmic_list", "China Electronics Technology Group Corporation",
                          "2021-06-03", EO_14032)]),
    entity("China Mobile", legal_name="China Mobile Communications Group Co., Ltd.",
           aliases=["中国移动"], kind="operator",
           lists=[listing("ns_cmic_list", "China Mobile Communications Group Co.", "2021-06-03",
                          EO_14032)]),
    entity("NEC", legal_name="NEC Corporation", aliases=["日本電気", "Nippon Electric Company"],
           country="JPN"),
    entity("Idemia", legal_name="IDEMIA Identity & Security France SAS",
           aliases=["OT-Morpho", "Morpho", "Safran Identity & Security"], country="FRA"),
    entity("Axon", legal_name="Axon Enterprise, Inc.", aliases=["TASER International"],
           country="USA"),
]


@pytest.fixture(scope="session")
def entities() -> list[dict[str, Any]]:
    return ENTITIES


@pytest.fixture(scope="session")
def index() -> ScreeningIndex:
    return build_index(ENTITIES)
