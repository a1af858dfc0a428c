"""Each stage on its own: gazetteer, lexicon, prefilter, segment, tag, relate, resolve."""

from __future__ import annotations

import pickle

import pytest

from oversight.extract.gazetteer import build_gazetteer
from oversight.extract.lexicon import TECHNOLOGY_CUES, expand
from oversight.extract.pipeline import extract_document
from oversight.extract.prefilter import prefilter
from oversight.extract.readers import Document
from oversight.extract.resources import Resources, build_resources, name_key
from oversight.extract.segment import segment
from oversight.extract.tag import ORG, PLACE, TECH, tag
from oversight.vocab import TECHNOLOGIES


def test_lexicon_covers_the_vocabulary_and_expands_groups() -> None:
    assert set(TECHNOLOGY_CUES) == set(TECHNOLOGIES)
    assert expand("monitor{|s|ing} social media") == [
        "monitor social media",
        "monitors social media",
        "monitoring social media",
    ]
    assert sorted(expand("{licen{c|s}e|number} plate")) == ["licence plate", "license plate", "number plate"]
    assert not any("{" in cue for cues in TECHNOLOGY_CUES.values() for cue in cues)


@pytest.mark.parametrize(
    ("surface", "iso3", "kind"),
    [
        ("Kenyan", "KEN", "demonym"),
        ("Pakistani", "PAK", "demonym"),
        ("Serbian", "SRB", "demonym"),
        ("Filipino", "PHL", "demonym"),
        ("Nairobi", "KEN", "city"),
        ("Uganda Police Force", "UGA", "agency"),
        ("Ivory Coast", "CIV", "country"),
        ("Singapore", "SGP", "country"),
    ],
)
def test_gazetteer(surface: str, iso3: str, kind: str, res: Resources) -> None:
    place = res.gazetteer.terms[surface]
    assert (place.iso3, place.kind) == (iso3, kind)


def test_gazetteer_skips_small_towns_and_common_words(res: Resources) -> None:
    for word in ("Nice", "Mobile", "Reading", "Police"):
        assert word not in res.gazetteer.terms


def test_resources_pickle_and_accept_registry_records() -> None:
    gaz = build_gazetteer()
    res = build_resources(
        [
            {"name": "Acme Vision", "aliases": ["AcmeV"], "kind": "vendor", "country": "FRA"},
            {"name": "Big Bank", "aliases": [], "kind": "financier", "country": "CHN"},
        ],
        gazetteer=gaz,
    )
    assert res.canonical("AcmeV") == "Acme Vision"
    assert res.financiers == frozenset({"Big Bank"})
    clone = pickle.loads(pickle.dumps(res))
    assert clone.canonical("Acme Vision Ltd.") == "Acme Vision"


def test_name_key() -> None:
    assert name_key("Huawei Technologies Co., Ltd.") == "huawei"
    assert name_key("Genetec Inc.") == "genetec"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Kenya's police installed CCTV cameras supplied by Huawei.", True),
        ("The ministry of interior plans facial recognition at airports.", True),
        ("Huawei reported record smartphone sales in Europe.", False),  # no technology
        ("Facial recognition is a maths problem.", False),  # no organisation or agency
        ("The surveillance camerasxyz of hikvisionary", False),  # no whole-word match
        # Spanish, French and Portuguese: the technology and the buyer in the language's own words.
        ("El alcalde anunció cámaras lectoras de placas en la avenida.", True),
        ("Le maire veut étendre la vidéoprotection au marché.", True),
        ("O governador prometeu o cerco eletrônico nas estradas.", True),
        ("La película trata del reconocimiento facial y del amor.", False),  # no buyer
    ],
)
def test_prefilter(text: str, kept: bool, res: Resources) -> None:
    assert prefilter(text, res) is kept


def test_segment_keeps_offsets_and_abbreviations() -> None:
    text = "Huawei Technologies Co. Ltd. signed a deal. Mr. Smith went to Nairobi!\nHeadline\n\nNext one."
    spans = segment(text)
    sentences = [text[s:e] for s, e in spans]
    assert sentences == [
        "Huawei Technologies Co. Ltd. signed a deal.",
        "Mr. Smith went to Nairobi!",
        "Headline",
        "Next one.",
    ]


