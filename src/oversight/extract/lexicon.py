# ruff: noqa: E501 - cue tables are data, one phrase pattern a line
"""Cue phrases of the extractor: technologies, deployment status, and contexts that are not
deployments (sanctions, stock news, product launches, opinion).

Cues are plain phrases matched case-insensitively on word boundaries. ``{a|b}`` expands to
alternatives so that inflections stay readable ("monitor{|s|ed|ing} social media").
"""

from __future__ import annotations

import itertools
import re

from oversight.extract import lexicon_romance

_GROUP_RE = re.compile(r"\{([^{}]*)\}")


def expand(pattern: str) -> list[str]:
    """All phrases a pattern with ``{a|b}`` groups stands for, spaces normalised. Groups may
    nest ("{licen{c|s}e|number} plate"): the innermost are expanded first."""
    parts = _GROUP_RE.split(pattern)
    literals, groups = parts[0::2], [group.split("|") for group in parts[1::2]]
    out = []
    for choice in itertools.product(*groups):
        text = literals[0] + "".join(c + lit for c, lit in zip(choice, literals[1:], strict=True))
        out.extend(expand(text) if "{" in text else [" ".join(text.split())])
    return list(dict.fromkeys(out))  # nested groups can give a phrase twice


def _cues(block: str) -> list[str]:
    phrases = [
        phrase
        for line in block.strip().splitlines()
        if line.strip()
        for phrase in expand(line.strip().lower())
    ]
    return phrases


