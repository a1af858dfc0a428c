# ruff: noqa: E501 - the table is data, one country a line
"""Country adjectives of Spanish, French and Portuguese, for the agencies they place.

In these languages the adjective follows the noun and agrees with it: "la policía boliviana",
"el gobierno venezolano", "l'État camerounais", "les autorités ivoiriennes", "o governo
angolano". After a public body's noun the adjective names the buyer's country, like "Bolivian
police" in English (gazetteer.DEMONYMS); alone ("la empresa china", "une société française")
it labels a supplier and is not tagged.

``ADJECTIVES`` gives the masculine singular of each language; ``inflections`` makes the
feminine and plural forms by the ending, the way the grammar of each language does.
"""

from __future__ import annotations

# iso3: (Spanish, French, Portuguese); "/" separates two adjectives of one language.
ADJECTIVES: dict[str, tuple[str, str, str]] = {
    "ARG": ("argentino", "argentin", "argentino"),
    "BOL": ("boliviano", "bolivien", "boliviano"),
    "BRA": ("brasileño", "brésilien", "brasileiro"),
    "CHL": ("chileno", "chilien", "chileno"),
    "COL": ("colombiano", "colombien", "colombiano"),
    "CRI": ("costarricense", "costaricien", "costarriquenho/costa-riquenho"),
    "CUB": ("cubano", "cubain", "cubano"),
    "DOM": ("dominicano", "dominicain", "dominicano"),
    "ECU": ("ecuatoriano", "équatorien", "equatoriano"),
    "SLV": ("salvadoreño", "salvadorien", "salvadorenho"),
    "GTM": ("guatemalteco", "guatémaltèque", "guatemalteco"),
    "HND": ("hondureño", "hondurien", "hondurenho"),
    "MEX": ("mexicano", "mexicain", "mexicano"),
    "NIC": ("nicaragüense", "nicaraguayen", "nicaraguense"),
    "PAN": ("panameño", "panaméen", "panamenho"),
    "PRY": ("paraguayo", "paraguayen", "paraguaio"),
    "PER": ("peruano", "péruvien", "peruano"),
    "URY": ("uruguayo", "uruguayen", "uruguaio"),
    "VEN": ("venezolano", "vénézuélien", "venezuelano"),
    "HTI": ("haitiano", "haïtien", "haitiano"),
    "JAM": ("jamaiquino", "jamaïcain", "jamaicano"),
    "DZA": ("argelino", "algérien", "argelino"),
    "AGO": ("angoleño", "angolais", "angolano"),
    "BEN": ("beninés", "béninois", "beninense"),
    "BFA": ("burkinés", "burkinabè", "burquinense"),
    "BDI": ("burundés", "burundais", "burundiano"),
    "CMR": ("camerunés", "camerounais", "camaronês"),
    "CPV": ("caboverdiano", "cap-verdien", "cabo-verdiano"),
    "TCD": ("chadiano", "tchadien", "chadiano"),
    "CIV": ("marfileño", "ivoirien", "marfinense"),
    "DJI": ("yibutiano", "djiboutien", "djiboutiano"),
    "EGY": ("egipcio", "égyptien", "egípcio"),
    "ETH": ("etíope", "éthiopien", "etíope"),
    "GAB": ("gabonés", "gabonais", "gabonês"),
    "GHA": ("ghanés", "ghanéen", "ganês"),
    "GIN": ("guineano", "guinéen", "guineense"),
    "GNQ": ("ecuatoguineano", "équato-guinéen", "equato-guineense"),
    "KEN": ("keniano", "kényan", "queniano"),
    "LBY": ("libio", "libyen", "líbio"),
    "MDG": ("malgache", "malgache", "malgaxe"),
    "MLI": ("maliense", "malien", "maliano"),
    "MAR": ("marroquí", "marocain", "marroquino"),
    "MRT": ("mauritano", "mauritanien", "mauritano"),
    "MOZ": ("mozambiqueño", "mozambicain", "moçambicano"),
    "NER": ("nigerino", "nigérien", "nigerino"),
    "NGA": ("nigeriano", "nigérian", "nigeriano"),
    "RWA": ("ruandés", "rwandais", "ruandês"),
    "SEN": ("senegalés", "sénégalais", "senegalês"),
    "SDN": ("sudanés", "soudanais", "sudanês"),
    "TZA": ("tanzano", "tanzanien", "tanzaniano"),
    "TGO": ("togolés", "togolais", "togolês"),
    "TUN": ("tunecino", "tunisien", "tunisiano"),
    "UGA": ("ugandés", "ougandais", "ugandense"),
    "ZAF": ("sudafricano", "sud-africain", "sul-africano"),
    "ZMB": ("zambiano", "zambien", "zambiano"),
    "ZWE": ("zimbabuense", "zimbabwéen", "zimbabuano"),
    "CHN": ("chino", "chinois", "chinês"),
    "RUS": ("ruso", "russe", "russo"),
    "ESP": ("español", "espagnol", "espanhol"),
    "FRA": ("francés", "français", "francês"),
    "PRT": ("portugués", "portugais", "português"),
    "GBR": ("británico", "britannique", "britânico"),
    "DEU": ("alemán", "allemand", "alemão"),
    "ITA": ("italiano", "italien", "italiano"),
    "ISR": ("israelí", "israélien", "israelense"),
    "IRN": ("iraní", "iranien", "iraniano"),
    "IRQ": ("iraquí", "irakien", "iraquiano"),
    "SYR": ("sirio", "syrien", "sírio"),
    "TUR": ("turco", "turc", "turco"),
    "SAU": ("saudí", "saoudien", "saudita"),
    "ARE": ("emiratí", "émirien", "emiradense"),
    "QAT": ("catarí", "qatari", "catariano"),
    "IND": ("indio", "indien", "indiano"),
    "PAK": ("paquistaní/pakistaní", "pakistanais", "paquistanês"),
    "AFG": ("afgano", "afghan", "afegão"),
    "BGD": ("bangladesí", "bangladais", "bengalês"),
    "JPN": ("japonés", "japonais", "japonês"),
    "PHL": ("filipino", "philippin", "filipino"),
    "IDN": ("indonesio", "indonésien", "indonésio"),
    "MYS": ("malasio", "malaisien", "malaio"),
    "THA": ("tailandés", "thaïlandais", "tailandês"),
    "VNM": ("vietnamita", "vietnamien", "vietnamita"),
    "MMR": ("birmano", "birman", "birmanês"),
    "UKR": ("ucraniano", "ukrainien", "ucraniano"),
    "SRB": ("serbio", "serbe", "sérvio"),
    "BLR": ("bielorruso", "biélorusse", "bielorrusso"),
    "HUN": ("húngaro", "hongrois", "húngaro"),
    "POL": ("polaco", "polonais", "polonês"),
    "KAZ": ("kazajo", "kazakh", "cazaque"),
    "UZB": ("uzbeko", "ouzbek", "uzbeque"),
    "KGZ": ("kirguís", "kirghize", "quirguiz"),
    "TJK": ("tayiko", "tadjik", "tajique"),
}