def test_tag_finds_places_orgs_technologies(res: Resources) -> None:
    text = (
        "The Uganda Police Force signed a $126 million deal with Huawei in 2019 to install CCTV "
        "financed by China Exim Bank. Acme Vision Ltd was contracted to install the command centre."
    )
    mentions = tag(text, res)
    by_kind = {(m.kind, text[m.start : m.end]) for m in mentions}
    assert ("place", "Uganda Police Force") in by_kind
    assert (ORG, "Huawei") in by_kind and (TECH, "CCTV") in by_kind
    assert ("year", "2019") in by_kind and ("money", "$126 million") in by_kind
    bank = next(m for m in mentions if m.kind == ORG and text[m.start : m.end] == "China Exim Bank")
    assert bank.org_kind == "financier"
    assert not any(m.kind == PLACE and text[m.start : m.end] == "China" for m in mentions)
    # The claim carries the name without its legal form (GUIDELINES.md §5); the mention spans it.
    acme = next(m for m in mentions if m.kind == ORG and m.value == "Acme Vision")
    assert acme.org_kind == "unknown" and text[acme.start : acme.end] == "Acme Vision Ltd"


def test_tag_matches_chinese_script(res: Resources) -> None:
    text = "巴库地铁与海康威视签署合同。"
    assert any(m.kind == ORG and m.value == "Hikvision" for m in tag(text, res))


def _claims(text: str, res: Resources) -> list[dict]:
    return extract_document(Document("t", text), res)


def _keys(text: str, res: Resources) -> set[tuple[str, str | None, str]]:
    return {(c["country"], c["vendor"], c["technology"]) for c in _claims(text, res)}


def test_relate_home_country_is_not_the_deployment_country(res: Resources) -> None:
    claims = _claims(
        "Chinese firm Huawei has installed 2,000 CCTV cameras in Lusaka, Zambia's police said.", res
    )
    assert {(c["country"], c["vendor"], c["technology"]) for c in claims} == {
        ("ZMB", "Huawei", "video_surveillance")
    }


def test_relate_resolves_the_company_to_the_last_vendor(res: Resources) -> None:
    text = (
        "Hikvision opened an office in Nairobi in 2018. "
        "Kenya's interior ministry said the company had installed facial recognition cameras in Mombasa."
    )
    claims = _claims(text, res)
    assert ("KEN", "Hikvision", "facial_recognition") in {
        (c["country"], c["vendor"], c["technology"]) for c in claims
    }


def test_financiers_are_not_vendors(res: Resources) -> None:
    claims = _claims(
        "Zimbabwe's police signed a contract for a safe city system financed by China Exim Bank in 2018.", res
    )
    assert claims and all(c["vendor"] is None for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Shares of Hikvision fell 4% after the US added the camera maker to the Entity List.",
        "Dahua unveiled a new thermal camera at the Intersec trade show in Dubai.",
        "No Ghanaian authority has proposed a facial recognition system for Accra.",
        "The Ghana Police Service declined to say whether face recognition is used in Accra.",
        "The council of Valencia, Spain, launched smart city parking sensors in 2021.",
        "El ayuntamiento de Valencia, España, lanzó en 2021 una ciudad inteligente para el alumbrado.",
        # A technology named only as the trade of a firm.
        "In 2021 Lima police signed a contract for radios with the biometrics company Acme Vision Ltd.",
        "En 2021 la policía de Lima compró radios a la empresa de videovigilancia Acme Vision SA.",
    ],
)
def test_negative_contexts_yield_nothing(text: str, res: Resources) -> None:
    assert _claims(text, res) == []


def test_an_excluded_technology_is_dropped_and_the_rest_of_the_sentence_kept(res: Resources) -> None:
    text = (
        "In 2022 the city of Lyon, France, installed 300 video surveillance cameras; "
        "the contract explicitly excludes facial recognition."
    )
    assert {k[2] for k in _keys(text, res)} == {"video_surveillance"}


def test_resolve_merges_duplicates_and_takes_the_latest_status(res: Resources) -> None:
    text = (
        "Serbia's interior ministry signed a contract with Huawei in 2017 for 1,000 cameras in Belgrade. "
        "By 2019 the Huawei cameras had been installed across the city."
    )
    claims = _claims(text, res)
    video = [c for c in claims if c["technology"] == "video_surveillance"]
    assert len(video) == 1
    assert (video[0]["status"], video[0]["year"], video[0]["city"]) == ("operational", 2019, "Belgrade")


def test_denial_in_the_next_sentence(res: Resources) -> None:
    text = (
        "Reports in 2020 said that Zimbabwe had bought facial recognition software from CloudWalk. "
        "The government denied the reports."
    )
    [claim] = _claims(text, res)
    assert claim["status"] == "denied"