# Technology cues, by vocabulary id. A cue marked weak only counts when no strong cue of
# another technology is in the same sentence ("facial recognition, a biometric technology").
TECHNOLOGY_CUES: dict[str, list[str]] = {
    "facial_recognition": _cues("""
        {facial|face|face-|facial-} {recognition|recognising|recognizing|recognise|recognize}
        facial-recognition
        face-recognition
        {facial|face} {identification|detection|matching|verification|analysis|analytics|scanning|scanners|scanner|comparison}
        {face|facial}-{scanning|matching|detection|identification|analysis|comparison|search}
        facevacs
        facial {biometrics|recognition technology|recognition camera|recognition cameras|images database}
        face{ |-}recognition camera{|s}
        recognise faces
        recognize faces
        identify faces
        identifying faces
        face {search|capture} {system|systems|cameras}
        {facial|face} {images|image database|templates|biometric data|data}
        {database|databases} of faces
        faceprint{|s}
        {identify|identifies|identified|match|matches|matched|matching|scan|scans|scanned|scanning|compare|compares|compared|comparing} {the |people's |}faces
        {match|matches|matched|matching} {photos|photographs|images|pictures} of {people|persons|suspects|individuals}
        lfr
    """),
    "biometric_identification": _cues("""
        fingerprint{|s|ing} {|scanners|readers|identification|database|system|data}
        {afis|abis}
        {palm print|palm prints|palmprint|palmprints}
        iris {scan|scans|scanning|scanner|scanners|recognition|data}
        {voice|speaker} {recognition|identification|biometrics|prints}
        voiceprint{|s}
        gait recognition
        dna {database|databases|samples|collection|sequencers|profiling|testing kits|phenotyping}
        biometric {id|identity|identification|registration|enrolment|enrollment|voter|passport|passports|cards|data|database|system|systems|kits|scanners|verification|border}
        biometrics
        biometric
        multibiometric{|s}
    """),
    "safe_city": _cues("""
        safe{ |-}cit{y|ies}
        smart{ |-}cit{y|ies}
        {|integrated} command{ and |-and-| }control {|centre|center|centres|centers}
        command, control
        {|integrated|police|emergency} command {centre|center|centres|centers}
        intelligent operations {centre|center}
        city brain
        urban brain
        public security {platform|system|project|network|cloud|centre|center}
        {monitoring|surveillance|security|operations|control|emergency response} {centre|center|centres|centers|hub}
        command hub
        {police|central|joint} command post
        nerve centre
        {c4i|c5i|ecu 911|ecu-911}
        {intelligent|smart} security city
        public{ |-}safety {platform|system|project|network|cloud|centre|center|monitoring system}
        integrated operations {centre|center|centres|centers}
        command{ |-}and{ |-}dispatch
    """),
    "smart_policing": _cues("""
        predictive policing
        {smart|intelligent|data-driven} policing
        crime {prediction|forecasting|analytics|analysis software|mapping}
        predict{|s|ing} crime{|s}
        {police|policing} {analytics|data platform|cloud|big data|intelligence platform}
        integrated joint operations platform
        ijop
        gunshot detection
        police {information|data|records|intelligence} {platform|system|systems|database|analysis}
        police data{-| }analysis
        {predicts|predict|predicting} where {crime|crimes}
        crime records
        pre-crime
        precrime
        e-policing
        {police|criminal records|crime} {database|databases}
        criminal records {system|platform}
        crime {data|data bank|and incident database|hotspots|hot spots}
        {map|maps|mapped} crime
        predictive crime
        {criminal|suspect} {profiles|profiling}
        {gang|gangs} {database|databases|matrix}
        hotspot policing
        intelligence{ |-}led policing
        {crime|criminal} {intelligence|analysis} {system|systems|platform|software|database|tool|tools}
        link analysis
        intelligence analysis {system|systems|platform|platforms|software}
    """),
    "video_surveillance": _cues("""
        cctv
        closed-circuit {television|cameras}
        closed circuit {television|cameras}
        {surveillance|security|ip|smart|police|traffic|street|hd|thermal|ai|high-definition|speed} camera{|s}
        {cameras|camera network|camera networks|camera system}
        video {surveillance|analytics|monitoring|management system|wall}
        {licen{c|s}e|number}{ |-}plate {recognition|readers|reader|cameras|recognition cameras}
        automatic number{ |-}plate
        {licen{c|s}e|number}{ |-}plate reading
        video {management software|management platform|management systems}
        {surveillance|police|camera} drone{|s}
        body{ |-}{worn |}camera{|s}
        bodycams
        body{ |-}cam{|s}
        {anpr|alpr|lpr} {|cameras|readers|system|systems}
        plate{ |-}{readers|reader|reading|recognition|capture}
        {read|reads|reading|scan|scans|scanning|identify|identifies|identifying|recognise|recognises|recognising|recognize|recognizes|recognizing|capture|captures|capturing|check|checks|checking} {|number |licence |license |vehicle |vehicle licence |vehicle license |vehicle number |car }plates
        {faces|face} and {|vehicle |car }{licence|license|number} plates
        drone{|s} {with|carrying|fitted with|equipped with} {|thermal |high-definition |hd |night-vision }cameras
        sharp eyes
        skynet
    """),
    "social_media_monitoring": _cues("""
        monitor{|s|ed|ing} social media
        social media {monitoring|surveillance|analytics|intelligence|tracking}
        {internet|online|web|communications|phone|mobile} {monitoring|surveillance|interception}
        monitor{|s|ed|ing} {the internet|online|communications|phone calls|internet traffic}
        {lawful|communications} interception
        intercept{|s|ed|ing} {communications|calls|phone calls|messages}
        deep packet inspection
        spyware
        {phone|mobile} hacking
        wiretap{|s|ping}
        open-source intelligence
        osint
        pegasus
        predator spyware
        {social media|online|internet} censorship
        social media accounts
        monitor{|s|ed|ing} {messaging apps|private groups|chat groups|whatsapp groups}
        {scan|scans|scanned|scanning|monitor|monitors|monitored|track|tracks|tracked|tracking|trawl|trawls} {public posts|online posts|social media posts|posts on social media}
        {spy|spied|spying|spies} on {|their |its |the }{political opponents|opponents|opposition figures|opposition|journalists|activists|dissidents|critics|citizens|bloggers}
        {break|broke|broken|breaking|hack|hacked|hacking|hacks} into {|the |their }{encrypted|phones|mobile phones|whatsapp|skype|telegram|facebook|email|e-mail|social media}
        {access|accessed|accessing|gain access to|gained access to} {the |their |}{phones|mobile phones|facebook pages|facebook accounts|social media accounts|whatsapp|email accounts|e-mail accounts}
        {imsi catcher|imsi catchers|stingray device|stingray devices|cell{ |-}site simulator|cell{ |-}site simulators}
        {phone|telephone|mobile} {tapping|taps|interception}
        eavesdrop{|s|ped|ping}
        cyber{ |-|}surveillance
    """),
    "big_data_platform": _cues("""
        big data {|platform|platforms|analytics|centre|center|system}
        data fusion
        {population|citizen|national|resident|residents} {database|databases|registry|register|data platform}
        social credit {|system|score|scores}
        citizen {scoring|score|scores}
        {integrated|centralised|centralized|unified} {database|databases|data platform}
        {data integration|data analytics|intelligence} platform
        {data{ |-}analysis|data{ |-}analytics} {platform|platforms|software|tool|tools|system|systems}
        analysis platform{|s}
        national data {centre|center}
        {national identity|identity|national id|digital identity|digital id} {database|databases|register|registry|management system|system|platform}
        {smart|biometric} {id cards|identity cards|national id cards}
        {central|centralised|centralized} {database|databases|registry|register|digital registry|data platform}
        data lake{|s}
        {population|civil} {register|registry|registration} system
        {cross-referenc{e|es|ed|ing}|link{|s|ed|ing}|merg{e|es|ed|ing}} {government|citizens'|personal} {data|databases|records}
    """),
}
# Cues in Spanish, French and Portuguese (lexicon_romance).
for _tech, _block in lexicon_romance.TECHNOLOGY.items():
    TECHNOLOGY_CUES[_tech].extend(_cues(_block))