# Public bodies before an adjective of their country.
AGENCY_NOUNS = {
    "es": ("gobierno", "policía", "policía nacional", "ejército", "estado", "autoridades", "ministerio",
           "gendarmería", "fuerzas de seguridad", "fuerzas armadas", "ministerio del interior"),
    "fr": ("gouvernement", "police", "police nationale", "armée", "état", "autorités", "ministère",
           "gendarmerie", "forces de sécurité", "forces de défense et de sécurité", "ministère de l'intérieur"),
    "pt": ("governo", "polícia", "polícia nacional", "exército", "estado", "autoridades", "ministério",
           "forças de segurança", "forças armadas", "ministério do interior"),
}  # fmt: skip

# Endings of the masculine singular and the forms they make: feminine, masculine plural,
# feminine plural (longest ending first).
_ENDINGS = {
    "es": (("és", ("esa", "eses", "esas")), ("án", ("ana", "anes", "anas")), ("ol", ("ola", "oles", "olas")),
           ("í", ("íes", "ís")), ("o", ("a", "os", "as")), ("e", ("es",)), ("a", ("as",)), ("s", ())),
    "fr": (("éen", ("éenne", "éens", "éennes")), ("ien", ("ienne", "iens", "iennes")), ("ais", ("aise", "aises")),
           ("ois", ("oise", "oises")), ("ain", ("aine", "ains", "aines")), ("in", ("ine", "ins", "ines")),
           ("an", ("ane", "ans", "anes")), ("and", ("ande", "ands", "andes")), ("ol", ("ole", "ols", "oles")),
           ("c", ("que", "cs", "ques")), ("k", ("ke", "ks", "kes")), ("e", ("es",)), ("è", ("ès",)), ("i", ("ie", "is", "ies"))),
    "pt": (("ês", ("esa", "eses", "esas")), ("ão", ("ã", "ães", "ãos", "ãs")), ("ol", ("ola", "óis", "olas")),
           ("o", ("a", "os", "as")), ("e", ("es",)), ("a", ("as",)), ("z", ("zes",))),
}  # fmt: skip


def inflections(adjective: str, language: str) -> list[str]:
    """The masculine singular and the feminine and plural forms of a country adjective:
    "boliviano" → boliviana, bolivianos, bolivianas; "ivoirien" → ivoirienne, ivoiriens,
    ivoiriennes; "camaronês" → camaronesa, camaroneses, camaronesas."""
    for ending, forms in _ENDINGS[language]:
        if adjective.endswith(ending):
            stem = adjective[: len(adjective) - len(ending)]
            return [adjective, *(stem + form for form in forms)]
    return [adjective]


def agency_names() -> dict[str, str]:
    """Every "public body + adjective" phrase, as written with the body's noun in lower case
    and capitalised, to the country it places: "policía boliviana", "Gouvernement ivoirien"."""
    names: dict[str, str] = {}
    for iso3, adjectives in ADJECTIVES.items():
        for language, written in zip(("es", "fr", "pt"), adjectives, strict=True):
            for adjective in written.split("/"):
                for form in inflections(adjective, language):
                    for noun in AGENCY_NOUNS[language]:
                        for written_noun in _capitalisations(noun):
                            names[f"{written_noun} {form}"] = iso3
    return names


def _capitalisations(noun: str) -> set[str]:
    """"policía nacional", "Policía nacional", "policía Nacional", "Policía Nacional";
    "ministère de l'Intérieur" (articles and prepositions stay in lower case)."""
    words = noun.split()
    titled = " ".join([words[0], *(_capitalised_word(w) for w in words[1:])])
    return {noun, noun[0].upper() + noun[1:], titled, titled[0].upper() + titled[1:]}


def _capitalised_word(word: str) -> str:
    if len(word) < 4:  # "de", "del", "et"
        return word
    if word[1:2] == "'":  # "l'intérieur" → "l'Intérieur"
        return word[:2] + word[2].upper() + word[3:]
    return word[0].upper() + word[1:]