@pytest.mark.parametrize(
    "ending",
    [
        "Neighbouring Myanmar has banned the main opposition party.",  # another country
        "The police said the face recognition function was never switched on.",  # another technology
    ],
)
def test_an_ending_leaves_the_story_it_is_not_about(ending: str, res: Resources) -> None:
    text = f"In 2018 the Lao police installed 900 CCTV cameras from Hikvision in Vientiane, Laos. {ending}"
    video = [c for c in _claims(text, res) if c["technology"] == "video_surveillance"]
    assert [c["status"] for c in video] == ["operational"]


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Harbour city to get 300 new police cameras\n\nThe council voted on Monday.", True),
        ("The council voted on Monday.\nNothing else", False),  # "The council ..." ends with a full stop
        ("Inside the control room: how a port town watches its streets\nBody.", True),
        (" ".join(["word"] * 25) + "\nBody.", False),  # too long for a headline
    ],
)
def test_a_headline_is_a_short_line_of_its_own_without_a_full_stop(text: str, headline: bool) -> None:
    from oversight.extract.segment import is_headline

    start, end = segment(text)[0]
    assert is_headline(text, start, end) is headline


def test_a_sentence_keeps_its_own_year_when_the_one_beside_tells_the_status(res: Resources) -> None:
    text = (
        "Kenya's interior ministry signed an agreement with Safaricom in 2014. "
        "The Safaricom network in Nairobi has 1,800 cameras, most of them from 2015."
    )
    assert [(c["status"], c["year"]) for c in _claims(text, res)] == [("contracted", 2015)]


def test_a_year_after_the_articles_own_is_no_event_year(res: Resources) -> None:
    from oversight.extract.pipeline import scored_document_claims

    text = "Ahead of the 2022 election, the police of Nairobi have installed 1,800 cameras."
    scored = scored_document_claims(Document("t", text, published="2019-08-26"), res)
    assert [(c["status"], c["year"]) for c, _ in scored] == [("operational", None)]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The city council of Nairobi, Kenya, will install 500 CCTV cameras.", 2021),
        (
            "Huawei installed face recognition cameras in Belgrade, Serbia, in 2019. "
            "The interior ministry denies that face recognition is used.",
            2021,
        ),
        # a denial the text dates keeps its year
        (
            "Huawei installed face recognition cameras in Belgrade, Serbia, in 2019. "
            "In 2020 the interior ministry denied that face recognition was used.",
            2020,
        ),
    ],
)
def test_an_undated_plan_or_denial_is_of_the_articles_year(text: str, year: int, res: Resources) -> None:
    from oversight.extract.pipeline import scored_document_claims

    scored = scored_document_claims(Document("t", text, published="2021-06-30"), res)
    assert scored and {c["year"] for c, _ in scored} == {year}


def test_the_articles_year_is_not_a_year_the_text_states(res: Resources) -> None:
    from oversight.extract.pipeline import scored_document_claims

    text = "The city council of Nairobi, Kenya, will install 500 CCTV cameras."
    scored = scored_document_claims(Document("t", text, published="2021-06-30"), res)
    assert [(c["year"], values["has_year"]) for c, values in scored] == [(2021, 0.0)]


@pytest.mark.parametrize(
    ("text", "technology", "year"),
    [
        (
            "Huawei installed 1,000 cameras in Belgrade in 2017. "
            "In 2020 the Huawei cameras were still in use across Belgrade, officials said.",
            "video_surveillance",
            2017,
        ),
        # The status is told in the next sentence, which has no year: the sentence's own stays.
        (
            "In 2018 the police of Accra, Ghana, added fingerprint scanners from Dermalog. "
            "The scanners have been in use at every station since.",
            "biometric_identification",
            2018,
        ),
    ],
)
def test_the_year_of_a_running_system_is_that_of_its_start(
    text: str, technology: str, year: int, res: Resources
) -> None:
    found = [c for c in _claims(text, res) if c["technology"] == technology and c["vendor"]]
    assert [(c["status"], c["year"]) for c in found] == [("operational", year)]