WEAK_TECHNOLOGY_CUES = frozenset(
    [
        f"{a} {b}"
        for a in ("population", "citizen", "national", "resident", "residents")
        for b in ("database", "databases", "registry", "register")
    ]
    + [f"{a} {b}" for a in ("central", "centralised", "centralized") for b in ("database", "databases")]
    + ["biometric", "biometrics", "smart city", "smart cities", "smart-city", "smart-cities"]
    + _cues(lexicon_romance.SMART_CITY)
)
TECHNOLOGY_CUES["safe_city"].extend(_cues(lexicon_romance.SMART_CITY))
# The weak safe_city cues (smart city) name a public-security project only in a sentence with a
# word of security (GUIDELINES.md §1: smart-city deals with no security element are not claims).
SECURITY_WORDS_RE = re.compile(
    r"\b(?:safe|security|safety|police|policing|surveillance|crime|criminal|cameras?|cctv|emergency|monitoring"
    r"|seguridad|segura|segurança|sécurité|sûre|policía|polícia|vigilancia|vigilância|vidéo\w*|video\w*"
    r"|cámaras|câmeras|câmaras|caméras|monitoreo|monitoramento|delito|crimes?|criminalité)\b",
    re.IGNORECASE,
)

# Words naming the police in the four languages: a data platform or database of a sentence that
# names the police is a police data platform, smart_policing (GUIDELINES.md §4).
POLICE_WORDS_RE = re.compile(
    r"\b(?:police|policing|policemen|polic[ií]a|pol[ií]cia|policiais|policiales|policial|policier|policiers"
    r"|gendarmerie|gendarmer[ií]a|carabineros|law enforcement)\b",
    re.IGNORECASE,
)