def test_an_event_without_a_supplier_beside_a_named_one_is_its_own_claim(res: Resources) -> None:
    from oversight.extract.pipeline import scored_document_claims

    text = (
        "Huawei installed 1,000 cameras in Belgrade in 2017. "
        "In 2021 the city council announced a tender for 2,000 more cameras in Belgrade."
    )
    scored = scored_document_claims(Document("t", text), res)
    video = {
        (c["vendor"], c["status"], c["year"]): values
        for c, values in scored
        if c["technology"] == "video_surveillance"
    }
    assert set(video) == {("Huawei", "operational", 2017), (None, "planned", 2021)}
    assert video[(None, "planned", 2021)]["vendor_named_elsewhere"] == 1.0
    assert video[(None, "planned", 2021)]["status_unlike_named"] == 1.0


def test_the_owner_in_a_description_of_the_supplier_is_not_a_supplier(res: Resources) -> None:
    text = (
        "Zambia's police hired CEIEC, the trading arm of the state-owned China Electronics Corporation, "
        "to install CCTV cameras in Lusaka in 2018."
    )
    assert {c["vendor"] for c in _claims(text, res)} == {"CEIEC"}


@pytest.mark.parametrize(
    ("text", "technology"),
    [
        ("The Croatian police launched a national crime data bank in Zagreb in 2019.", "smart_policing"),
        ("Since 2016 the police in Lima have used software to map crime and plan patrols.", "smart_policing"),
        ("Since 2019 the police in Nairobi have been using a gang database.", "smart_policing"),
        (
            "The records went into a central registry launched by the Peruvian government in 2021.",
            "big_data_platform",
        ),
        (
            "En 2018 la policía de Chile puso en marcha un sistema de análisis criminal en Santiago.",
            "smart_policing",
        ),
    ],
)
def test_police_data_and_central_registers_are_recognised(text: str, technology: str, res: Resources) -> None:
    assert technology in {c["technology"] for c in _claims(text, res)}


def test_a_story_naming_only_its_suppliers_home_is_a_deployment_at_home(res: Resources) -> None:
    text = (
        "Munich's police have picked the German start-up Dermalog. "
        "Officers began using its fingerprint scanners in May 2023."
    )
    assert ("DEU", "Dermalog", "biometric_identification") in _keys(text, res)


def test_a_similar_system_takes_the_technology_told_before_in_its_own_part(res: Resources) -> None:
    text = (
        "Kenya's police installed face recognition cameras in Nairobi in 2019, supplied by Huawei. "
        "Uganda runs a similar system in Kampala, and Tanzania's new ID card was made by Idemia."
    )
    keys = _keys(text, res)
    assert ("UGA", None, "facial_recognition") in keys
    assert not any(country == "UGA" and vendor == "Idemia" for country, vendor, _ in keys)


def test_a_similar_system_far_from_any_technology_cue_keeps_its_year(res: Resources) -> None:
    background = " ".join(["The budget debate lasted all week."] * 4)
    text = (
        "Kenya's police installed face recognition cameras in Nairobi in 2019, supplied by Huawei. "
        f"{background} Uganda installed a similar system in Kampala in 2021."
    )
    uganda = [c for c in _claims(text, res) if c["country"] == "UGA"]
    assert uganda and {c["year"] for c in uganda} == {2021}


def test_a_smart_city_with_a_security_element_stays(res: Resources) -> None:
    text = "In 2021 the police of Valencia, Spain, launched a smart city project to fight crime."
    assert ("ESP", None, "safe_city") in _keys(text, res)


@pytest.mark.parametrize(
    "text",
    [
        "Officers in Lima carry handheld devices for face and fingerprint recognition.",
        "The new cameras in Lima have facial, car licence recognition capacity.",
    ],
)
def test_face_recognition_sharing_its_noun_with_another_kind_is_recognised(text: str, res: Resources) -> None:
    assert "facial_recognition" in {m.value for m in tag(text, res) if m.kind == TECH}