# Status cues. When a sentence holds several, the first status in STATUS_PRECEDENCE wins:
# a denial or cancellation overrides the deployment it is about.
STATUS_CUES: dict[str, list[str]] = {
    "denied": _cues("""
        {denied|denies|deny|denying}
        {rejected|dismissed|refuted} {the |}{reports|claims|allegations}
        {no|not any} such {system|contract|deal|cameras|agreement}
        has not supplied
        never supplied
        did not supply
        does not supply
        {false|baseless|unfounded} {reports|claims|allegations}
        {never switched on|never been switched on|never activated|never been activated|not been activated|not being used|is not used|are not used|not in use}
        {does not provide|do not provide|did not provide|has never provided|never provided}
    """),
    "cancelled": _cues("""
        {cancelled|canceled|cancels|cancelling|canceling|cancellation}
        {scrapped|scraps|scrapping}
        {suspended|suspends|suspension}
        {halted|halts|halting}
        {terminated|terminates|termination of}
        {abandoned|abandons}
        {shelved|shelves}
        {withdrew from|withdrawn|pulled out of|backed out of}
        {put on hold|paused|dropped the|dropped plans|ditched}
        {banned|bans|ban on|moratorium}
        {discontinued|switched off|dismantled|ripped out|removed the}
        {stopped using|stop using|no longer uses|no longer using|ended its use|ended the use}
        {ended its|ended the|has ended|have ended|pulled the plug|was terminated|were terminated}
        {annulled|revoked|rescinded|blocked the}
        {not to switch on|not to activate|would be unlawful|was unlawful|is unlawful|ruled unlawful|declared unlawful}
        {forbade|forbidden|forbids|prohibited|prohibits|ordered to stop|ordered it to stop|ordered the police to stop}
    """),
    "pilot": _cues("""
        pilot{|s|ed|ing}
        {pilot project|pilot phase|pilot programme|pilot program}
        trial{|s|led|ed|ling|ing}
        {test phase|testing phase|field test|field tests|being tested|was tested|were tested|tested the|testing the}
        {proof of concept|proof-of-concept}
        {limited roll-out|limited rollout}
        {began testing|started testing|is testing|are testing|being trialled|being trialed|being piloted|testing phase}
    """),
    "operational": _cues("""
        {installed|has installed|have installed|were installed|was installed|installing}
        {deployed|has deployed|have deployed|were deployed|was deployed|deploying}
        {in use|in operation|in service|operational|up and running|went live|gone live|goes live}
        {running|has been running|is running|now running|been running|went into operation|brought online}
        {has been using|have been using|is using|are using|relies on|relied on|was using|were using}
        {operates|operated|operating|runs the|running the}
        {completed|commissioned|inaugurated|unveiled the|handed over|launched}
        {rolled out|rolls out|rolling out}
        {equipped with|fitted with|powered by|built by|built the|implemented}
        {now monitors|monitors|monitored|began operating|began operations|became operational|has been operating}
        {has set up|set up|has built|have built|was built|were built|has rolled out}
        {put up|puts up|has put up|have put up|putting up|was put up|were put up|went up|gone up|in action}
    """),
    "contracted": _cues("""
        {signed|signs|signing} {a|an|the} {contract|deal|agreement|agreements|contracts|deals}
        {signed|inked|clinched|won|secured|awarded|awards|was awarded|were awarded|has awarded} {a |an |the |}{contract|deal|tender|bid|agreement}
        {contract|deal|agreement} {was signed|has been signed|were signed|worth|valued at}
        {contract|deal|agreement} {with|to supply|to install|for the supply|signed}
        {contracted|was contracted|were contracted|has contracted|subcontracted}
        {agreed to supply|agreed to provide|agreed to build|agreed to install}
        {awarded|won|secured} the
        {procured|procures|purchased|bought|acquired|ordered}
    """),
    "planned": _cues("""
        {plan|plans|planned|planning} to
        {plans|plan} for
        {will|would|shall|is to|are to|set to|going to} {install|deploy|supply|provide|build|introduce|roll out|launch|use|acquire|buy|set up|expand|construct|equip|implement}
        {to be installed|to be deployed|to be built|to be rolled out|to be launched|to be introduced|to be put up}
        {is introducing|are introducing|will introduce|will go up|will soon go up|to go up|will be put up}
        {will|would|shall} be {installed|deployed|supplied|built|rolled out|launched|provided|delivered|used|introduced|extended}
        {were to|was to} {supply|install|build|provide|deliver|deploy}
        {proposed|proposes|proposal|propose}
        {announced plans|announced a plan|unveiled plans|announced it would|announced that it will}
        {tender|tenders|tendering|request for proposals|bidding process}
        {is considering|are considering|considers|considering|explore|exploring|seeks to|seeking to|intends to|aims to|hopes to}
        {memorandum of understanding|mou|memorandum|framework agreement|letter of intent}
        {under negotiation|in talks|negotiating|negotiations}
        {next year|upcoming|future|planned}
        {to plant|to install|to deploy|to roll out|to introduce}
        {could deploy|may deploy|might deploy|could introduce|may introduce|could install}
        {authorised|authorized|approved} the {use|installation|deployment|purchase}
        {authorised|authorized} to {use|install|deploy}
    """),
}
# Words that describe a supply without dating it: they set a status only when nothing else does.
WEAK_STATUS_CUES = _cues("""
    {supplied|provided|delivered|supplies|provides|supplying|providing|uses|used|using|use}
    {began|begun|has begun|have begun|started|has started}
""")
WEAK_CONTRACT_CUES = _cues("""
    {signed|agreed|awarded|agreement|contract|deal}
""")
STATUS_PRECEDENCE = ("denied", "cancelled", "pilot", "operational", "contracted", "planned")
for _status, _block in lexicon_romance.STATUS.items():
    STATUS_CUES[_status].extend(_cues(_block))