@pytest.mark.parametrize(
    ("text", "technology"),
    [
        ("The ministry trained its screening system on facial images.", "facial_recognition"),
        ("The agency built a searchable database of faces from scraped photos.", "facial_recognition"),
        ("The new register holds palm prints of every applicant.", "biometric_identification"),
        ("A public safety platform links the fire brigade and the police.", "safe_city"),
        ("Officers run intelligence-led policing from a new analysis hub.", "smart_policing"),
        ("A cell of officers scans public posts before each rally.", "social_media_monitoring"),
        ("Technicians helped break into encrypted messages of activists.", "social_media_monitoring"),
        ("The police bought IMSI catchers last year.", "social_media_monitoring"),
        ("Agents gained access to the phones of two editors.", "social_media_monitoring"),
        ("Engineers were asked to spy on their political opponents.", "social_media_monitoring"),
        ("The plan funds a command, control and communications hub.", "safe_city"),
        ("The software compares the faces of travellers with a list.", "facial_recognition"),
        ("The agency renewed its intelligence analysis software.", "smart_policing"),
        ("The ministry is building a data lake of citizens' records.", "big_data_platform"),
        ("The force added surveillance drones to its fleet.", "video_surveillance"),
        ("The new system reads vehicle licence plates at every junction.", "video_surveillance"),
        ("The software picks out faces and licence plates in real time.", "video_surveillance"),
        ("The council bought an LPR system and body cams for its wardens.", "video_surveillance"),
        ("Officers now fly drones with thermal cameras over the border.", "video_surveillance"),
        ("La intendencia compró drones policiales para el verano.", "video_surveillance"),
        ("El proyecto de televigilancia móvil opera desde 2018.", "video_surveillance"),
        ("Os novos postes leem placas de veículos.", "video_surveillance"),
        ("Le logiciel doit lire les plaques des véhicules.", "video_surveillance"),
        # Spanish, French and Portuguese: each language's own words for each technology.
        ("La alcaldía usa analítica facial para identificar rostros en el metro.", "facial_recognition"),
        ("Le logiciel doit reconnaître les visages des passants.", "facial_recognition"),
        ("A prefeitura contratou um sistema de biometria facial para os ônibus.", "facial_recognition"),
        ("Los lectores de placas del peaje enviarán alertas a la policía.", "video_surveillance"),
        ("La commune a étendu son parc de caméras de vidéoprotection.", "video_surveillance"),
        ("Le centre de supervision urbain suit les images en direct.", "video_surveillance"),
        ("O estado ampliou o cerco eletrônico nas rodovias.", "video_surveillance"),
        ("El centro de comando y control enlaza a bomberos y policía.", "safe_city"),
        ("O centro integrado de comando reúne polícia e bombeiros.", "safe_city"),
        ("La policía compró un software de patrullaje predictivo.", "smart_policing"),
        ("La policía moderniza sus sistemas de análisis de inteligencia.", "smart_policing"),
        ("Le contrat prévoit neuf salles de commandement régionales.", "safe_city"),
        ("A plataforma cruza imagens com bases policiais.", "smart_policing"),
        ("Le fichier de police sera relié au nouveau système.", "smart_policing"),
        ("Los fiscales descubrieron un programa espía en los teléfonos.", "social_media_monitoring"),
        ("L'agence pratique la surveillance des réseaux sociaux.", "social_media_monitoring"),
        ("Jornalistas denunciaram escutas telefônicas ilegais.", "social_media_monitoring"),
        ("El ministerio creó una base de datos centralizada de ciudadanos.", "big_data_platform"),
        ("Le projet prévoit l'interconnexion des fichiers de l'état civil.", "big_data_platform"),
        ("O governo fará o cruzamento de dados de todos os ministérios.", "big_data_platform"),
        ("El registro exige las huellas dactilares de cada votante.", "biometric_identification"),
        ("Les demandeurs donnent leurs empreintes digitales au guichet.", "biometric_identification"),
    ],
)
def test_each_language_names_each_technology(text: str, technology: str, res: Resources) -> None:
    assert technology in {m.value for m in tag(text, res) if m.kind == TECH}


@pytest.mark.parametrize(
    ("text", "technology"),
    [
        (
            "In 2021 the police of Peru installed a big data platform supplied by Acme Analytics Ltd.",
            "smart_policing",
        ),
        (
            "Em 2022 a polícia de Recife implantou um cruzamento de dados da Acme Dados Ltda.",
            "smart_policing",
        ),
        (
            "In 2021 the government of Peru installed a big data platform supplied by Acme Analytics Ltd.",
            "big_data_platform",
        ),
    ],
)
def test_a_data_platform_of_the_police_is_smart_policing(text: str, technology: str, res: Resources) -> None:
    assert {c["technology"] for c in _claims(text, res)} == {technology}


@pytest.mark.parametrize(
    "text",
    [
        "The city bought twenty face recognition cameras for the station.",
        "La ciudad compró veinte cámaras de reconocimiento facial para la estación.",
        "A cidade comprou vinte câmeras de reconhecimento facial para a estação.",
        "La ville a acheté vingt caméras de reconnaissance faciale pour la gare.",
    ],
)
def test_face_recognition_cameras_are_one_facial_recognition_cue(text: str, res: Resources) -> None:
    assert {m.value for m in tag(text, res) if m.kind == TECH} == {"facial_recognition"}


@pytest.mark.parametrize(
    "text",
    [
        "Since 2021 police in Lima have used software matching faces in images taken from street cameras.",
        "In 2022 the police of Lima bought face recognition software that runs on a network of 400 cameras.",
        "En Lima la policía utiliza reconocimiento facial sobre imágenes de las cámaras de seguridad.",
        "In 2020 the police of Lima installed face recognition on the existing CCTV cameras.",
        "En 2020 la policía de Lima instaló reconocimiento facial en las cámaras existentes.",
        "En Lima, el reconocimiento facial de la policía opera desde 2019 sobre cámaras de seguridad.",
    ],
)
def test_cameras_named_as_the_input_of_another_system_give_no_camera_claim(text: str, res: Resources) -> None:
    assert {c["technology"] for c in _claims(text, res)} == {"facial_recognition"}


def test_cameras_installed_beside_face_recognition_keep_their_claim(res: Resources) -> None:
    text = "In 2020 the police of Lima installed 400 cameras with face recognition."
    assert {c["technology"] for c in _claims(text, res)} == {"facial_recognition", "video_surveillance"}


@pytest.mark.parametrize(
    "text",
    [
        "The police of Oslo bought a data analysis platform from Acme Analytics Ltd in 2021.",
        "In 2021 the police of Oslo rolled out a new analysis platform supplied by Acme Analytics Ltd.",
        "The police of Oslo has used police data analysis software from Acme Analytics Ltd since 2021.",
    ],
)
def test_an_analysis_platform_of_the_police_is_smart_policing(text: str, res: Resources) -> None:
    assert "smart_policing" in {c["technology"] for c in _claims(text, res)}


@pytest.mark.parametrize(
    "text",
    [
        "El ministerio compró una plataforma de análisis de datos para cruzar registros.",
        "Le ministère a acheté un logiciel d'analyse de données.",
        "O ministério contratou uma ferramenta de análise de dados.",
    ],
)
def test_romance_data_analysis_platforms_are_named(text: str, res: Resources) -> None:
    assert "big_data_platform" in {m.value for m in tag(text, res) if m.kind == TECH}


def test_readers_named_as_the_input_of_a_police_platform_give_no_camera_claim(res: Resources) -> None:
    text = (
        "In 2021 the police of Oslo rolled out an analysis platform supplied by Acme Analytics Ltd "
        "that links records from licence plate readers."
    )
    assert {c["technology"] for c in _claims(text, res)} == {"smart_policing"}


@pytest.mark.parametrize(
    "text",
    [
        "La fiscalía compró un sistema biométrico facial, palmar y dactilar.",
        "La puerta realiza una comprobación biométrica facial o dactilar.",
        "Le guichet procède à une vérification biométrique faciale.",
        "A polícia contratou um sistema multibiométrico facial e digital.",
    ],
)
def test_romance_facial_after_a_shared_biometric_adjective_is_both_kinds(text: str, res: Resources) -> None:
    kinds = {m.value for m in tag(text, res) if m.kind == TECH}
    assert kinds >= {"facial_recognition", "biometric_identification"}


def test_a_technology_deployed_by_a_firm_described_by_its_trade_stays(res: Resources) -> None:
    text = "In 2021 the biometrics company Acme Vision Ltd installed fingerprint scanners in Lima."
    assert ("PER", "Acme Vision", "biometric_identification") in _keys(text, res)


def test_romance_plate_readers_are_named(res: Resources) -> None:
    kinds = {m.value for m in tag("Se instalaron lectoras de matrículas.", res) if m.kind == TECH}
    assert "video_surveillance" in kinds


def test_the_one_supplier_of_an_article_is_lent_only_in_its_own_countries(res: Resources) -> None:
    text = (
        "Peru's national police signed a contract with NEC in 2021 for face recognition cameras in Lima.\n\n"
        "Officials said the first cameras would go up in the historic centre.\n\n"
        "Elsewhere in the region, Chile's police began a trial of face recognition in Santiago in 2022."
    )
    keys = _keys(text, res)
    assert ("PER", "NEC", "facial_recognition") in keys
    assert ("CHL", None, "facial_recognition") in keys
    assert not any(country == "CHL" and vendor == "NEC" for country, vendor, _ in keys)