# Phrases that weaken a claim without changing its status.
HEDGE_CUES = _cues("""
    {reportedly|allegedly|rumoured|rumored|unconfirmed|may have|might have|could have|is said to|are said to}
    {according to reports|it is unclear|it remains unclear|suspected}
""") + _cues(lexicon_romance.HEDGE)

# Contexts that mention a vendor and a technology without reporting a deployment. A sentence
# with such a cue yields no claim unless it also holds a deployment status.
NEGATIVE_CUES: dict[str, list[str]] = {
    "sanctions": _cues("""
        entity list
        {sanction|sanctions|sanctioned|sanctioning|blacklist|blacklisted|blacklisting}
        {export controls|export restrictions|trade restrictions|trade ban}
        {added to|placed on|put on} {the |a |}{list|blacklist}
        {ndaa|section 889|covered list|fcc|federal communications commission|ban approvals}
        {banned from|ban from|barred from|prohibited from} {the us|us|federal|government|selling}
    """),
    "stock": _cues("""
        {shares|stock|stocks|share price|stock price|shareholders|investors|market value|market cap|market capitalisation|market capitalization}
        {earnings|quarterly revenue|annual revenue|revenue rose|revenue fell|net profit|profit rose|profit fell|fiscal year|ipo|initial public offering}
        {stock exchange|nasdaq|nyse|hang seng|shenzhen-listed|shanghai-listed|hong kong-listed|dividend}
    """),
    "product": _cues("""
        {unveiled|unveils|launches|launched|introduces|introduced|showcased|showcases|debuted} {a |its |the |}new
        {new product|product launch|product line|new model|new camera|latest camera|new range}
        {trade show|trade fair|exhibition|expo|booth|ces|mwc|security essen|ifsec|intersec}
        {available now|now available|retail price|priced at|consumers|smartphone|smartphones}
    """),
    "opinion": _cues("""
        {op-ed|opinion|editorial|commentary|column}
        {i think|i believe|in my view|we should|we must|should be banned|ought to}
        {critics argue|critics say|experts warn|activists warn|could be used|might be used|risk of}
        {what if|imagine}
    """),
    "advocacy": _cues("""
        {called for|calls for|call for|calling for|urged|urges|demanded|demands|petition|campaigners want}
    """),
    "negation": _cues("""
        none of the
        {has not proposed|have not proposed|not proposed|no plans to|has no plans|have no plans}
        {no authority|no government|none is being considered|is not considering|are not considering}
        {if a city were|if the city were|if a government were|would be able to|imagine a}
    """),
    "law": _cues("""
        {data protection law|data-protection law|data protection act|data-protection act}
        {data protection bill|data-protection bill|privacy law|privacy act|lawsuit|settle a lawsuit}
        {survey by|a survey|a poll|polling company|opinion poll|respondents}
        {we consider|this index|methodology|our index|the index}
    """),
    "footage": _cues("""
        {footage showed|footage shows|footage of|caught on|captured on|video shows|video showed}
        {cctv footage|camera footage|security footage|surveillance footage}
    """),
}

# Words after which a capitalised name is presented as a supplier, and words that show a
# name is a buyer, a place or a publisher rather than a company.
def whole_words(*words: str) -> str:
    """An alternation of whole words (or phrases) in which each checks the word boundary
    behind itself rather than opening with ``\\b``: the regex engine then skips ahead to the
    letters that can start a match instead of trying every position of the text."""
    return "(?:" + "|".join(rf"{re.escape(w)}(?<!\w{re.escape(w)})" for w in words) + ")"


SUPPLIER_VERBS = (
    r"(?:was|were|has been|had been|is|are) (?:contracted|hired|commissioned|selected|chosen|awarded|tasked)"
    r"|won|secured|clinched|bagged|landed|supplied|supplies|will supply|to supply|supplying"
    r"|provided(?! (?:that|it|they|he|she|we|the [a-z]+ (?:is|was|are|were))\b)"
    r"|provides|will provide|installed|installs|will install|delivered|delivers|built|builds|will build"
    r"|developed|develops|designed|deployed|implemented|implements|signed|sells|sold|manufactured"
    r"|equipped|equips|will equip|rolled out|will roll out"
    r"|(?:has|have|had) (?:also |already |since |now )?(?:supplied|provided|installed|built|delivered|developed"
    r"|deployed|implemented|designed|won|secured|equipped|rolled out)"
    r"|" + lexicon_romance.SUPPLIER_VERBS
)
SUPPLIER_PREPS = (
    r"(?:supplied|provided|installed|built|developed|delivered|designed|made|manufactured|implemented"
    r"|deployed|operated|run|powered|awarded|contracted|sold|executed|equipped|maintained|carried out"
    r"|won|integrated)(?: [\w,]+){0,4}? by"
    r"|(?:contract|deal|agreement|partnership|tender|order)s? (?:with|to|was awarded to|went to)"
    r"|awarded (?:\w+ ){0,4}to|partnered with|signed with|teamed up with|(?:cameras|systems?|technology|software|platform|equipment) from"
    r"|in partnership with|in (?:collaboration|cooperation|a joint venture) with|(?:developed|built|designed) with"
    r"|(?:hired|engaged|commissioned|tapped|appointed|retained)"
    r"|" + lexicon_romance.SUPPLIER_PREPS
)
AGENCY_WORDS = frozenset(
    [
        "ministry",
        "ministries",
        "police",
        "government",
        "council",
        "authority",
        "authorities",
        "department",
        "agency",
        "bureau",
        "commission",
        "force",
        "forces",
        "army",
        "military",
        "parliament",
        "court",
        "office",
        "municipality",
        "municipal",
        "city",
        "province",
        "state",
        "county",
        "directorate",
        "service",
        "services",
        "secretariat",
        "presidency",
        "administration",
        "gendarmerie",
        "guard",
        "guards",
        "customs",
        "intelligence",
        "national",
        "federal",
        "republic",
        "assembly",
        "senate",
        "university",
        "institute",
        "school",
        "hospital",
        "union",
        "party",
        "committee",
        # Spanish, French and Portuguese heads of public bodies.
        "policía",
        "polícia",
        "policia",
        "gendarmería",
        "carabineros",
        "ministerio",
        "ministère",
        "ministério",
        "gobierno",
        "gouvernement",
        "governo",
        "prefectura",
        "prefeitura",
        "préfecture",
        "alcaldía",
        "mairie",
        "municipalidad",
        "municipio",
        "município",
        "ayuntamiento",
        "intendencia",
        "secretaría",
        "secretaria",
        "ejército",
        "exército",
        "armée",
        "fuerza",
        "fuerzas",
        "força",
        "forças",
        "guardia",
        "guarda",
        "garde",
        "tribunal",
        "cour",
        "fiscalía",
        "procuraduría",
        "estado",
        "état",
        "provincia",
        "província",
        "gobernación",
        "universidad",
        "universidade",
        "université",
        "instituto",
        "institut",
        "agencia",
        "agência",
        "agence",
        "dirección",
        "direção",
        "direction",
        "comisión",
        "comissão",
        "commission",
        "consejo",
        "conselho",
        "conseil",
        "asamblea",
        "assembleia",
        "assemblée",
        "senado",
        "sénat",
        "congreso",
        "congresso",
        "cámara",
        "câmara",
        "chambre",
        "nacional",
        "nationale",
        "fédéral",
        "pública",
        "público",
        "publique",
    ]
)
# Organisations that are reported as sources, not suppliers.
NON_SUPPLIERS = frozenset(
    [
        "reuters",
        "afp",
        "bloomberg",
        "bbc",
        "cnn",
        "ap",
        "associated",
        "press",
        "xinhua",
        "guardian",
        "times",
        "post",
        "journal",
        "amnesty",
        "human",
        "rights",
        "watch",
        "freedom",
        "house",
        "carnegie",
        "citizen",
        "lab",
        "privacy",
        "international",
        "access",
        "now",
        "article",
        "19",
        "aspi",
        "world",
        "bank",
        "imf",
        "united",
        "nations",
        "un",
        "european",
        "union",
        "eu",
        "ministry",
        "police",
        "government",
    ]
)
# Legal forms of companies, in the languages of the corpus and of the firms it names: a name
# ending in one is an organisation. Longer forms first ("Co., Ltd" before "Ltd").
LEGAL_FORMS = (
    r"Co\.?,? Ltd\.?|(?:Pvt|Pte|Pty)\.? Ltd\.?|Sdn\.? Bhd\.?|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation"
    r"|L\.?L\.?C\.?|LLP|PLC|plc|GmbH|AG|AB|ASA|A/S|Oy|B\.?V\.?|N\.?V\.?|S\.A\. de C\.V\.|SA de CV|S\.A\.S\.|SAS"
    r"|S\.?A\.?R\.?L\.?|S\. ?A\.|SA|S/A|S\.p\.A\.|SpA|S\.r\.l\.|Srl|S\.R\.L\.|S\.L\.|Ltda\.?|EIRELI"
    r"|P?JSC|OJSC|CJSC|OOO|K\.K\.|Tbk"
)
# Words that end company names as often as names of systems and products ("Facial Recognition
# Technology", "Video Analytics"): a name ending in one is an organisation only weakly.
DESCRIPTIVE_FORMS = (
    r"Company|Group|Holdings?|Technolog(?:y|ies)|Systems|Solutions|Security|Networks|Electronics"
    r"|Telecom(?:munications)?|Engineering|Labs?|Intelligence|International|Industries|Communications"
    r"|Vision|AI|Analytics|Consortium|Enterprises?"
)
# "Bolivia runs a similar system", "un système similaire à Conakry", "tested the same system":
# the system is the one the text last described, deployed in the place this sentence names.
SIMILAR_SYSTEM = (
    r"\b(?:similar|the same) (?:system|scheme|network|platform|technology)s?\b"
    r"|\b(?:système|sistema|dispositif|dispositivo|réseau|red|plataforma|plateforme)s? "
    r"(?:similaires?|similar(?:es)?|semelhantes?|parecidos?|análogos?|analogues?|équivalents?)\b"
    r"|\b(?:même|mismo|mesmo) (?:système|sistema|dispositif|dispositivo)\b"
)
SIMILAR_SYSTEM_RE = re.compile(SIMILAR_SYSTEM, re.IGNORECASE)
# Word stems one of which every match of SIMILAR_SYSTEM holds: a cheap test on lower-cased text.
SIMILAR_SYSTEM_STEMS = (
    "simil", "same", "même", "mism", "mesm", "semelhant", "parecid", "análog", "analog", "équivalent",
)  # fmt: skip

ANAPHORA = (
    r"(?=[TtLlEeAaOo])(?:"  # the first letters of every alternative: a fast test at each position
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:[A-Za-z-]+ ){0,3}?(?:company|firm|vendor|supplier|giant|manufacturer|"
    r"maker|group|contractor|provider|corporation|integrator|consortium)\b"
    + "|"
    + lexicon_romance.ANAPHORA
    + ")"
)
